// The sandboxes the benchmark measures against, each with the plugin configuration that points at
// it. No MariaDB behind them: the figures are the provider's, not a database server's.
import { Deployment } from "../test/harness/deployment";
import { PluginProcess } from "../test/harness/plugin";
import type { InjectedFault, ServedRequest } from "../test/sandbox/base";
import { startCombellSandbox, type CombellSandbox, type CombellSandboxOptions } from "../test/sandbox/combell";
import { startDbaasSandbox, type DbaasSandbox } from "../test/sandbox/dbaas";
import { startPterodactylSandbox, type PterodactylSandbox } from "../test/sandbox/pterodactyl";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../test/sandbox/serverpilot";
import { startWisPanelSandbox, type WisPanelSandbox, type WisPanelSandboxOptions } from "../test/sandbox/wispanel";

export interface World<S> {
  sandbox: S;
  /** The plugin's configuration ("hosting:config:key" -> value) for this sandbox. */
  config: Record<string, string>;
}

interface Served {
  readonly requests: ServedRequest[];
  injectFault(fault: InjectedFault): void;
}

/** Every answer comes `ms` later, as from an API across the internet; requests still run in parallel. */
export function addLatency(sandbox: Served, ms: number): void {
  sandbox.injectFault({ delayMs: ms, times: Number.POSITIVE_INFINITY });
}

export async function serverPilotWorld(actionDelayMs = 0): Promise<World<ServerPilotSandbox>> {
  const sandbox = await startServerPilotSandbox({ actionDelayMs });
  return {
    sandbox,
    config: {
      "hosting:config:serverpilotClientId": sandbox.clientId,
      "hosting:config:serverpilotApiKey": sandbox.apiKey,
      "hosting:config:serverpilotEndpoint": sandbox.url,
    },
  };
}

export const DNS_ZONE = "bench.example.com";

export async function combellWorld(options: CombellSandboxOptions = {}): Promise<World<CombellSandbox>> {
  const sandbox = await startCombellSandbox(options);
  // The zone an account with DNS would have made: DNS records need one.
  sandbox.store.dnsZones.set(DNS_ZONE, new Map());
  return {
    sandbox,
    config: {
      "hosting:config:combellApiKey": sandbox.apiKey,
      "hosting:config:combellApiSecret": sandbox.apiSecret,
      "hosting:config:combellEndpoint": sandbox.url,
    },
  };
}

export async function pterodactylWorld(): Promise<World<PterodactylSandbox>> {
  const sandbox = await startPterodactylSandbox({ mode: "panel" });
  return { sandbox, config: { "hosting:config:pterodactylEndpoint": sandbox.url, "hosting:config:pterodactylApiKey": sandbox.apiKey } };
}

/** Without a limit of its own the panel still sends X-RateLimit-*, of a window nobody fills. */
export const NO_LIMIT = { limit: 1_000_000_000, windowMs: 60_000 };

export async function wispanelWorld(rateLimit: WisPanelSandboxOptions["rateLimit"] = NO_LIMIT): Promise<World<WisPanelSandbox>> {
  const sandbox = await startWisPanelSandbox({ rateLimit });
  return {
    sandbox,
    config: {
      "hosting:config:wispanelEndpoint": sandbox.url,
      "hosting:config:wispanelApiToken": sandbox.token,
      "hosting:config:wispanelCaCertificate": sandbox.ca,
    },
  };
}

export async function dbaasWorld(provisioningMs = 0): Promise<World<DbaasSandbox>> {
  // MongoDB databases are emulated: nothing but the API stands behind them.
  const sandbox = await startDbaasSandbox({ provisioningMs, deleteMs: 0, redis: false });
  return { sandbox, config: { "hosting:config:dbaasEndpoint": sandbox.url, "hosting:config:dbaasApiToken": sandbox.token } };
}

/** A plugin process started as the engine starts it, configured for `config`, with an engine stand-in. */
export async function configuredPlugin(config: Record<string, string>): Promise<{ plugin: PluginProcess; deployment: Deployment }> {
  const plugin = await PluginProcess.start();
  try {
    await plugin.configure(config);
  } catch (error) {
    await plugin.stop();
    throw error;
  }
  return { plugin, deployment: new Deployment(plugin) };
}

export const wispanelDatabase = (i: number) => ({ name: `bench${i}`, user: `bench${i}_user`, password: "Bench-password-1", domain: "example.com" });
export const dnsRecord = (i: number) => ({ domainName: DNS_ZONE, type: "A", recordName: `host${i}`, content: `192.0.2.${(i % 250) + 1}` });
