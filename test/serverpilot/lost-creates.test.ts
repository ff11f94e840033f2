// A create whose answer is lost (the connection dropped, or a 5xx after ServerPilot did the work)
// is never made twice: the provider finds what it asked for in ServerPilot's lists and records
// it, so the next `up` has nothing to create. Where nothing (or more than one) can be it, the
// error names the resource, says it may exist, and how to adopt it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { secret } from "../support/secrets";
import { startServerPilotEnvironment, type ServerPilotEnvironment } from "../support/serverpilot-environment";
import { APP, DATABASE, SERVER, SYSUSER } from "../support/serverpilot-tokens";

let env: ServerPilotEnvironment;
let fixtures: Deployment;
const ids = { server: "", sysuser: "", app: "" };

beforeAll(async () => {
  env = await startServerPilotEnvironment({ actionDelayMs: 50 });
  fixtures = new Deployment(env.plugin, "fixtures");
  ids.server = (await fixtures.register(SERVER, "base", { name: "lostbase" })).state!.id;
  ids.sysuser = (await fixtures.register(SYSUSER, "base", { serverId: ids.server, name: "lostbase" })).state!.id;
  ids.app = (await fixtures.register(APP, "base", { name: "lostbase", sysuserId: ids.sysuser, runtime: "php8.2" })).state!.id;
});

afterAll(async () => {
  await env?.stop();
});

const store = () => env.sandbox.store;
const named = <T extends { name: string }>(records: Map<string, T>, name: string) => [...records.values()].filter((r) => r.name === name);
const warningsOf = (name: string) => env.plugin.logs.filter((l) => l.severity === "warning" && l.urn.endsWith(`::${name}`)).map((l) => l.message);
const posts = (path: string) => env.sandbox.requests.filter((r) => r.method === "POST" && r.path === path).length;

interface LostCase {
  what: string;
  type: string;
  path: string;
  fault: { status?: number; drop?: boolean };
  inputs: () => Record<string, unknown>;
  made: () => { id: string }[];
}

const cases: LostCase[] = [
  { what: "server", type: SERVER, path: "/v1/servers", fault: { drop: true }, inputs: () => ({ name: "lostserver", firewall: false }), made: () => named(store().servers, "lostserver") },
  {
    what: "system user",
    type: SYSUSER,
    path: "/v1/sysusers",
    fault: { status: 502 },
    inputs: () => ({ serverId: ids.server, name: "lostuser", password: secret("lostuser-pass1") }),
    made: () => named(store().sysusers, "lostuser"),
  },
  {
    what: "app",
    type: APP,
    path: "/v1/apps",
    fault: { status: 500 },
    inputs: () => ({ name: "lostapp", sysuserId: ids.sysuser, runtime: "php8.2", domains: ["lost.example.com"] }),
    made: () => named(store().apps, "lostapp"),
  },
  {
    what: "database",
    type: DATABASE,
    path: "/v1/dbs",
    fault: { drop: true },
    inputs: () => ({ appId: ids.app, name: "lostdb", user: { name: "lostdbuser", password: secret("lostdb-pass1") } }),
    made: () => named(store().dbs, "lostdb"),
  },
];

describe.each(cases)("a $what create whose answer is lost", ({ type, path, fault, inputs, made }) => {
  it("records the one ServerPilot made, with a warning, and the next up creates nothing", async () => {
    const d = new Deployment(env.plugin, `lost-${type.split(":").at(-1)}`);
    const before = posts(path);
    env.sandbox.injectFault({ method: "POST", path: new RegExp(`^${path}$`), afterServing: true, ...fault });
    const step = await d.register(type, "lost", inputs());
    expect(posts(path)).toBe(before + 1);
    expect(made().map((r) => r.id)).toEqual([step.state!.id]);
    expect(warningsOf("lost").join("\n")).toMatch(new RegExp(`ServerPilot's answer to the create was lost .*, but it had made .*${step.state!.id}`));
    const next = await d.register(type, "lost", inputs());
    expect(next.op).toBe("same");
    expect(posts(path)).toBe(before + 1);
    expect(made()).toHaveLength(1);
    await d.destroyAll();
    expect(made()).toHaveLength(0);
  });
});

