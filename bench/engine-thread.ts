// The engine stand-in on a thread of its own, for the rows that time creates. In a real `pulumi
// up` the engine, the plugin and the API are three programs; run on the benchmark's main thread
// beside the sandbox, the engine's gRPC work and the sandbox's answers would wait on one event
// loop, and the row would time the test equipment's queue as much as the provider.
//
// The thread starts the plugin, warms it with creates of its own if asked, then tells the main
// thread it is ready, so that the sandbox's request log can be cut there, and times the creates.
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { PluginProcess } from "../test/harness/plugin";
import { BARE_PROVIDER_WISPANEL } from "./bare-provider";
import type { WisPanelAddress } from "./bare-wispanel";
import { createMany, type CreateRun } from "./creates";
import { LeanEngine } from "./lean-engine";
import { cpuMs } from "./process-stats";
import { configuredPlugin, wispanelDatabase } from "./worlds";

export interface EngineRun extends CreateRun {
  pluginCpuMsPerCreate: number;
  /** The same figures for the warm-up, when there was one: what a plugin just started does. */
  warmUp?: CreateRun & { pluginCpuMsPerCreate: number };
}

interface Job {
  config: Record<string, string>;
  /** Instead of the plugin, the bare provider (bare-provider.ts) making its creates' requests to this sandbox. */
  bareProvider?: WisPanelAddress;
  count: number;
  parallel: number;
  prefix: string;
  warmUpCount: number;
  /** Where the Databases' numbers start (wispanelDatabase): runs against one sandbox must not collide. */
  firstNumber?: number;
}

type FromThread = { ready: true } | { done: EngineRun } | { failed: string };

/**
 * `count` WisPanel Database creates through a plugin that an engine thread starts and configures
 * with `config` (or through the bare provider). `onReady` runs once the plugin is up (and warm), just before the timed creates.
 */
export function createsOnEngineThread(job: Job, onReady: () => void = () => undefined): Promise<EngineRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.on("message", (message: FromThread) => {
      if ("ready" in message) {
        onReady();
        worker.postMessage("go");
      } else if ("done" in message) resolve(message.done);
      else reject(new Error(message.failed));
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`the engine thread exited (${code}) before it answered`)));
  });
}

async function runJob(job: Job): Promise<EngineRun> {
  const plugin = job.bareProvider
    ? await PluginProcess.start({ command: [process.execPath, join(__dirname, "bare-provider.js")], env: { [BARE_PROVIDER_WISPANEL]: JSON.stringify(job.bareProvider) } })
    : (await configuredPlugin(job.config)).plugin;
  const engine = LeanEngine.of(plugin);
  const timedCreates = async (prefix: string, count: number, offset: number) => {
    const cpuBefore = cpuMs(plugin.child.pid!);
    const run = await createMany(engine, "hosting:wispanel:Database", (i) => wispanelDatabase(offset + i), { count, parallel: job.parallel, prefix });
    return { ...run, pluginCpuMsPerCreate: (cpuMs(plugin.child.pid!) - cpuBefore) / count };
  };
  try {
    const warmUp = job.warmUpCount > 0 ? await timedCreates(`${job.prefix}warm`, job.warmUpCount, (job.firstNumber ?? 0) + 500_000) : undefined;
    parentPort!.postMessage({ ready: true } satisfies FromThread);
    await new Promise<void>((go) => parentPort!.once("message", () => go()));
    return { ...(await timedCreates(job.prefix, job.count, job.firstNumber ?? 0)), ...(warmUp ? { warmUp } : {}) };
  } finally {
    engine.close();
    await plugin.stop();
  }
}

if (!isMainThread && parentPort) {
  runJob(workerData as Job).then(
    (done) => {
      parentPort!.postMessage({ done } satisfies FromThread);
      // The plugin's client and timers must not keep the thread alive.
      process.exit(0);
    },
    (error) => {
      parentPort!.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromThread);
      process.exit(0);
    },
  );
}
