// A reseller-API world for one test file: real MariaDB, the Combell sandbox in front of it, the
// plugin process configured with only the reseller credentials, and an engine stand-in.
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { startCombellSandbox, type CombellSandbox, type CombellSandboxOptions } from "../sandbox/combell";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";

export interface CombellEnvironment {
  mariadb: MariaDB;
  sandbox: CombellSandbox;
  plugin: PluginProcess;
  deployment: Deployment;
  stop(): Promise<void>;
}

export async function startCombellEnvironment(options: Omit<CombellSandboxOptions, "mariadb"> = {}): Promise<CombellEnvironment> {
  const mariadb = await startMariaDB();
  const sandbox = await startCombellSandbox({ jobDurationMs: 150, retryAfterSeconds: 0, ...options, mariadb });
  const plugin = await PluginProcess.start();
  await plugin.configure({
    "hosting:config:combellApiKey": sandbox.apiKey,
    "hosting:config:combellApiSecret": sandbox.apiSecret,
    "hosting:config:combellEndpoint": sandbox.url,
  });
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
