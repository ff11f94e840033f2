// No secret of the WisPanel backend shows in plain text anywhere a user or a CI log sees it: the
// API key (config or WISPANEL_API_TOKEN), a Database's password (and its changes), a phpMyAdmin
// login's URL and token. Checked in the state and outputs (only as secrets), engine log lines,
// error messages (property errors and recorded partial states included) and the plugin's
// stderr, through the real plugin process against the WisPanel sandbox, also when the panel
// echoes what it was sent in its error, in either of its error shapes.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import type { EmulatorRequest } from "../sandbox/base";
import { expectNoneShown, jsonEscaped, shownBy, visibleIn } from "../support/secret-exposure";
import { isSecret, plainText, reveal, secret } from "../support/secrets";
import { startWisPanelEnvironment, wispanelConfig, type WisPanelEnvironment } from "../support/wispanel-environment";

const DATABASE = "hosting:wispanel:Database";
const LOGIN = "hosting:wispanel:getPhpMyAdminLogin";
/** A piece of a secret this long, cut from anywhere in it, is a leak too. */

let env: WisPanelEnvironment;

beforeAll(async () => {
  env = await startWisPanelEnvironment();
});

afterAll(async () => {
  await env?.stop();
});

const sent = (request: EmulatorRequest) => JSON.parse(request.body.toString("utf8"));
const rawBody = (request: EmulatorRequest) => request.body.toString("utf8");


/** None of the values (nor the API key) shows, whole or as a piece: as sent, or JSON-escaped. */
const expectHidden = (text: string, values: string[]) => expectNoneShown(text, [...values, env.sandbox.token], (value) => [value, jsonEscaped(value)]);

describe("create, update, preview, refresh, import and a phpMyAdmin login", () => {
  it("hold the secrets only as secrets in the state and outputs, and no log line or stderr shows them", async () => {
    const d = env.deployment;
    const passwords = ["Db-s3cret-Alpha17", "Db-s3cret-Bravo22"];
    const inputs = { name: "secrets", user: "secrets", password: secret(passwords[0]) };
    const created = await d.register(DATABASE, "db", inputs);
    const id = created.state!.id;
    // The values really went to the panel: the test is not about secrets never sent.
    expect(env.sandbox.store.get(id)!.password).toBe(passwords[0]);
    const changed = { ...inputs, password: passwords[1] };
    expect((await d.register(DATABASE, "db", changed, { preview: true })).diff!.detailedDiff).toEqual({ password: "update" });
    expect((await d.register(DATABASE, "db", changed)).op).toBe("update");
    expect(await env.mariadb.canLogin("john_secrets", passwords[1], id)).toBe(true);
    expect((await d.refresh(d.urn(DATABASE, "db"))).op).toBe("refresh");
    const imports = new Deployment(env.plugin, "imports");
    await imports.import(DATABASE, "db", id, changed);

    const login = await env.plugin.invoke(LOGIN, { id });
    expect(isSecret(login.result.url) && isSecret(login.result.token)).toBe(true);
    const issued = env.sandbox.logins.at(-1)!;
    expect(reveal(login.result.url)).toBe(issued.url);

    const states = [...d.state.values(), ...imports.state.values()];
    for (const state of states) {
      if ("password" in state.outputs) expect(isSecret(state.outputs.password), `${state.urn} password`).toBe(true);
      expect(isSecret(state.inputs.password), `${state.urn} input password`).toBe(true);
    }
    expect(reveal(d.state.get(d.urn(DATABASE, "db"))!.outputs.password)).toBe(passwords[1]);
    expectHidden(visibleIn(env.plugin, ...states.map((s) => plainText(s.outputs) + plainText(s.inputs)), plainText(login.result)), [...passwords, issued.url, issued.token]);
    await d.destroyAll();
  });
});

