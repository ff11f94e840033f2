// A game-server panel world for one mode of one test file: real MariaDB, the panel sandbox in
// that mode in front of it, the plugin process configured with only the panel's credentials,
// and an engine stand-in.
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startPterodactylSandbox, type PanelMode, type PterodactylSandbox, type PterodactylSandboxOptions } from "../sandbox/pterodactyl";

export interface PterodactylEnvironment {
  mariadb: MariaDB;
  sandbox: PterodactylSandbox;
  plugin: PluginProcess;
  deployment: Deployment;
  stop(): Promise<void>;
}

export async function startPterodactylEnvironment(mode: PanelMode, options: Omit<PterodactylSandboxOptions, "mode" | "mariadb"> = {}): Promise<PterodactylEnvironment> {
  const mariadb = await startMariaDB();
  const sandbox = await startPterodactylSandbox({ ...options, mode, mariadb });
  const plugin = await PluginProcess.start();
  await plugin.configure({ "hosting:config:pterodactylEndpoint": sandbox.url, "hosting:config:pterodactylApiKey": sandbox.apiKey });
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
