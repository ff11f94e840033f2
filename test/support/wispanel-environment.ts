// A WisPanel world for one test file: real MariaDB, the WisPanel sandbox in front of it over HTTPS
// with its own CA, the plugin process configured with the panel's address, key and CA, and an
// engine stand-in.
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startWisPanelSandbox, type WisPanelSandbox, type WisPanelSandboxOptions } from "../sandbox/wispanel";

export interface WisPanelEnvironment {
  mariadb: MariaDB;
  sandbox: WisPanelSandbox;
  plugin: PluginProcess;
  deployment: Deployment;
  stop(): Promise<void>;
}

/** The config of a plugin that talks to `sandbox` with its first user's key. */
export function wispanelConfig(sandbox: WisPanelSandbox, token = sandbox.token): Record<string, string> {
  return {
    "hosting:config:wispanelEndpoint": sandbox.url,
    "hosting:config:wispanelApiToken": token,
    "hosting:config:wispanelCaCertificate": sandbox.ca,
  };
}

export async function startWisPanelEnvironment(options: Omit<WisPanelSandboxOptions, "mariadb"> = {}): Promise<WisPanelEnvironment> {
  const mariadb = await startMariaDB();
  const sandbox = await startWisPanelSandbox({ ...options, mariadb });
  const plugin = await PluginProcess.start();
  await plugin.configure(wispanelConfig(sandbox));
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
