// Row 3: 200 creates, 16 at a time, against a panel that allows 300 requests a minute and answers
// every request 20 ms late, beside the time that limit allows at best. The resource is WisPanel's
// Database: the panel is the API that documents a rate limit (60 a minute; here 300), and the
// Database is its create. A create costing one request (a Combell DNS record, a panel
// database) would not make the limit bind: 200 requests fit in one window of 300.
//
// The bound, for N requests the creates need, a limit of L a window of W, c requests in parallel
// and a latency of λ on each answer: a fixed window opens with the first request after the last
// one closed, so N requests need ⌈N/L⌉ windows; the last one opens no sooner than (⌈N/L⌉ − 1) × W
// after the first request, and its r = N − (⌈N/L⌉ − 1) × L requests take at least r × λ / c.
//   bound = max(N × λ / c, (⌈N/L⌉ − 1) × W + r × λ / c)
// For 200 Databases, N = 400 (a POST and the read-back), L = 300, W = 60 s, c = 16, λ = 20 ms:
// 60 s + 100 × 20 ms / 16 = 60.1 s. A client that learns the window from X-RateLimit-* sends the
// first 300 at once and waits for the reset; one that bounces off 429s waits as long and more.
import { createMany, workRequests } from "./creates";
import { LeanEngine } from "./lean-engine";
import { cpuMs } from "./process-stats";
import { ms, type Row } from "./report";
import { addLatency, configuredPlugin, wispanelDatabase, wispanelWorld } from "./worlds";

export const CREATES = 200;
export const PARALLEL = 16;
export const LATENCY_MS = 20;
const LIMIT = 300;
const WINDOW_MS = 60_000;
const TARGET_RATIO = 1.15;

export function rateLimitBound(requests: number, limit: number, windowMs: number, parallel: number, latencyMs: number): number {
  const windows = Math.ceil(requests / limit);
  const inLastWindow = requests - (windows - 1) * limit;
  return Math.max((requests * latencyMs) / parallel, (windows - 1) * windowMs + (inLastWindow * latencyMs) / parallel);
}

export async function measureRateLimitedCreates(): Promise<Row[]> {
  const world = await wispanelWorld({ limit: LIMIT, windowMs: WINDOW_MS });
  addLatency(world.sandbox, LATENCY_MS);
  const { plugin } = await configuredPlugin(world.config);
  const engine = LeanEngine.of(plugin);
  try {
    const cpuBefore = cpuMs(plugin.child.pid!);
    const run = await createMany(engine, "hosting:wispanel:Database", wispanelDatabase, { count: CREATES, parallel: PARALLEL, prefix: "limited" });
    const cpuPerCreate = (cpuMs(plugin.child.pid!) - cpuBefore) / CREATES;
    const requests = world.sandbox.requests;
    const needed = workRequests(requests);
    const bounced = requests.length - needed;
    const bound = rateLimitBound(needed, LIMIT, WINDOW_MS, PARALLEL, LATENCY_MS);
    const ratio = run.ms / bound;
    const reachedUser = run.failures.filter((message) => /429|rate limit/i.test(message)).length;
    return [
      {
        what: `${CREATES} WisPanel Database creates, ${PARALLEL} in parallel, ${LIMIT} requests/min, ${LATENCY_MS} ms latency`,
        measured: `${ms(run.ms)} (${ratio.toFixed(3)}x bound)`,
        reference: `bound ${ms(bound)} (${needed} requests)`,
        target: `<= ${TARGET_RATIO}x bound`,
        pass: ratio <= TARGET_RATIO && run.failures.length === 0,
        values: { ms: run.ms, boundMs: bound, ratio, requests: needed, failures: run.failures.length, pluginCpuMsPerCreate: cpuPerCreate },
      },
      {
        what: "  429s: reached the user / answered by the panel",
        measured: `${reachedUser} / ${bounced}`,
        reference: "",
        target: "0 reach the user (ideally 0 answered)",
        pass: reachedUser === 0 && run.failures.length === 0,
        values: { reachedUser, answered: bounced },
      },
    ];
  } finally {
    engine.close();
    await plugin.stop();
    await world.sandbox.close();
  }
}
