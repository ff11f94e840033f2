// `npm run bench`: builds, then measures in one run how fast and how calm the provider is, prints
// one table (what, measured, reference, target, pass/fail) and writes the same as JSON to
// bench/results.json (or `--json <file>`). Exits 1 when a target is missed.
// `--only <name>,<name>` runs some measurements only, for work on one of them.
import { cpus, loadavg } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { packageRoot } from "../provider/version";
import { measureColdStart } from "./cold-start";
import { measureJobNotice } from "./job-notice";
import { measureMemory } from "./memory";
import { measureRateLimitedCreates } from "./rate-limited-creates";
import { formatTable, writeReport, type Row } from "./report";
import { measureRequestsPerOperation } from "./requests-per-operation";
import { measureRpcLatency } from "./rpc-latency";
import { msSince } from "./stats";
import { measureThroughput } from "./throughput";

const MEASUREMENTS: Record<string, () => Promise<Row[]>> = {
  "cold-start": measureColdStart,
  "rpc-latency": measureRpcLatency,
  "rate-limited-creates": measureRateLimitedCreates,
  throughput: measureThroughput,
  "requests-per-operation": measureRequestsPerOperation,
  "job-notice": measureJobNotice,
  memory: measureMemory,
};

function parseArguments(argv: string[]): { jsonPath: string; only: string[] } {
  let jsonPath = join(packageRoot(), "bench", "results.json");
  let only = Object.keys(MEASUREMENTS);
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if ((argv[i] === "--json" || argv[i] === "--only") && (value === undefined || value.startsWith("--"))) {
      throw new Error(`${argv[i]} needs a value`);
    }
    if (argv[i] === "--json") jsonPath = isAbsolute(value!) ? value! : resolve(process.env.INIT_CWD ?? process.cwd(), value!);
    else if (argv[i] === "--only") only = value!.split(",");
    else throw new Error(`unknown argument ${JSON.stringify(argv[i])}; known: --json <file>, --only <${Object.keys(MEASUREMENTS).join("|")},...>`);
    i++;
  }
  const unknown = only.filter((name) => !(name in MEASUREMENTS));
  if (unknown.length > 0) throw new Error(`unknown measurement ${unknown.join(", ")}; known: ${Object.keys(MEASUREMENTS).join(", ")}`);
  return { jsonPath, only };
}

async function main(): Promise<void> {
  const { jsonPath, only } = parseArguments(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
  const rows: Row[] = [];
  for (const name of only) {
    const sectionStarted = process.hrtime.bigint();
    process.stderr.write(`bench: ${name}...`);
    try {
      rows.push(...(await MEASUREMENTS[name]!()));
    } catch (error) {
      // One broken measurement must not hide the others' figures.
      const message = error instanceof Error ? error.message : String(error);
      rows.push({ what: `${name}: could not be measured`, measured: message.split("\n")[0]!, reference: "", target: "", pass: false, values: {} });
    }
    process.stderr.write(` ${(msSince(sectionStarted) / 1000).toFixed(1)} s\n`);
  }
  const durationSeconds = Math.round(msSince(started) / 100) / 10;
  console.log(formatTable(rows));
  console.log(`\n${rows.filter((r) => r.pass === false).length} of ${rows.filter((r) => r.pass !== undefined).length} targets missed; took ${durationSeconds} s on ${cpus().length} cores (load ${loadAverageAtStart.join(", ")} at start); JSON in ${jsonPath}`);
  writeReport(jsonPath, { startedAt, durationSeconds, machine: { cpus: cpus().length, loadAverageAtStart, node: process.version }, rows });
  if (rows.some((row) => row.pass === false)) process.exitCode = 1;
}

main().then(
  // Sandboxes' and clients' timers must not keep a finished run alive.
  () => process.exit(),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
