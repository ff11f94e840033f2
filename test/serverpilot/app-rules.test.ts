// Rules ServerPilot applies that the document does not spell out: the PHP runtimes a server
// really offers, checked before anything changes, and AutoSSL that becomes available a while
// after the domains are set, waited for with progress lines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginError } from "../harness/plugin";
import { startServerPilotEnvironment, type ServerPilotEnvironment } from "../support/serverpilot-environment";
import { APP, SERVER, SYSUSER } from "../support/serverpilot-tokens";

let env: ServerPilotEnvironment;
let sysuserId = "";

beforeAll(async () => {
  env = await startServerPilotEnvironment({ actionDelayMs: 50 });
  const server = await env.deployment.register(SERVER, "web", { name: "rules" });
  sysuserId = (await env.deployment.register(SYSUSER, "u", { serverId: server.state!.id, name: "rules" })).state!.id;
});

afterAll(async () => {
  await env?.stop();
});

const appRequests = () => env.sandbox.requests.filter((r) => r.method === "POST" && r.path.startsWith("/v1/apps")).length;

describe("runtimes", () => {
  it("refuses a runtime the server does not offer, naming what it offers, before creating anything", async () => {
    const before = appRequests();
    const error = await env.deployment.register(APP, "old", { name: "oldphp", sysuserId, runtime: "php7.0" }).catch((e) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect(error.message).toMatch(/^ServerPilot App "old": runtime: php7\.0 is not offered by server rules \([A-Za-z0-9]{16}\); it offers php7\.4, php8\.0, php8\.1, php8\.2, php8\.3$/);
    expect(error.propertyErrors).toEqual([{ property: "runtime", reason: expect.stringContaining("is not offered") }]);
    expect(error.initFailure).toBeUndefined();
    expect(appRequests()).toBe(before);
  });

  it("refuses to move an app to a runtime its server stopped offering, changing nothing", async () => {
    const d = env.deployment;
    const step = await d.register(APP, "app", { name: "rulesapp", sysuserId, runtime: "php8.2", domains: ["rules.example.com"] });
    const server = env.sandbox.store.servers.get(d.state.get(d.urn(SERVER, "web"))!.id);
    server.available_runtimes = server.available_runtimes.filter((r: string) => r !== "php8.3");
    const before = appRequests();
    await expect(d.register(APP, "app", { name: "rulesapp", sysuserId, runtime: "php8.3", domains: ["other.example.com"] })).rejects.toThrow(
      /runtime: php8\.3 is not offered by server rules/,
    );
    expect(appRequests()).toBe(before);
    expect(env.sandbox.store.apps.get(step.state!.id)).toMatchObject({ runtime: "php8.2", domains: ["rules.example.com"] });
  });

  // A state an older version or a hand wrote, with the server id recorded as a number.
  it("checks the runtime against the app's own server when the state records its server id as another type", async () => {
    const inputs = { name: "recorded", sysuserId, runtime: "php8.2" };
    const step = await env.deployment.register(APP, "recorded", inputs);
    const error = await env.plugin
      .update(step.urn, step.state!.id, { ...step.state!.outputs, serverId: 7 }, { ...inputs, runtime: "php8.3" }, { oldInputs: inputs })
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/runtime: php8\.3 is not offered by server rules/);
    expect(env.sandbox.store.apps.get(step.state!.id)).toMatchObject({ runtime: "php8.2" });
  });
});

describe("AutoSSL", () => {
  it("is waited for until ServerPilot has a certificate, with progress lines, then enabled", async () => {
    env.sandbox.setAutoSslDelay(2500);
    try {
      const logsBefore = env.plugin.logs.length;
      const started = Date.now();
      const step = await env.deployment.register(APP, "ssl", {
        name: "sslapp",
        sysuserId,
        runtime: "php8.2",
        domains: ["ssl.example.com"],
        autoSsl: true,
        forceSsl: true,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
      expect(env.sandbox.store.apps.get(step.state!.id).ssl).toMatchObject({ auto: true, force: true });
      const lines = env.plugin.logs.slice(logsBefore).filter((l) => l.urn.endsWith("::ssl")).map((l) => l.message);
      expect(lines).toContainEqual(expect.stringMatching(/^still waiting for AutoSSL to become available for app sslapp .*: not available yet, [\d.]+s elapsed$/));
    } finally {
      env.sandbox.setAutoSslDelay(0);
    }
  });

  it("a timeout while waiting records the app without SSL, and the next up finishes it", async () => {
    env.sandbox.setAutoSslDelay(60_000);
    const inputs = { name: "slowssl", sysuserId, runtime: "php8.2", domains: ["slow.example.com"], autoSsl: true };
    try {
      const error = await env.deployment.register(APP, "slowssl", inputs, { timeout: 2 }).catch((e) => e);
      expect(error.message).toMatch(/but then: Timed out waiting for AutoSSL to become available for app slowssl/);
      expect(error.initFailure.properties.autoSsl).toBe(false);
    } finally {
      env.sandbox.setAutoSslDelay(0);
    }
    const app = [...env.sandbox.store.apps.values()].find((a) => a.name === "slowssl");
    app.autosslReadyAt = 0;
    const retry = await env.deployment.register(APP, "slowssl", inputs);
    expect(retry.op).toBe("update");
    expect(retry.diff!.detailedDiff).toEqual({ autoSsl: "update" });
  });
});
