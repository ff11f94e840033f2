// A world for a chaos test file: one MariaDB (and PostgreSQL with Redis for the DBaaS), the
// sandboxes of the APIs the file's programs use, all behind one plugin process configured with
// every one of them and a short request timeout, so an answer held past it costs seconds, not
// half a minute. What exists is asked of each sandbox's own state and of the database servers.
import { PluginProcess } from "../harness/plugin";
import type { ChaosControls, ChaosOptions } from "../sandbox/base";
import { startCombellSandbox, type CombellSandbox } from "../sandbox/combell";
import { startDbaasSandbox, type DbaasSandbox } from "../sandbox/dbaas";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startPostgres, type Postgres } from "../sandbox/postgres";
import { startPterodactylSandbox, type PterodactylSandbox } from "../sandbox/pterodactyl";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../sandbox/serverpilot";
import { startWisPanelSandbox, type WisPanelSandbox } from "../sandbox/wispanel";
import { ensureRedis } from "../support/dbaas-environment";
import { wispanelConfig } from "../support/wispanel-environment";

/** Seconds: the plugin's hosting:requestTimeout in a chaos world. */
export const REQUEST_TIMEOUT_SECONDS = 2;
/** How long chaos holds a slow answer: past the request timeout. */
export const SLOW_MS = REQUEST_TIMEOUT_SECONDS * 1000 + 500;

export type ApiName = "ServerPilot" | "Combell" | "Pterodactyl" | "WisPanel" | "DBaaS";

export interface ChaosSandboxes {
  ServerPilot?: ServerPilotSandbox;
  Combell?: CombellSandbox;
  Pterodactyl?: PterodactylSandbox;
  WisPanel?: WisPanelSandbox;
  DBaaS?: DbaasSandbox;
}

export interface ChaosWorld {
  plugin: PluginProcess;
  mariadb: MariaDB;
  postgres?: Postgres;
  sandboxes: ChaosSandboxes;
  /** Chaos on in every sandbox, each with a seed of its own drawn from `options.seed`. */
  chaos(options: ChaosOptions, spareFor?: (api: ApiName) => ChaosOptions["spare"]): void;
  /** Resolves once no background work (a job, a database coming or going) is under way, or after 10 s. */
  quiesce(): Promise<void>;
  chaosOff(): void;
  /** Every fault met in every sandbox since `from` (a count per API, from faultCounts()). */
  faultsSince(from: Partial<Record<ApiName, number>>): string[];
  faultCounts(): Partial<Record<ApiName, number>>;
  /** The last requests each sandbox served: what a step that hangs was doing. */
  lastRequests(count: number): string[];
  stop(): Promise<void>;
}

type Closable = { close(): Promise<void> };

export async function startChaosWorld(apis: readonly ApiName[]): Promise<ChaosWorld> {
  const started: Closable[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.close().catch(() => undefined);
  };
  try {
    const usesDbaas = apis.includes("DBaaS");
    if (usesDbaas) ensureRedis();
    const [mariadb, postgres] = await Promise.all([startMariaDB(), usesDbaas ? startPostgres() : undefined]);
    started.push({ close: () => mariadb.stop() });
    if (postgres) started.push({ close: () => postgres.stop() });
    const sandboxes: ChaosSandboxes = {};
    const config: Record<string, string> = { "hosting:config:requestTimeout": String(REQUEST_TIMEOUT_SECONDS) };
    const track = <S extends Closable>(sandbox: S) => (started.push(sandbox), sandbox);
    if (apis.includes("ServerPilot")) {
      const s = (sandboxes.ServerPilot = track(await startServerPilotSandbox({ actionDelayMs: 50, mariadb })));
      Object.assign(config, { "hosting:config:serverpilotClientId": s.clientId, "hosting:config:serverpilotApiKey": s.apiKey, "hosting:config:serverpilotEndpoint": s.url });
    }
    if (apis.includes("Combell")) {
      const s = (sandboxes.Combell = track(await startCombellSandbox({ jobDurationMs: 100, retryAfterSeconds: 0, mariadb })));
      Object.assign(config, { "hosting:config:combellApiKey": s.apiKey, "hosting:config:combellApiSecret": s.apiSecret, "hosting:config:combellEndpoint": s.url });
    }
    if (apis.includes("Pterodactyl")) {
      const s = (sandboxes.Pterodactyl = track(await startPterodactylSandbox({ mode: "panel", mariadb })));
      Object.assign(config, { "hosting:config:pterodactylEndpoint": s.url, "hosting:config:pterodactylApiKey": s.apiKey });
    }
    if (apis.includes("WisPanel")) {
      // Far above what a run sends: the runs are about faults, not about the panel's minute.
      const s = (sandboxes.WisPanel = track(await startWisPanelSandbox({ mariadb, rateLimit: { limit: 100_000 } })));
      Object.assign(config, wispanelConfig(s));
    }
    if (usesDbaas) {
      const s = (sandboxes.DBaaS = track(await startDbaasSandbox({ provisioningMs: 100, deleteMs: 50, mariadb, postgres })));
      Object.assign(config, { "hosting:config:dbaasEndpoint": s.url, "hosting:config:dbaasApiToken": s.token });
    }
    const plugin = await PluginProcess.start();
    started.push({ close: () => plugin.stop() });
    await plugin.configure(config);
    const each = () => Object.entries(sandboxes) as Array<[ApiName, ChaosControls]>;
    return {
      plugin,
      mariadb,
      postgres,
      sandboxes,
      chaos(options, spareFor) {
        for (const [index, [api, sandbox]] of each().entries()) {
          sandbox.chaos({ ...options, seed: options.seed * 7 + index, spare: spareFor?.(api) ?? options.spare });
        }
      },
      async quiesce() {
        const busy = () =>
          [...(sandboxes.Combell?.store.jobs.values() ?? [])].some((job) => job.status === "ongoing") ||
          [...(sandboxes.DBaaS?.store.values() ?? [])].some((db) => db.status === "provisioning");
        for (const until = Date.now() + 10_000; busy() && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
      },
      chaosOff() {
        for (const [, sandbox] of each()) sandbox.chaosOff();
      },
      faultCounts: () => Object.fromEntries(each().map(([api, s]) => [api, s.faultLog.length])),
      faultsSince(from) {
        const entries = each().flatMap(([api, s]) => s.faultLog.slice(from[api] ?? 0).map((f) => ({ api, ...f })));
        return entries
          .sort((a, b) => a.at - b.at)
          .map((f) => `${new Date(f.at).toISOString().slice(11, 23)} ${f.api}: ${f.kind}${f.status ? ` (${f.status})` : ""} ${f.method} ${f.path}`);
      },
      lastRequests: (count) =>
        (Object.entries(sandboxes) as Array<[ApiName, { requests: Array<{ method: string; path: string; status: number; at: number }> }]>)
          .flatMap(([api, s]) => s.requests.slice(-count).map((r) => ({ api, ...r })))
          .sort((a, b) => a.at - b.at)
          .map((r) => `${new Date(r.at).toISOString().slice(11, 23)} ${r.api}: ${r.method} ${r.path} ${r.status || "dropped"}`),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
