// `npm run bench`: start-up, per-call latency and memory of the plugin, measured and printed.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Deployment } from "../test/harness/deployment";
import { PLUGIN_PATH, PluginProcess, urnOf } from "../test/harness/plugin";
import { startMariaDB } from "../test/sandbox/mariadb";
import { startServerPilotSandbox } from "../test/sandbox/serverpilot";
import { benchCombell } from "./combell";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Spawn to the port on stdout, as the engine waits for it. */
async function coldStart(): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(PLUGIN_PATH, ["127.0.0.1:1"], { stdio: ["ignore", "pipe", "ignore"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`plugin exited with ${code}`)));
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  return elapsed;
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Number(line.replace(/\D+/g, "")) / 1024;
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const starts: number[] = [];
  for (let i = 0; i < 10; i++) starts.push(await coldStart());
  console.log(`plugin start (spawn -> port), 10 cold starts: median ${fmt(median(starts))}, min ${fmt(Math.min(...starts))}, max ${fmt(Math.max(...starts))}`);

  const mariadb = await startMariaDB();
  const sandbox = await startServerPilotSandbox({ mariadb, actionDelayMs: 0 });
  const plugin = await PluginProcess.start();
  const pid = plugin.child.pid!;
  try {
    console.log(`plugin memory after start: ${rssMiB(pid).toFixed(1)} MiB RSS`);
    const firstCall = await timed(() => plugin.getSchema());
    console.log(`first request (loads declarations, zod, undici) GetSchema: ${fmt(firstCall)}`);
    await plugin.configure({
      "hosting:config:serverpilotClientId": sandbox.clientId,
      "hosting:config:serverpilotApiKey": sandbox.apiKey,
      "hosting:config:serverpilotEndpoint": sandbox.url,
    });

    const urn = urnOf("hosting:serverpilot:App", "bench");
    const news = { name: "bench", sysuserId: "u", runtime: "php8.2", domains: ["a.example.com", "b.example.com"], autoSsl: true, forceSsl: true };
    const checks: number[] = [];
    for (let i = 0; i < 500; i++) checks.push(await timed(() => plugin.check(urn, undefined, news)));
    const diffs: number[] = [];
    for (let i = 0; i < 500; i++) diffs.push(await timed(() => plugin.diff(urn, "id", news, { ...news, runtime: "php8.3" })));
    console.log(`Check over gRPC, 500 calls: median ${fmt(median(checks))}; Diff: median ${fmt(median(diffs))}`);

    const d = new Deployment(plugin);
    const server = await d.register("hosting:serverpilot:Server", "s", { name: "bench" });
    const user = await d.register("hosting:serverpilot:SysUser", "u", { serverId: server.state!.id, name: "bench" });
    const app = await d.register("hosting:serverpilot:App", "a", { name: "bench", sysuserId: user.state!.id, runtime: "php8.2" });
    const creates: number[] = [];
    for (let i = 0; i < 20; i++) {
      creates.push(
        await timed(() =>
          d.register("hosting:serverpilot:Database", `db${i}`, { appId: app.state!.id, name: `benchdb${i}`, user: { name: `benchu${i}`, password: "bench-password" } }),
        ),
      );
    }
    console.log(`Database create (Check + Create + action wait + real MariaDB), 20 in a row: median ${fmt(median(creates))}`);
    const deletes: number[] = [];
    for (const urnToDelete of [...d.state.keys()].reverse()) deletes.push(await timed(() => d.delete(urnToDelete)));
    console.log(`delete (waits until gone), ${deletes.length} resources: median ${fmt(median(deletes))}`);
    console.log(`plugin memory after ${checks.length + diffs.length + creates.length + deletes.length + 3} calls: ${rssMiB(pid).toFixed(1)} MiB RSS`);
  } finally {
    await plugin.stop();
    await sandbox.close();
  }
  try {
    // Retry-After 1 s, and 5 s as the real API sends it.
    await benchCombell(mariadb, 1);
    await benchCombell(mariadb, 5);
  } finally {
    await mariadb.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
