// A world for one test file: real MariaDB, an API's sandbox in front of it, the plugin process
// configured with only that API's credentials, and an engine stand-in. Stopped in the reverse
// order, so nothing is torn away from under what still uses it.
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";

type PluginStartOptions = NonNullable<Parameters<typeof PluginProcess.start>[0]>;

export interface Environment<Sandbox> {
  mariadb: MariaDB;
  sandbox: Sandbox;
  plugin: PluginProcess;
  deployment: Deployment;
  stop(): Promise<void>;
}

export async function startEnvironment<Sandbox extends { close(): Promise<void> }>(
  startSandbox: (mariadb: MariaDB) => Promise<Sandbox>,
  /** The plugin's configuration ("hosting:config:key" -> value) for the sandbox. */
  configFor: (sandbox: Sandbox) => Record<string, string>,
  /** How the plugin starts; default the repository's plugin binary. */
  pluginOptions: PluginStartOptions = {},
): Promise<Environment<Sandbox>> {
  const mariadb = await startMariaDB();
  const started: { sandbox?: Sandbox; plugin?: PluginProcess } = {};
  try {
    const sandbox = (started.sandbox = await startSandbox(mariadb));
    const plugin = (started.plugin = await PluginProcess.start(pluginOptions));
    await plugin.configure(configFor(sandbox));
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
  } catch (error) {
    // A start that fails half-way must not leave a MariaDB or a plugin running past the test file.
    await started.plugin?.stop();
    await started.sandbox?.close();
    await mariadb.stop();
    throw error;
  }
}
