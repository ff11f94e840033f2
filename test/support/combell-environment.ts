// A reseller-API world for one test file: real MariaDB, the Combell sandbox in front of it, the
// plugin process configured with only the reseller credentials, and an engine stand-in.
import { startCombellSandbox, type CombellSandbox, type CombellSandboxOptions } from "../sandbox/combell";
import { startEnvironment, type Environment } from "./environment";

export type CombellEnvironment = Environment<CombellSandbox>;

export function startCombellEnvironment(options: Omit<CombellSandboxOptions, "mariadb"> = {}): Promise<CombellEnvironment> {
  return startEnvironment(
    (mariadb) => startCombellSandbox({ jobDurationMs: 150, retryAfterSeconds: 0, ...options, mariadb }),
    (sandbox) => ({
      "hosting:config:combellApiKey": sandbox.apiKey,
      "hosting:config:combellApiSecret": sandbox.apiSecret,
      "hosting:config:combellEndpoint": sandbox.url,
    }),
  );
}
