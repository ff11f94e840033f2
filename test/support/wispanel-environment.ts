// A WisPanel world for one test file: real MariaDB, the WisPanel sandbox in front of it over HTTPS
// with its own CA, the plugin process configured with the panel's address, key and CA, and an
// engine stand-in.
import { startWisPanelSandbox, type WisPanelSandbox, type WisPanelSandboxOptions } from "../sandbox/wispanel";
import { startEnvironment, type Environment } from "./environment";

export type WisPanelEnvironment = Environment<WisPanelSandbox>;

/** The config of a plugin that talks to `sandbox` with its first user's key. */
export function wispanelConfig(sandbox: WisPanelSandbox, token = sandbox.token): Record<string, string> {
  return {
    "hosting:config:wispanelEndpoint": sandbox.url,
    "hosting:config:wispanelApiToken": token,
    "hosting:config:wispanelCaCertificate": sandbox.ca,
  };
}

export function startWisPanelEnvironment(
  options: Omit<WisPanelSandboxOptions, "mariadb"> = {},
  plugin?: Parameters<typeof startEnvironment>[2],
): Promise<WisPanelEnvironment> {
  return startEnvironment((mariadb) => startWisPanelSandbox({ ...options, mariadb }), (sandbox) => wispanelConfig(sandbox), plugin);
}
