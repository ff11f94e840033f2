// A ServerPilot world for one test file: real MariaDB, the ServerPilot sandbox in front of it,
// the plugin process configured against the sandbox, and an engine stand-in.
import { startServerPilotSandbox, type ServerPilotSandbox, type ServerPilotSandboxOptions } from "../sandbox/serverpilot";
import { startEnvironment, type Environment } from "./environment";

export type ServerPilotEnvironment = Environment<ServerPilotSandbox>;

export function startServerPilotEnvironment(options: Omit<ServerPilotSandboxOptions, "mariadb"> = {}): Promise<ServerPilotEnvironment> {
  return startEnvironment(
    (mariadb) => startServerPilotSandbox({ actionDelayMs: 150, ...options, mariadb }),
    (sandbox) => ({
      "hosting:config:serverpilotClientId": sandbox.clientId,
      "hosting:config:serverpilotApiKey": sandbox.apiKey,
      "hosting:config:serverpilotEndpoint": sandbox.url,
    }),
  );
}