describe("a lost server create", () => {
  it("says the one-time API key was lost with the answer, and how to get a server with one", async () => {
    const d = new Deployment(env.plugin, "lost-key");
    env.sandbox.injectFault({ method: "POST", path: /^\/v1\/servers$/, afterServing: true, status: 503 });
    const step = await d.register(SERVER, "keyless", { name: "keyless" });
    expect(step.state!.outputs.apikey).toBeUndefined();
    expect(warningsOf("keyless")).toContainEqual(expect.stringMatching(/one-time API key was in the lost answer.*pulumi up --replace/));
    await d.destroyAll();
  });

  it("adopts the new one beside an older server of the same name", async () => {
    const d = new Deployment(env.plugin, "lost-twin");
    const older = (await d.register(SERVER, "older", { name: "twinserver" })).state!.id;
    store().servers.get(older)!.datecreated -= 3600;
    env.sandbox.injectFault({ method: "POST", path: /^\/v1\/servers$/, afterServing: true, drop: true });
    const step = await d.register(SERVER, "newer", { name: "twinserver" });
    expect(step.state!.id).not.toBe(older);
    expect(named(store().servers, "twinserver")).toHaveLength(2);
    await d.destroyAll();
  });

  it("adopts neither of two new servers of that name: the error says so, and how to import", async () => {
    const d = new Deployment(env.plugin, "lost-two");
    const first = (await d.register(SERVER, "first", { name: "twoservers" })).state!.id;
    env.sandbox.injectFault({ method: "POST", path: /^\/v1\/servers$/, afterServing: true, status: 500 });
    const error = await d.register(SERVER, "second", { name: "twoservers" }).catch((e) => e);
    expect(error.message).toMatch(/POST \/v1\/servers failed with 500/);
    expect(error.message).toMatch(/ServerPilot may have made the server twoservers all the same.*2 .*made since/);
    expect(error.message).toContain("pulumi import hosting:serverpilot:Server second <server id>");
    expect(d.state.has(d.urn(SERVER, "second"))).toBe(false);
    const stray = named(store().servers, "twoservers").filter((s) => s.id !== first);
    expect(stray).toHaveLength(1);
    await d.import(SERVER, "second", stray[0].id);
    await d.destroyAll();
    expect(named(store().servers, "twoservers")).toHaveLength(0);
  });
});

describe("a create refused before ServerPilot saw it", () => {
  it("is not sent again; the error says the system user may exist and how to adopt it, and the next up creates it", async () => {
    const d = new Deployment(env.plugin, "never-made");
    const before = posts("/v1/sysusers");
    env.sandbox.injectFault({ method: "POST", path: /^\/v1\/sysusers$/, status: 502 });
    const error = await d.register(SYSUSER, "never", { serverId: ids.server, name: "neveruser" }).catch((e) => e);
    expect(posts("/v1/sysusers")).toBe(before + 1);
    expect(error.message).toMatch(/POST \/v1\/sysusers failed with 502/);
    expect(error.message).toMatch(/ServerPilot may have made the system user neveruser all the same/);
    expect(error.message).toContain("pulumi import hosting:serverpilot:SysUser never <system user id>");
    expect(named(store().sysusers, "neveruser")).toHaveLength(0);
    const next = await d.register(SYSUSER, "never", { serverId: ids.server, name: "neveruser" });
    expect(named(store().sysusers, "neveruser").map((s) => s.id)).toEqual([next.state!.id]);
    await d.destroyAll();
  });
});

describe("a create still on its way when its time is up", () => {
  it("records the server ServerPilot made after the create's timeout passed, and the next up creates nothing", async () => {
    const d = new Deployment(env.plugin, "in-flight");
    // Served at once, answered only after the create's 1 s timeout.
    env.sandbox.injectFault({ method: "POST", path: /^\/v1\/servers$/, afterServing: true, delayMs: 3000 });
    const error = await d.register(SERVER, "late", { name: "lateserver" }, { timeout: 1 }).catch((e) => e);
    // Found, and recorded; what was left of the create (its read-back) had no time left.
    const made = named(store().servers, "lateserver").map((s) => s.id);
    expect(made).toHaveLength(1);
    expect(error.message).toContain(`created ${made[0]}, but then: Timed out`);
    expect(d.state.get(d.urn(SERVER, "late"))?.id).toBe(made[0]);
    expect(warningsOf("late").join("\n")).toMatch(/answer to the create was lost \(Timed out waiting for .*in flight\), but it had made/);
    await d.register(SERVER, "late", { name: "lateserver" });
    expect(named(store().servers, "lateserver")).toHaveLength(1);
    await d.destroyAll();
    expect(named(store().servers, "lateserver")).toHaveLength(0);
  });
});
