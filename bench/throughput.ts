// Row 4: the same 200 creates without a limit, beside the ideal: every request the creates need
// waits the latency and nothing else, 16 at a time (requests × 20 ms / 16). Beside it, what the
// same machine allows: a bare provider (bare-provider.ts) doing nothing but the same requests,
// through the same engine and gRPC; a bare undici client making only the requests
// (bare-client.ts); and the plugin's CPU time per create.
//
// The timed creates follow as many creates of warm-up through the same plugin, as the 200th
// create of a large `pulumi up` follows the first ones: a plugin just started is still compiling
// its hot paths (about twice the CPU per create), which the first creates' figures show beside.
import { bareClientCreates } from "./bare-client";
import { workRequests } from "./creates";
import { createsOnEngineThread } from "./engine-thread";
import { CREATES, LATENCY_MS, PARALLEL } from "./rate-limited-creates";
import { ms, type Row } from "./report";
import { addLatency, wispanelWorld } from "./worlds";

const TARGET_SHARE = 0.8;

export async function measureThroughput(): Promise<Row[]> {
  const world = await wispanelWorld();
  addLatency(world.sandbox, LATENCY_MS);
  try {
    let timedFrom = 0;
    const run = await createsOnEngineThread(
      { config: world.config, count: CREATES, parallel: PARALLEL, prefix: "free", warmUpCount: CREATES },
      () => (timedFrom = world.sandbox.requests.length),
    );
    const requests = workRequests(world.sandbox.requests.slice(timedFrom));
    const ideal = (requests * LATENCY_MS) / PARALLEL;
    const share = ideal / run.ms;
    const first = run.warmUp!;
    const bareShare = ideal / (await bareClientCreates(world.sandbox, CREATES, PARALLEL));
    const { url, token, ca } = world.sandbox;
    const bareProvider = await createsOnEngineThread({ config: {}, bareProvider: { url, token, ca }, firstNumber: 1_000_000, count: CREATES, parallel: PARALLEL, prefix: "bare", warmUpCount: CREATES });
    const bareProviderFailures = [...bareProvider.failures, ...(bareProvider.warmUp?.failures ?? [])];
    if (bareProviderFailures.length > 0) throw new Error(`the bare provider's creates failed: ${bareProviderFailures[0]}`);
    const bareProviderShare = ideal / bareProvider.ms;
    return [
      {
        what: `the same ${CREATES} creates without a limit`,
        measured: `${ms(run.ms)} (${(share * 100).toFixed(0)}% of ideal)`,
        reference: `ideal ${ms(ideal)} (${requests} requests x ${LATENCY_MS} ms / ${PARALLEL}); bare provider ${(bareProviderShare * 100).toFixed(0)}%, bare undici client ${(bareShare * 100).toFixed(0)}%; plugin CPU ${ms(run.pluginCpuMsPerCreate)}/create; the first ${CREATES} after start: ${ms(first.ms)}, ${ms(first.pluginCpuMsPerCreate)} CPU/create`,
        target: `>= ${TARGET_SHARE * 100}% of ideal`,
        pass: share >= TARGET_SHARE && run.failures.length === 0 && first.failures.length === 0,
        values: {
          ms: run.ms,
          idealMs: ideal,
          share,
          requests,
          failures: run.failures.length + first.failures.length,
          pluginCpuMsPerCreate: run.pluginCpuMsPerCreate,
          bareClientShare: bareShare,
          bareProviderShare,
          firstCreatesMs: first.ms,
          firstCreatesPluginCpuMsPerCreate: first.pluginCpuMsPerCreate,
        },
      },
    ];
  } finally {
    await world.sandbox.close();
  }
}
