// When the API misbehaves: half-created resources are recorded and repaired, failed actions
// name their id, rate limits are waited out, timeouts and Cancel stop the work promptly, and no
// secret appears in anything the engine or the user sees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginError, PluginProcess } from "../harness/plugin";
import { reveal, secret, isSecret, plainText } from "../support/secrets";
import { startServerPilotEnvironment, type ServerPilotEnvironment } from "../support/serverpilot-environment";
import { testCertificate } from "../support/certificates";
import { APP, DATABASE, SERVER, SYSUSER } from "../support/serverpilot-tokens";

let env: ServerPilotEnvironment;

beforeAll(async () => {
  env = await startServerPilotEnvironment({ actionDelayMs: 100 });
});

afterAll(async () => {
  await env?.stop();
});

describe("a create that half-succeeds", () => {
  it("is recorded with its id and its real state, and the next up finishes it", async () => {
    const d = env.deployment;
    const server = await d.register(SERVER, "half", { name: "half" });
    const user = await d.register(SYSUSER, "half", { serverId: server.state!.id, name: "halfuser" });
    // Enabling AutoSSL fails: the app exists, without SSL.
    env.sandbox.injectFault({ method: "POST", path: /\/apps\/[^/]+\/ssl$/, status: 500, body: { error: { message: "boom" } } });
    const inputs = { name: "halfapp", sysuserId: user.state!.id, runtime: "php8.1", domains: ["half.example.com"], autoSsl: true, forceSsl: true };
    const error = await d.register(APP, "half", inputs).catch((e) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect(error.message).toMatch(/^created [A-Za-z0-9]{16}, but then: ServerPilot API POST \/v1\/apps\/[A-Za-z0-9]{16}\/ssl failed with 500/);
    const recorded = d.state.get(d.urn(APP, "half"))!;
    expect(recorded.id).toBe(error.initFailure.id);
    expect(env.sandbox.store.apps.has(recorded.id)).toBe(true);
    // The state says what is true: no SSL yet, so the next up shows the difference and fixes it.
    expect(recorded.outputs).toMatchObject({ autoSsl: false, forceSsl: false });
    const retry = await d.register(APP, "half", inputs);
    expect(retry.op).toBe("update");
    expect(retry.diff!.detailedDiff).toEqual({ autoSsl: "update", forceSsl: "update" });
    expect(env.sandbox.store.apps.get(recorded.id).ssl).toMatchObject({ auto: true, force: true });
  });

  it("keeps the id when the create's action ends in error", async () => {
    const d = env.deployment;
    env.sandbox.failNextAction();
    const error = await d.register(SERVER, "failing", { name: "failing" }).catch((e) => e);
    expect(error.message).toMatch(/ServerPilot action [A-Za-z0-9]{16} \(create server failing\) ended with status "error": see the action in the ServerPilot dashboard/);
    expect(error.initFailure.id).toMatch(/^[A-Za-z0-9]{16}$/);
    // The server's one-time API key survives in the recorded state, as a secret.
    expect(isSecret(error.initFailure.properties.apikey)).toBe(true);
    await d.delete(d.urn(SERVER, "failing"));
    expect(env.sandbox.store.servers.has(error.initFailure.id)).toBe(false);
  });
});

describe("rate limits and flaky responses", () => {
  it("waits out a 429 with Retry-After on a create and succeeds", async () => {
    env.sandbox.injectFault({ method: "POST", path: /\/servers$/, status: 429, headers: { "Retry-After": "1" }, body: { error: { message: "slow down" } } });
    const started = Date.now();
    const step = await env.deployment.register(SERVER, "limited", { name: "limited" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(env.sandbox.store.servers.get(step.state!.id).name).toBe("limited");
    expect(env.plugin.logs.some((l) => l.urn.endsWith("::limited") && /rate limited/i.test(l.message))).toBe(true);
  });

  it("retries a read that fails with 503", async () => {
    const urn = env.deployment.urn(SERVER, "limited");
    env.sandbox.injectFault({ method: "GET", path: /\/servers\/[^/]+$/, status: 503, times: 2 });
    expect((await env.deployment.refresh(urn)).op).toBe("refresh");
  });

  it("does not repeat a create that failed with 500, and says so", async () => {
    env.sandbox.injectFault({ method: "POST", path: /\/servers$/, status: 500, body: { error: { message: "internal" } } });
    const before = env.sandbox.requests.filter((r) => r.method === "POST" && r.path === "/v1/servers").length;
    await expect(env.deployment.register(SERVER, "broken", { name: "broken" })).rejects.toThrow(/POST \/v1\/servers failed with 500.*internal/);
    expect(env.sandbox.requests.filter((r) => r.method === "POST" && r.path === "/v1/servers").length).toBe(before + 1);
  });
});

describe("timeouts and cancel", () => {
  it("honours the create's customTimeouts and records the half-created resource", async () => {
    env.sandbox.setActionDelay(60_000);
    try {
      const started = Date.now();
      const error = await env.deployment.register(SERVER, "slow", { name: "slow" }, { timeout: 3 }).catch((e) => e);
      expect(Date.now() - started).toBeLessThan(7000);
      expect(error.message).toMatch(/ServerPilot action [A-Za-z0-9]{16} \(create server slow\)/);
      expect(error.initFailure.id).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(env.plugin.logs.filter((l) => l.urn.endsWith("::slow")).map((l) => l.message)).toContainEqual(
        expect.stringMatching(/^still waiting for ServerPilot action [A-Za-z0-9]{16} \(create server slow\): open, [\d.]+s elapsed$/),
      );
    } finally {
      env.sandbox.setActionDelay(100);
    }
  });

  it("Cancel stops a wait in flight", async () => {
    env.sandbox.setActionDelay(60_000);
    try {
      const started = Date.now();
      const pending = env.deployment.register(SERVER, "cancelled", { name: "cancelled" }).catch((e) => e);
      await new Promise((r) => setTimeout(r, 700));
      await env.plugin.cancel();
      const error = await pending;
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error.message).toMatch(/cancelled/);
      expect(error.initFailure.id).toMatch(/^[A-Za-z0-9]{16}$/);
    } finally {
      env.sandbox.setActionDelay(100);
    }
  });
});

describe("secrets", () => {
  it("an API that echoes a private key (newlines), a long secret or a cut one in its error shows none of them", async () => {
    // A fresh plugin: the one above was cancelled.
    const fresh = await startServerPilotEnvironment({ actionDelayMs: 50 });
    const d = fresh.deployment;
    const passphrase = "two  spaces\tand a tab";
    const server = await d.register(SERVER, "echo", { name: "echo" });
    const user = await d.register(SYSUSER, "echo", { serverId: server.state!.id, name: "echo", password: passphrase });
    const app = { name: "echo", sysuserId: user.state!.id, runtime: "php8.2", domains: ["echo.example.com"] };
    await d.register(APP, "echo", app);
    const { key, cert } = testCertificate();
    const longKey = `-----BEGIN PRIVATE KEY-----\n${"Q".repeat(700)}\n-----END PRIVATE KEY-----`;
    const cases = [
      { key, echo: `key rejected: ${key}` },
      { key: longKey, echo: `${"padding ".repeat(40)}${longKey}` },
      { key, echo: `the system user's passphrase ${passphrase} does not fit` },
      { key, echo: `key starts ${key.slice(0, 60)}... and is wrong` },
    ];
    for (const { key: sent, echo } of cases) {
      fresh.sandbox.injectFault({ method: "POST", path: /\/ssl$/, status: 400, body: { error: { message: echo } } });
      const error = await d.register(APP, "echo", { ...app, customSsl: { key: sent, cert } }).catch((e) => e);
      expect(error).toBeInstanceOf(PluginError);
      expect(error.message).toMatch(/failed with 400 Bad Request/);
      for (const line of sent.split("\n").filter((l) => !l.startsWith("-----"))) expect(error.message).not.toContain(line.slice(0, 12));
      expect(error.message.replace(/\s+/g, " ")).not.toContain(passphrase.replace(/\s+/g, " "));
    }
    await fresh.stop();
  });

  it("never appear in logs, error messages, stderr or the plain parts of the state", async () => {
    // A fresh plugin: the one above was cancelled.
    const fresh = await startServerPilotEnvironment({ actionDelayMs: 50 });
    try {
      const d = fresh.deployment;
      const passwords = ["sysuser-secret-1", "wordpress-secret-2", "database-secret-3", "database-secret-4"];
      const server = await d.register(SERVER, "s", { name: "secrets" });
      const user = await d.register(SYSUSER, "u", { serverId: server.state!.id, name: "secrets", password: passwords[0] });
      const app = await d.register(APP, "a", {
        name: "secrets",
        sysuserId: user.state!.id,
        runtime: "php8.2",
        domains: ["secrets.example.com"],
        wordpress: { siteTitle: "S", adminUser: "admin", adminPassword: passwords[1], adminEmail: "a@example.com" },
      });
      const db = await d.register(DATABASE, "d", { appId: app.state!.id, name: "secretsdb", user: { name: "secretsuser", password: secret(passwords[2]) } });
      await d.register(DATABASE, "d", { appId: app.state!.id, name: "secretsdb", user: { name: "secretsuser", password: passwords[3] } });
      // An API that echoes the request back in its error must not carry the password into the message.
      fresh.sandbox.injectFault({ method: "POST", path: /\/dbs\/[^/]+$/, status: 400, body: { error: { message: `bad password ${passwords[3]} for key ${fresh.sandbox.apiKey}` } } });
      const failed = await d.register(DATABASE, "d", { appId: app.state!.id, name: "secretsdb", user: { name: "secretsuser", password: "database-secret-5" } }).catch((e) => e);
      expect(failed.message).toContain("bad password *** for key ***");
      await d.refresh(d.urn(DATABASE, "d"));
      const serverKey = reveal(server.state!.outputs.apikey) as string;

      const states = [...d.state.values()];
      const visible = [
        ...fresh.plugin.logs.map((l) => l.message),
        failed.message,
        fresh.plugin.stderr,
        ...states.map((s) => plainText(s.outputs) + plainText(s.inputs)),
      ].join("\n");
      for (const value of [...passwords, serverKey, fresh.sandbox.apiKey]) expect(visible).not.toContain(value);
      expect(reveal(db.state!.outputs.user)).toMatchObject({ password: passwords[2] });
      await d.destroyAll();
    } finally {
      await fresh.stop();
    }
  });
});

describe("a fresh plugin process, as every `pulumi up` starts one", () => {
  it("masks what the state holds secret from the first call: an old password echoed, a secret runtime in the preview", async () => {
    const fresh = await startServerPilotEnvironment({ actionDelayMs: 30 });
    try {
      const d = fresh.deployment;
      const server = await d.register(SERVER, "s", { name: "freshstate" });
      const user = await d.register(SYSUSER, "u", { serverId: server.state!.id, name: "fresh", password: "initial-pass-1" });
      const app = await d.register(APP, "a", { name: "fresh", sysuserId: user.state!.id, runtime: secret("php8.1"), domains: ["fresh.example.com"] });
      const next = await PluginProcess.start();
      try {
        await next.configure({
          "hosting:config:serverpilotClientId": fresh.sandbox.clientId,
          "hosting:config:serverpilotApiKey": fresh.sandbox.apiKey,
          "hosting:config:serverpilotEndpoint": fresh.sandbox.url,
        });
        const userState = user.state!;
        fresh.sandbox.injectFault({ method: "POST", path: /\/sysusers\/[^/]+$/, status: 400, body: { error: { message: "must differ from initial-pass-1" } } });
        const error = await next
          .update(userState.urn, userState.id, userState.outputs, { ...userState.inputs, password: secret("second-pass-2") }, { oldInputs: userState.inputs })
          .catch((e) => e);
        expect(error.message).toContain("must differ from ***");
        const appState = app.state!;
        await next.update(appState.urn, appState.id, appState.outputs, { ...appState.inputs, runtime: secret("php8.3") }, { preview: true, oldInputs: appState.inputs });
        const lines = next.logs.map((l) => l.message).join("\n");
        expect(lines).toContain("will change the runtime from *** to ***");
        expect(lines).not.toContain("php8.1");
      } finally {
        await next.stop();
      }
    } finally {
      await fresh.stop();
    }
  });
});

describe("list functions", () => {
  it("return a private key inside a list item wrapped as a secret, and everything found by a secret filter as secret", async () => {
    const fresh = await startServerPilotEnvironment({ actionDelayMs: 30 });
    try {
      const d = fresh.deployment;
      const serverId = (await d.register(SERVER, "s", { name: "lists" })).state!.id;
      const sysuserId = (await d.register(SYSUSER, "u", { serverId, name: "lists" })).state!.id;
      const { key, cert } = testCertificate();
      await d.register(APP, "a", { name: "withcert", sysuserId, runtime: "php8.2", domains: ["withcert.example.com"], customSsl: { key, cert } });
      const apps = (await fresh.plugin.invoke("hosting:serverpilot:getApps", { sysuserId })).result.apps as any[];
      expect(isSecret(apps[0].customSsl.key)).toBe(true);
      expect(plainText(apps)).not.toContain(key.split("\n")[1]);
      const users = await fresh.plugin.invoke("hosting:serverpilot:getSysUsers", { serverId: secret(serverId) });
      expect(isSecret(users.result.sysusers)).toBe(true);
      expect(plainText(users.result)).not.toContain(serverId);
    } finally {
      await fresh.stop();
    }
  });
});

describe("stopping and destroying", () => {
  it("SIGTERM while an operation waits on an action ends the plugin promptly", async () => {
    const fresh = await startServerPilotEnvironment({ actionDelayMs: 60_000 });
    try {
      const pending = fresh.deployment.register(SERVER, "slowstop", { name: "slowstop" }).catch((e) => e);
      await new Promise((r) => setTimeout(r, 500));
      const started = Date.now();
      const exited = new Promise((r) => fresh.plugin.child.once("exit", r));
      fresh.plugin.child.kill("SIGTERM");
      await exited;
      expect(Date.now() - started).toBeLessThan(5000);
      const error = await pending;
      // Cancelled mid-wait, the created server is still reported with its id.
      expect(error.initFailure?.id).toMatch(/^[A-Za-z0-9]{16}$/);
    } finally {
      await fresh.stop();
    }
  });

  it("destroy of an imported default system user warns and forgets it instead of failing on ServerPilot's 403", async () => {
    const fresh = await startServerPilotEnvironment({ actionDelayMs: 30 });
    try {
      const serverId = (await fresh.deployment.register(SERVER, "withdefault", { name: "withdefault" })).state!.id;
      const id = [...fresh.sandbox.store.sysusers.values()].find((u) => u.serverid === serverId && u.name === "serverpilot")!.id;
      const imports = new Deployment(fresh.plugin, "default-user");
      await imports.import(SYSUSER, "default", id, { serverId, name: "serverpilot" });
      await imports.destroyAll();
      expect(fresh.sandbox.store.sysusers.has(id)).toBe(true);
      expect(fresh.plugin.logs.some((l) => l.severity === "warning" && /default "serverpilot" system user cannot be deleted/.test(l.message))).toBe(true);
    } finally {
      await fresh.stop();
    }
  });
});
