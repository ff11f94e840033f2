// A create the API accepted is never lost: whatever fails after the answer (the action, the
// read-back, a setting applied afterwards, a timeout, Cancel) records the resource with its id
// and what the API says it is, secrets (declared or marked by the user) still wrapped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginError } from "../harness/plugin";
import { isSecret, secret } from "../support/secrets";
import { startServerPilotEnvironment, type ServerPilotEnvironment } from "../support/serverpilot-environment";
import { APP, SERVER, SYSUSER } from "../support/serverpilot-tokens";

let env: ServerPilotEnvironment;

beforeAll(async () => {
  env = await startServerPilotEnvironment({ actionDelayMs: 50 });
});

afterAll(async () => {
  await env?.stop();
});

const serverPath = /^\/v1\/servers\/[A-Za-z0-9]{16}$/;
const appPath = /^\/v1\/apps\/[A-Za-z0-9]{16}$/;

describe("a create whose read-back fails", () => {
  it("records the server with its id and one-time API key, and the next up creates nothing", async () => {
    const d = env.deployment;
    // Refused once: the create's own read-back fails, the provider's look at the result works.
    env.sandbox.injectFault({ method: "GET", path: serverPath, status: 400, body: { error: { message: "read-back refused" } } });
    const error = await d.register(SERVER, "readback", { name: "readback" }).catch((e) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect(error.message).toMatch(/^created [A-Za-z0-9]{16}, but then: ServerPilot API GET \/v1\/servers\/[A-Za-z0-9]{16} failed with 400/);
    const id = error.initFailure.id;
    expect(env.sandbox.store.servers.has(id)).toBe(true);
    expect(isSecret(error.initFailure.properties.apikey)).toBe(true);
    const servers = () => [...env.sandbox.store.servers.values()].filter((s) => s.name === "readback");
    // As the engine does for a resource with init errors: an update, with nothing left to change.
    const next = await d.register(SERVER, "readback", { name: "readback" });
    expect(next.op).toBe("update");
    expect(next.diff!.detailedDiff).toEqual({});
    expect((await d.register(SERVER, "readback", { name: "readback" })).op).toBe("same");
    expect(servers()).toHaveLength(1);
  });

  it("records the app even when reading it afterwards fails as well, from what was known", async () => {
    const d = env.deployment;
    const server = await d.register(SERVER, "s", { name: "partials" });
    const user = await d.register(SYSUSER, "u", { serverId: server.state!.id, name: "partials" });
    env.sandbox.injectFault({ method: "GET", path: appPath, status: 400, times: 2, body: { error: { message: "no reads today" } } });
    const inputs = { name: "readbackapp", sysuserId: user.state!.id, runtime: secret("php8.1"), domains: ["readback.example.com"] };
    const error = await d.register(APP, "readback", inputs).catch((e) => e);
    expect(error.initFailure.id).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(env.sandbox.store.apps.has(error.initFailure.id)).toBe(true);
    // What the user marked secret stays secret in the recorded state.
    expect(isSecret(error.initFailure.properties.runtime)).toBe(true);
    expect(isSecret(error.initFailure.inputs.runtime)).toBe(true);
    const next = await d.register(APP, "readback", inputs);
    expect(next.op).toBe("update");
    expect(next.diff!.detailedDiff).toEqual({});
    expect((await d.register(APP, "readback", inputs)).op).toBe("same");
    expect([...env.sandbox.store.apps.values()].filter((a) => a.name === "readbackapp")).toHaveLength(1);
  });

  it("keeps a user-marked secret secret when a later SSL step fails", async () => {
    const d = env.deployment;
    const sysuserId = d.state.get(d.urn(SYSUSER, "u"))!.id;
    env.sandbox.injectFault({ method: "POST", path: /\/ssl$/, status: 500, body: { error: { message: "ssl broke" } } });
    const error = await d
      .register(APP, "sslfails", { name: "sslfails", sysuserId, runtime: "php8.1", domains: secret(["sslfails.example.com"]), autoSsl: true })
      .catch((e) => e);
    expect(error.message).toMatch(/but then: ServerPilot API POST .*\/ssl failed with 500/);
    expect(isSecret(error.initFailure.properties.domains)).toBe(true);
    expect(error.initFailure.properties.autoSsl).toBe(false);
  });
});

// The engine keeps the program's inputs for a half-done resource (it drops the error's inputs)
// and gives it an update on the next `up` even when the diff is empty. The harness does the same.
describe("the next up after a half-done create or update", () => {
  it("applies a server setting whose call failed after the create", async () => {
    const d = env.deployment;
    env.sandbox.injectFault({ method: "POST", path: serverPath, status: 500, body: { error: { message: "boom" } } });
    const error = await d.register(SERVER, "halfserver", { name: "halfserver", firewall: false }).catch((e) => e);
    const id = error.initFailure.id;
    expect(env.sandbox.store.servers.get(id).firewall).toBe(true);
    const next = await d.register(SERVER, "halfserver", { name: "halfserver", firewall: false });
    expect(next.op).toBe("update");
    expect(next.diff!.detailedDiff).toEqual({ firewall: "update" });
    expect(env.sandbox.store.servers.get(id).firewall).toBe(false);
  });

  it("settles a system user without a password whose create action failed", async () => {
    const d = env.deployment;
    const serverId = d.state.get(d.urn(SERVER, "s"))!.id;
    env.sandbox.failNextAction();
    const error = await d.register(SYSUSER, "nopassword", { serverId, name: "nopassword" }).catch((e) => e);
    expect(error.initFailure.id).toMatch(/^[A-Za-z0-9]{16}$/);
    const next = await d.register(SYSUSER, "nopassword", { serverId, name: "nopassword" });
    expect(next.op).toBe("update");
    expect((await d.register(SYSUSER, "nopassword", { serverId, name: "nopassword" })).op).toBe("same");
  });

  it("applies a domains change whose call failed", async () => {
    const d = env.deployment;
    const sysuserId = d.state.get(d.urn(SYSUSER, "u"))!.id;
    const before = { name: "halfupdate", sysuserId, runtime: "php8.2", domains: ["old.example.com"] };
    const id = (await d.register(APP, "halfupdate", before)).state!.id;
    env.sandbox.injectFault({ method: "POST", path: appPath, status: 500, body: { error: { message: "flaky" } } });
    const after = { ...before, domains: ["new.example.com"] };
    const error = await d.register(APP, "halfupdate", after).catch((e) => e);
    expect(error.initFailure.properties.domains).toEqual(["old.example.com"]);
    const next = await d.register(APP, "halfupdate", after);
    expect(next.diff!.detailedDiff).toEqual({ domains: "update" });
    expect(env.sandbox.store.apps.get(id).domains).toEqual(["new.example.com"]);
  });
});

describe("a create answer the provider cannot parse", () => {
  it("still records the resource by the id in it, and says which call answered what", async () => {
    const d = env.deployment;
    const sysuserId = d.state.get(d.urn(SYSUSER, "u"))!.id;
    const apps = env.sandbox.store.apps;
    const set = apps.set.bind(apps);
    apps.set = (key: string, value: any) => {
      apps.set = set;
      value.datecreated = String(value.datecreated);
      return set(key, value);
    };
    const error = await d.register(APP, "oddanswer", { name: "oddanswer", sysuserId, runtime: "php8.2" }).catch((e) => e);
    const created = [...apps.values()].filter((a) => a.name === "oddanswer");
    expect(created).toHaveLength(1);
    expect(error.initFailure.id).toBe(created[0].id);
    expect(error.message).toMatch(/ServerPilot API POST \/apps \(create app oddanswer\) answered in a shape the provider does not understand \(data\.datecreated: /);
    created[0].datecreated = Number(created[0].datecreated);
  });
});
