// Row 2: Check and Diff over gRPC with 32 calls in flight, as an engine previewing a large program
// keeps them, beside a bare gRPC server answering the same methods with nothing (bare-provider.ts),
// loaded the same way from the same lean client (lean-engine.ts). Rounds alternate between the two, so load from
// elsewhere on the machine falls on both alike. A p99 is the 80th slowest of 8000 calls: with
// fewer, one pause of the machine's moves it by milliseconds.
import { join } from "node:path";
import { PluginProcess, urnOf } from "../test/harness/plugin";
import { LeanEngine } from "./lean-engine";
import { ms, type Row } from "./report";
import { msSince, percentile } from "./stats";

const IN_FLIGHT = 32;
const WARM_UP_CALLS = 1000;
const ROUNDS = 8;
const CALLS_PER_ROUND = 1000;
const TARGET_EXTRA_P99_MS = 5;

const URN = urnOf("hosting:serverpilot:App", "blog");
const NEWS = { name: "blog", sysuserId: "u1", runtime: "php8.3", domains: ["example.com", "www.example.com"], autoSsl: true, forceSsl: true };
const OLDS = { ...NEWS, id: "a1", runtime: "php8.2" };

type Method = "check" | "diff";

const call = (server: LeanEngine, method: Method) =>
  method === "check" ? server.check(URN, NEWS) : server.diff(URN, "a1", OLDS, NEWS, { ...NEWS, runtime: "php8.2" });

/** The latency of each of `count` calls, IN_FLIGHT at a time. */
async function load(server: LeanEngine, method: Method, count: number): Promise<number[]> {
  const latencies: number[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued++ < count) {
      const started = process.hrtime.bigint();
      await call(server, method);
      latencies.push(msSince(started));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return latencies;
}

export async function measureRpcLatency(): Promise<Row[]> {
  const pluginProcess = await PluginProcess.start();
  const bareProcess = await PluginProcess.start({ command: [process.execPath, join(__dirname, "bare-provider.js")] });
  const [plugin, bare] = [LeanEngine.of(pluginProcess), LeanEngine.of(bareProcess)];
  try {
    // Check and Diff need no API; the configuration only has to be valid.
    await pluginProcess.configure({
      "hosting:config:serverpilotClientId": "bench",
      "hosting:config:serverpilotApiKey": "bench-api-key",
      "hosting:config:serverpilotEndpoint": "http://127.0.0.1:1/v1",
    });
    const latencies = { plugin: { check: [] as number[], diff: [] as number[] }, bare: { check: [] as number[], diff: [] as number[] } };
    for (const method of ["check", "diff"] as const) {
      await load(plugin, method, WARM_UP_CALLS);
      await load(bare, method, WARM_UP_CALLS);
      for (let round = 0; round < ROUNDS; round++) {
        latencies.plugin[method].push(...(await load(plugin, method, CALLS_PER_ROUND)));
        latencies.bare[method].push(...(await load(bare, method, CALLS_PER_ROUND)));
      }
    }
    return (["check", "diff"] as const).map((method) => {
      const [p50, p99] = [50, 99].map((p) => percentile(latencies.plugin[method], p));
      const [bareP50, bareP99] = [50, 99].map((p) => percentile(latencies.bare[method], p));
      const name = method === "check" ? "Check" : "Diff";
      return {
        what: `${name} latency p50 / p99, ${IN_FLIGHT} in flight (${ROUNDS * CALLS_PER_ROUND} calls)`,
        measured: `${ms(p50)} / ${ms(p99)}`,
        reference: `bare gRPC server: ${ms(bareP50)} / ${ms(bareP99)}`,
        target: method === "check" ? `p99 <= bare p99 + ${TARGET_EXTRA_P99_MS} ms` : "",
        pass: method === "check" ? p99 <= bareP99 + TARGET_EXTRA_P99_MS : undefined,
        values: { p50Ms: p50, p99Ms: p99, bareP50Ms: bareP50, bareP99Ms: bareP99 },
      };
    });
  } finally {
    plugin.close();
    bare.close();
    await pluginProcess.stop();
    await bareProcess.stop();
  }
}
