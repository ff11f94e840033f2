// Row 7: the plugin's memory right after it started, and at its peak (VmHWM, the most it ever
// held resident) with 500 creates in flight at once: a large program's first `up` at an engine
// --parallel of 500. The panel answers each request a second late, so all 500 are open together.
import { createMany } from "./creates";
import { LeanEngine } from "./lean-engine";
import { cpuMs, statusBytes } from "./process-stats";
import { mib, ms, type Row } from "./report";
import { PluginProcess } from "../test/harness/plugin";
import { addLatency, wispanelDatabase, wispanelWorld } from "./worlds";

const IN_FLIGHT = 500;
const LATENCY_MS = 1000;
const TARGET_BYTES = 200 * 1024 * 1024;

export async function measureMemory(): Promise<Row[]> {
  const world = await wispanelWorld();
  addLatency(world.sandbox, LATENCY_MS);
  const plugin = await PluginProcess.start();
  try {
    const pid = plugin.child.pid!;
    // The first request waits for the service to load (it loads just after the port): what an idle plugin holds.
    await plugin.getPluginInfo();
    const afterStart = statusBytes(pid, "VmRSS");
    await plugin.configure(world.config);
    const configured = statusBytes(pid, "VmRSS");
    const engine = LeanEngine.of(plugin);
    const cpuBefore = cpuMs(pid);
    const run = await createMany(engine, "hosting:wispanel:Database", wispanelDatabase, { count: IN_FLIGHT, parallel: IN_FLIGHT, prefix: "memory" });
    const peak = statusBytes(pid, "VmHWM");
    const cpuPerCreate = (cpuMs(pid) - cpuBefore) / IN_FLIGHT;
    engine.close();
    return [
      {
        what: "plugin memory after start, service loaded (VmRSS)",
        measured: mib(afterStart),
        reference: `after Configure: ${mib(configured)}`,
        target: "",
        values: { afterStartBytes: afterStart, afterConfigureBytes: configured },
      },
      {
        what: `plugin peak memory, ${IN_FLIGHT} WisPanel creates in flight at once (VmHWM)`,
        measured: mib(peak),
        reference: run.failures.length ? `${run.failures.length} creates failed: ${run.failures[0]}` : `all ${IN_FLIGHT} created in ${ms(run.ms)}, plugin CPU ${ms(cpuPerCreate)}/create`,
        target: `< ${mib(TARGET_BYTES)}`,
        pass: peak < TARGET_BYTES && run.failures.length === 0,
        values: { peakBytes: peak, ms: run.ms, failures: run.failures.length, pluginCpuMsPerCreate: cpuPerCreate },
      },
    ];
  } finally {
    await plugin.stop();
    await world.sandbox.close();
  }
}
