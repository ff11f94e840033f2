// The benchmark's lean engine (bench/lean-engine.ts) against the real plugin and the WisPanel
// sandbox: what it creates exists, and a failure of the plugin reaches the benchmark as a failure
// with the plugin's words, so that the rows count failed creates instead of timing them. And
// createMany (bench/creates.ts) runs Checks and Creates the way the engine's executor does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMany } from "../../bench/creates";
import { LeanEngine } from "../../bench/lean-engine";
import { sleep } from "../../bench/stats";
import { GrpcStatusError, UnaryGrpcClient } from "../../bench/unary-grpc";
import { configuredPlugin, wispanelDatabase, wispanelWorld, type World } from "../../bench/worlds";
import type { PluginProcess } from "../harness/plugin";
import type { WisPanelSandbox } from "../sandbox/wispanel";

let world: World<WisPanelSandbox>;
let plugin: PluginProcess;
let engine: LeanEngine;

beforeAll(async () => {
  world = await wispanelWorld();
  plugin = (await configuredPlugin(world.config)).plugin;
  engine = LeanEngine.of(plugin);
});

afterAll(async () => {
  engine?.close();
  await plugin?.stop();
  await world?.sandbox.close();
});

it("creates through Check and Create what the panel then holds, and answers its id", async () => {
  const id = await engine.create(await engine.checkNew("hosting:wispanel:Database", "lean", wispanelDatabase(7)));
  expect(id).toBe("john_bench7");
  expect(world.sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /api/v1/databases 201", "GET /api/v1/databases/john_bench7 200"]);
});

it("fails a create whose inputs Check refuses, naming the field, before any request", async () => {
  const before = world.sandbox.requests.length;
  await expect(engine.checkNew("hosting:wispanel:Database", "bad", { ...wispanelDatabase(8), name: "no spaces allowed" })).rejects.toThrow(/name/);
  expect(world.sandbox.requests.length).toBe(before);
});

it("fails with the plugin's status and message when the API refuses the create", async () => {
  // The same database again: the panel answers that it exists.
  await expect(engine.create(await engine.checkNew("hosting:wispanel:Database", "again", wispanelDatabase(7)))).rejects.toThrow(GrpcStatusError);
});

it("reports a method the server does not have as UNIMPLEMENTED", async () => {
  const client = new UnaryGrpcClient(`127.0.0.1:${plugin.port}`);
  try {
    const failure = await client.call("NoSuchMethod", new Uint8Array()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GrpcStatusError);
    expect((failure as GrpcStatusError).code).toBe(12);
  } finally {
    client.close();
  }
});

describe("createMany, as the engine's deployment executor", () => {
  /** An engine whose Checks take 1 ms and Creates 20 ms, recording how many of each run at once. */
  function recordingEngine(failCheckOf = -1, failCreateOf = -1) {
    const seen = { checks: 0, creates: 0, maxChecks: 0, maxCreates: 0, checksDuringCreates: 0 };
    const engine = {
      async checkNew(_type: string, name: string) {
        seen.maxChecks = Math.max(seen.maxChecks, ++seen.checks);
        if (seen.creates > 0) seen.checksDuringCreates++;
        await sleep(1);
        seen.checks--;
        if (name.endsWith(`-${failCheckOf}`)) throw new Error(`${name} has problems`);
        return { urn: name, type: "t", name, inputs: undefined };
      },
      async create(resource: { name: string }) {
        seen.maxCreates = Math.max(seen.maxCreates, ++seen.creates);
        await sleep(20);
        seen.creates--;
        if (resource.name.endsWith(`-${failCreateOf}`)) throw new Error(`${resource.name} failed`);
        return resource.name;
      },
    };
    return { engine: engine as unknown as LeanEngine, seen };
  }

  it("checks one resource at a time, while up to `parallel` creates run, and never more", async () => {
    const { engine, seen } = recordingEngine();
    const run = await createMany(engine, "t", () => ({}), { count: 40, parallel: 8, prefix: "r-" });
    expect(run.failures).toEqual([]);
    expect(seen.maxChecks).toBe(1);
    expect(seen.maxCreates).toBe(8);
    expect(seen.checksDuringCreates).toBeGreaterThan(30);
  });

  it("keeps each failed Check and Create as a failure and goes on with the rest", async () => {
    const { engine } = recordingEngine(3, 5);
    const run = await createMany(engine, "t", () => ({}), { count: 10, parallel: 4, prefix: "r-" });
    expect(run.failures.sort()).toEqual(["r-3 has problems", "r-5 failed"]);
  });
});