describe("a panel that echoes the secret it was sent in its error", () => {
  it("a 400 (newer shape) naming the password: the property error shows the refusal, masked", async () => {
    const password = "Db-s3cret-Echo42x";
    env.sandbox.injectFault({
      method: "POST",
      path: /^\/api\/v1\/databases$/,
      status: 400,
      body: (r) => ({ success: false, code: "VALIDATION_ERROR", error: `Password ${sent(r).password} is too weak`, message: "…", status: 400 }),
    });
    const error = await env.deployment.register(DATABASE, "echoed", { name: "echoed", user: "echoed", password }).catch((e) => e);
    expect(error.propertyErrors).toEqual([{ property: "password", reason: "WisPanel refused it (400): Password *** is too weak (VALIDATION_ERROR)" }]);
    expectHidden(visibleIn(env.plugin, shownBy(error)), [password]);
  });

  it("a 422 (older shape) whose details echo the raw body, and a reset-password 500 echoing it", async () => {
    const d = env.deployment;
    const passwords = ["Db-s3cret-Older55", "Db-s3cret-Reset66", "Db-s3cret-Final77"];
    env.sandbox.injectFault({
      method: "POST",
      path: /^\/api\/v1\/databases$/,
      status: 422,
      body: (r) => ({ error: { code: "VALIDATION_ERROR", message: "The given data was invalid.", details: { password: [`Could not use ${rawBody(r)}`] } } }),
    });
    const older = await d.register(DATABASE, "older", { name: "older", user: "older", password: passwords[0] }).catch((e) => e);
    expect(shownBy(older)).toContain('password: WisPanel refused it (422): password: Could not use {"name":"older","user":"older","password":"***"}');
    expect(d.state.has(d.urn(DATABASE, "older"))).toBe(false);

    await d.register(DATABASE, "older", { name: "older", user: "older", password: passwords[0] });
    env.sandbox.injectFault({
      method: "POST",
      path: /\/reset-password$/,
      status: 500,
      body: (r) => ({ success: false, code: "INTERNAL_ERROR", error: `ALTER USER failed for ${rawBody(r)}\n  at mysql.exec()`, status: 500 }),
    });
    const reset = await d.register(DATABASE, "older", { name: "older", user: "older", password: passwords[1] }).catch((e) => e);
    expect(reset.message).toMatch(/failed with 500 Internal Server Error: ALTER USER failed for \{"password":"\*\*\*"\}/);
    // Nothing changed, and the next up sets it.
    expect((await d.register(DATABASE, "older", { name: "older", user: "older", password: passwords[2] })).op).toBe("update");
    expect(await env.mariadb.canLogin("john_older", passwords[2], "john_older")).toBe(true);
    expectHidden(visibleIn(env.plugin, shownBy(older), shownBy(reset)), passwords);
    await d.destroyAll();
  });

  it("a create whose remote access is then refused with the password named: recorded with the password as a secret only", async () => {
    const d = env.deployment;
    const password = "Db-s3cret-Partial9";
    env.sandbox.injectFault({ method: "PUT", path: /^\/api\/v1\/databases\/john_partial$/, status: 403, body: { success: false, code: "FORBIDDEN", error: `grant for password ${password} failed`, status: 403 } });
    const inputs = { name: "partial", user: "partial", password, remoteAccess: true, remoteHost: "10.0.0.9" };
    const error = await d.register(DATABASE, "partial", inputs).catch((e) => e);
    expect(error.message).toMatch(/^created john_partial, but then: .*grant for password \*\*\* failed/);
    const recorded = d.state.get(d.urn(DATABASE, "partial"))!;
    expect(recorded.id).toBe("john_partial");
    expect(isSecret(recorded.outputs.password)).toBe(true);
    expectHidden(visibleIn(env.plugin, shownBy(error), plainText(recorded.outputs), plainText(recorded.inputs)), [password]);
    // The next up finishes it.
    expect((await d.register(DATABASE, "partial", inputs)).op).toBe("update");
    expect(env.sandbox.store.get("john_partial")).toMatchObject({ remote_access: true, remote_host: "10.0.0.9" });
    await d.destroyAll();
  });

  it("an error that repeats a phpMyAdmin login handed out before shows neither its URL nor its token", async () => {
    const d = env.deployment;
    const id = (await d.register(DATABASE, "pma", { name: "pma", user: "pma", password: "Db-s3cret-Login88" })).state!.id;
    await env.plugin.invoke(LOGIN, { id });
    const issued = env.sandbox.logins.at(-1)!;
    env.sandbox.injectFault({
      method: "POST",
      path: /\/phpmyadmin$/,
      status: 409,
      body: { success: false, code: "CONFLICT", error: `A login is still open: ${issued.url} (token ${issued.token})`, status: 409 },
    });
    const error = await env.plugin.invoke(LOGIN, { id }).catch((e) => e);
    expect(error.message).toMatch(/failed with 409 Conflict: A login is still open: \*\*\* \(token \*\*\*\)/);
    expectHidden(visibleIn(env.plugin, error.message), [issued.url, issued.token]);
    await d.destroyAll();
  });
});

describe("the API key", () => {
  it("a wrong one from WISPANEL_API_TOKEN: the 401 says what to check and shows neither it nor the right one", async () => {
    const wrong = `wsp_${randomBytes(24).toString("hex")}`;
    const plugin = await PluginProcess.start({ env: { WISPANEL_API_TOKEN: wrong } });
    try {
      const { "hosting:config:wispanelApiToken": _right, ...config } = wispanelConfig(env.sandbox);
      await plugin.configure(config);
      const error = await new Deployment(plugin).register(DATABASE, "wrong", { name: "wrong", user: "wrong", password: "Db-s3cret-Wrong1" }).catch((e) => e);
      expect(error.message).toMatch(/failed with 401 Unauthorized: Invalid or missing API key \(UNAUTHORIZED\); check hosting:wispanelEndpoint and hosting:wispanelApiToken/);
      expectHidden(visibleIn(plugin, shownBy(error)), [wrong]);
    } finally {
      await plugin.stop();
    }
  });

  it("a 401 that echoes the Authorization header and the key itself shows neither", async () => {
    env.sandbox.injectFault({
      method: "GET",
      path: /^\/api\/v1\/databases$/,
      status: 401,
      body: (r) => ({ error: { code: "UNAUTHORIZED", message: `Authorization ${r.headers.authorization} refused (key on file: ${env.sandbox.token})` } }),
    });
    const error = await env.plugin.invoke("hosting:wispanel:getDatabases", {}).catch((e) => e);
    expect(error.message).toMatch(/failed with 401 Unauthorized: Authorization \*\*\* refused \(key on file: ?\*\*\*\) \(UNAUTHORIZED\)/);
    expectHidden(visibleIn(env.plugin, error.message), []);
  });

  it("shows nowhere in what the plugin said during this whole file", () => {
    expectHidden(visibleIn(env.plugin), []);
  });
});
