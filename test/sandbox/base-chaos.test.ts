// Seeded chaos in the sandbox base and in the sandboxes' background work: the same seed meets the
// same faults in the same order of requests, each kind does what a real service does to a client
// (the work done or not, the answer lost, late or a 429 in the API's form), and every fault is logged.
import { afterEach, describe, expect, it } from "vitest";
import { Chaos, reply, startEmulator, type ChaosKind, type Emulator, type EmulatorDefinition } from "./base";
import { startServerPilotSandbox } from "./serverpilot";
import { startWisPanelSandbox } from "./wispanel";
import { wispanelClient } from "./wispanel-test-client";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A counter API: POST /count adds one and answers the new count. */
function counterApi(): { definition: EmulatorDefinition; count: () => number } {
  let count = 0;
  return {
    count: () => count,
    definition: {
      name: "Counter",
      basePath: "/api",
      authenticate: () => undefined,
      errorBody: (status, message) => ({ status, message }),
      routes: [
        { method: "POST", pattern: /^\/count$/, handle: () => reply(201, { count: ++count }) },
        { method: "GET", pattern: /^\/count$/, handle: () => ({ count }) },
      ],
    },
  };
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function counter(chaos?: Chaos): Promise<{ emulator: Emulator; count: () => number }> {
  const api = counterApi();
  const emulator = await startEmulator(api.definition, { chaos });
  open.push(emulator);
  return { emulator, count: api.count };
}

/** The status, or "dropped" when the connection broke without an answer. */
async function post(emulator: Emulator): Promise<number | "dropped"> {
  try {
    const response = await fetch(`${emulator.url}/count`, { method: "POST" });
    await response.text();
    return response.status;
  } catch {
    return "dropped";
  }
}

async function outcomes(seed: number, kinds?: ChaosKind[]): Promise<{ statuses: Array<number | "dropped">; log: string[] }> {
  const { emulator } = await counter();
  emulator.chaos({ seed, rate: 0.5, kinds, slowMs: 50 });
  const statuses: Array<number | "dropped"> = [];
  for (let i = 0; i < 24; i++) statuses.push(await post(emulator));
  return { statuses, log: emulator.faultLog.map((f) => `${f.kind} ${f.method} ${f.path}${f.status ? ` ${f.status}` : ""}`) };
}

describe("seeded chaos", () => {
  it("meets the same faults with the same seed, other ones with another", async () => {
    const first = await outcomes(1234);
    expect(first.log.length).toBeGreaterThan(4);
    expect(await outcomes(1234)).toEqual(first);
    expect((await outcomes(4321)).log).not.toEqual(first.log);
  });

  it("meets only the kinds asked for, and none once off", async () => {
    const { emulator } = await counter();
    emulator.chaos({ seed: 7, rate: 1, kinds: ["error-before"] });
    for (let i = 0; i < 6; i++) expect([500, 502, 503]).toContain(await post(emulator));
    expect(new Set(emulator.faultLog.map((f) => f.kind))).toEqual(new Set(["error-before"]));
    emulator.chaosOff();
    expect(await post(emulator)).toBe(201);
    expect(emulator.faultLog).toHaveLength(6);
  });

  it("does the work before an error-after or a drop-after, and not before their -before forms", async () => {
    for (const [kind, done] of [["error-before", 0], ["drop-before", 0], ["error-after", 1], ["drop-after", 1]] as const) {
      const { emulator, count } = await counter();
      emulator.chaos({ seed: 1, rate: 1, kinds: [kind] });
      const status = await post(emulator);
      expect(status === "dropped").toBe(kind.startsWith("drop"));
      expect(count()).toBe(done);
      expect(emulator.faultLog).toMatchObject([{ kind, method: "POST", path: "/api/count" }]);
    }
  });

  it("holds a slow answer past slowMs with the work already done", async () => {
    const { emulator, count } = await counter();
    emulator.chaos({ seed: 1, rate: 1, kinds: ["slow"], slowMs: 1500 });
    const started = Date.now();
    let settled = false;
    const answered = post(emulator).finally(() => (settled = true));
    while (count() === 0) await sleep(10);
    expect(settled).toBe(false);
    expect(await answered).toBe(201);
    // A lower bound only: a loaded machine can make it later, never sooner.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it("spares the requests asked for the kinds asked for, and draws the same for the others", async () => {
    const { emulator, count } = await counter();
    emulator.chaos({ seed: 9, rate: 1, kinds: ["error-after"], spare: [{ method: "POST", path: /\/count$/, kinds: ["error-after"] }] });
    expect(await post(emulator)).toBe(201);
    expect(count()).toBe(1);
    const read = await fetch(`${emulator.url}/count`);
    expect([500, 502, 503]).toContain(read.status);
    expect(emulator.faultLog.map((f) => `${f.kind} ${f.method}`)).toEqual(["error-after GET"]);
  });

  it("lets a test's own injected fault come first", async () => {
    const { emulator } = await counter();
    emulator.chaos({ seed: 1, rate: 1, kinds: ["error-before"] });
    emulator.injectFault({ method: "POST", status: 418 });
    expect(await post(emulator)).toBe(418);
    expect(emulator.faultLog).toHaveLength(0);
  });

  it("answers a 429 in the API's form: WisPanel's X-RateLimit-Reset is a Unix time, without Retry-After", async () => {
    const sandbox = await startWisPanelSandbox();
    open.push(sandbox);
    const api = wispanelClient(sandbox);
    open.push(api);
    sandbox.chaos({ seed: 3, rate: 1, kinds: ["rate-limit"], retryAfterSeconds: 1 });
    const { status, headers } = await api("GET", "/databases");
    expect(status).toBe(429);
    expect(headers["retry-after"]).toBeUndefined();
    const reset = Number(headers["x-ratelimit-reset"]);
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 2);
  });

  it("can make a ServerPilot action fail, or hang until chaos is off", async () => {
    const sandbox = await startServerPilotSandbox({ actionDelayMs: 20 });
    open.push(sandbox);
    const basic = `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.apiKey}`).toString("base64")}`;
    const createServer = async (name: string) => {
      const response = await fetch(`${sandbox.url}/servers`, { method: "POST", headers: { authorization: basic }, body: JSON.stringify({ name }) });
      return ((await response.json()) as { actionid: string }).actionid;
    };
    const action = (id: string) => sandbox.store.actions.get(id)!.status;
    sandbox.chaos({ seed: 5, rate: 1, kinds: ["async-fail"] });
    const failed = await createServer("failing");
    sandbox.chaos({ seed: 5, rate: 1, kinds: ["async-hang"] });
    const hung = await createServer("hanging");
    await sleep(150);
    expect([action(failed), action(hung)]).toEqual(["error", "open"]);
    sandbox.chaosOff();
    await sleep(150);
    expect(action(hung)).toBe("success");
    expect(sandbox.faultLog.map((f) => f.kind)).toEqual(["async-fail", "async-hang"]);
  });
});
