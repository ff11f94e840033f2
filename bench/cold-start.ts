// Row 1: how long the engine waits for the plugin, from spawn to the port on its stdout, beside a
// bare `node -e 0` from spawn to exit. Taken in turns, so a burst of load on the machine falls on
// both alike.
import { spawn } from "node:child_process";
import { PLUGIN_PATH } from "../test/harness/plugin";
import { ms, type Row } from "./report";
import { median, msSince } from "./stats";

const RUNS = 15;
const TARGET_RATIO = 2.5;

function pluginStart(): Promise<number> {
  const started = process.hrtime.bigint();
  // An engine address nothing serves: the plugin connects to it only to log.
  const child = spawn(PLUGIN_PATH, ["127.0.0.1:1"], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let elapsed: number | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (elapsed !== undefined || !out.includes("\n")) return;
      elapsed = msSince(started);
      child.kill("SIGKILL");
    });
    child.once("error", reject);
    child.once("exit", (code) => (elapsed === undefined ? reject(new Error(`the plugin exited with ${code} before printing its port`)) : resolve(elapsed)));
  });
}

function bareNode(): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", () => resolve(msSince(started)));
  });
}

export async function measureColdStart(): Promise<Row[]> {
  const plugin: number[] = [];
  const node: number[] = [];
  // One of each first, unrecorded: the file system cache is warm for both from then on.
  await pluginStart();
  await bareNode();
  for (let i = 0; i < RUNS; i++) {
    plugin.push(await pluginStart());
    node.push(await bareNode());
  }
  const ratio = median(plugin) / median(node);
  return [
    {
      what: `plugin cold start, spawn to port (median of ${RUNS})`,
      measured: `${ms(median(plugin))} (${ratio.toFixed(2)}x)`,
      reference: `bare node -e 0: ${ms(median(node))}`,
      target: `<= ${TARGET_RATIO}x bare node`,
      pass: ratio <= TARGET_RATIO,
      values: { pluginMedianMs: median(plugin), nodeMedianMs: median(node), ratio, pluginMinMs: Math.min(...plugin), pluginMaxMs: Math.max(...plugin) },
    },
  ];
}
