// Row 4: the same 200 creates without a limit, beside the ideal: every request the creates need
// waits the latency and nothing else, 16 at a time (requests × 20 ms / 16). Beside it, what a bare
// client reaches on the same machine (bare-client.ts), and the plugin's CPU time per create.
import { bareClientCreates } from "./bare-client";
import { createMany, workRequests } from "./creates";
import { CREATES, LATENCY_MS, PARALLEL } from "./rate-limited-creates";
import { cpuMs } from "./process-stats";
import { ms, type Row } from "./report";
import { addLatency, configuredPlugin, wispanelDatabase, wispanelWorld } from "./worlds";

const TARGET_SHARE = 0.8;

export async function measureThroughput(): Promise<Row[]> {
  const world = await wispanelWorld();
  addLatency(world.sandbox, LATENCY_MS);
  const { plugin, deployment } = await configuredPlugin(world.config);
  try {
    const cpuBefore = cpuMs(plugin.child.pid!);
    const run = await createMany(deployment, "hosting:wispanel:Database", wispanelDatabase, { count: CREATES, parallel: PARALLEL, prefix: "free" });
    const cpuPerCreate = (cpuMs(plugin.child.pid!) - cpuBefore) / CREATES;
    const requests = workRequests(world.sandbox.requests);
    const ideal = (requests * LATENCY_MS) / PARALLEL;
    const share = ideal / run.ms;
    const bareShare = ideal / (await bareClientCreates(world.sandbox, CREATES, PARALLEL));
    return [
      {
        what: `the same ${CREATES} creates without a limit`,
        measured: `${ms(run.ms)} (${(share * 100).toFixed(0)}% of ideal)`,
        reference: `ideal ${ms(ideal)} (${requests} requests x ${LATENCY_MS} ms / ${PARALLEL}); bare undici client ${(bareShare * 100).toFixed(0)}%; plugin CPU ${ms(cpuPerCreate)}/create`,
        target: `>= ${TARGET_SHARE * 100}% of ideal`,
        pass: share >= TARGET_SHARE && run.failures.length === 0,
        values: { ms: run.ms, idealMs: ideal, share, requests, failures: run.failures.length, pluginCpuMsPerCreate: cpuPerCreate, bareClientShare: bareShare },
      },
    ];
  } finally {
    await plugin.stop();
    await world.sandbox.close();
  }
}
