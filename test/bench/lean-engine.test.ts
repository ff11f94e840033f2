// The benchmark's lean engine (bench/lean-engine.ts) against the real plugin and the WisPanel
// sandbox: what it creates exists, and a failure of the plugin reaches the benchmark as a failure
// with the plugin's words, so that the rows count failed creates instead of timing them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { LeanEngine } from "../../bench/lean-engine";
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
  const id = await engine.register("hosting:wispanel:Database", "lean", wispanelDatabase(7));
  expect(id).toBe("john_bench7");
  expect(world.sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /api/v1/databases 201", "GET /api/v1/databases/john_bench7 200"]);
});

it("fails a create whose inputs Check refuses, naming the field, before any request", async () => {
  const before = world.sandbox.requests.length;
  await expect(engine.register("hosting:wispanel:Database", "bad", { ...wispanelDatabase(8), name: "no spaces allowed" })).rejects.toThrow(/name/);
  expect(world.sandbox.requests.length).toBe(before);
});

it("fails with the plugin's status and message when the API refuses the create", async () => {
  // The same database again: the panel answers that it exists.
  await expect(engine.register("hosting:wispanel:Database", "again", wispanelDatabase(7))).rejects.toThrow(GrpcStatusError);
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
