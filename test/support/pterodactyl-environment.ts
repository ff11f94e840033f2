// A game-server panel world for one mode of one test file: real MariaDB, the panel sandbox in
// that mode in front of it, the plugin process configured with only the panel's credentials,
// and an engine stand-in.
import { startPterodactylSandbox, type PanelMode, type PterodactylSandbox, type PterodactylSandboxOptions } from "../sandbox/pterodactyl";
import { startEnvironment, type Environment } from "./environment";

export type PterodactylEnvironment = Environment<PterodactylSandbox>;

export function startPterodactylEnvironment(mode: PanelMode, options: Omit<PterodactylSandboxOptions, "mode" | "mariadb"> = {}): Promise<PterodactylEnvironment> {
  return startEnvironment(
    (mariadb) => startPterodactylSandbox({ ...options, mode, mariadb }),
    (sandbox) => ({ "hosting:config:pterodactylEndpoint": sandbox.url, "hosting:config:pterodactylApiKey": sandbox.apiKey }),
  );
}
