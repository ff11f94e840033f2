// A ServerPilot world for one test file: real MariaDB, the ServerPilot sandbox in front of it,
// the plugin process configured against the sandbox, and an engine stand-in.
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startServerPilotSandbox, type ServerPilotSandbox, type ServerPilotSandboxOptions } from "../sandbox/serverpilot";

export interface ServerPilotEnvironment {
  mariadb: MariaDB;
  sandbox: ServerPilotSandbox;
  plugin: PluginProcess;
  deployment: Deployment;
  /** Every secret the tests handed the plugin or that the plugin returned wrapped. */
  stop(): Promise<void>;
}

export async function startServerPilotEnvironment(
  options: Omit<ServerPilotSandboxOptions, "mariadb"> = {},
): Promise<ServerPilotEnvironment> {
  const mariadb = await startMariaDB();
  const sandbox = await startServerPilotSandbox({ actionDelayMs: 150, ...options, mariadb });
  const plugin = await PluginProcess.start();
  await plugin.configure(
    {
      "hosting:config:serverpilotClientId": sandbox.clientId,
      "hosting:config:serverpilotApiKey": sandbox.apiKey,
      "hosting:config:serverpilotEndpoint": sandbox.url,
    },
  );
  return {
    mariadb,
    sandbox,
    plugin,
    deployment: new Deployment(plugin),
    async stop() {
      await plugin.stop();
      await sandbox.close();
      await mariadb.stop();
    },
  };
}
