// No DBaaS secret shows in plain text anywhere a user or a CI log sees it: the API token (config
// or DBAAS_API_TOKEN), and each database's password and connection string (which holds the
// password). Checked in the state and outputs (only as secrets), engine log lines, error
// messages (recorded partial states included) and the plugin's stderr, through the real plugin
// process against the DBaaS sandbox, also when the sandbox echoes them in its errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { startDbaasEnvironment, type DbaasEnvironment } from "../support/dbaas-environment";
import { expectNoneShown, jsonEscaped, shownBy, visibleIn } from "../support/secret-exposure";
import { isSecret, plainText, reveal } from "../support/secrets";

const DATABASE = "hosting:dbaas:Database";
const SECRET_OUTPUTS = ["host", "port", "username", "password", "database", "sslMode", "connectionString"];
/** A piece of a secret this long, cut from anywhere in it, is a leak too. */

let env: DbaasEnvironment;

beforeAll(async () => {
  env = await startDbaasEnvironment();
});

afterAll(async () => {
  await env?.stop();
});

const pg = { name: "secret-pg", dbType: "postgresql", planId: "db-s-1vcpu-1gb", region: "nyc1" };
const redis = { name: "secret-redis", dbType: "redis", planId: "db-s-1vcpu-1gb", region: "nyc1" };


/** None of the values (nor the token) shows, whole or as a piece, as sent or JSON- or URL-escaped. */
const expectHidden = (text: string, values: string[]) =>
  expectNoneShown(text, [...values, env.sandbox.token], (value) => [value, jsonEscaped(value), encodeURIComponent(value)]);

/** The password and the part of the connection string around it. */
function secretsOf(outputs: Record<string, unknown>): string[] {
  const c = reveal(outputs);
  const url = c.connectionString as string;
  return [c.password, url.slice(0, url.indexOf("@") + 1)];
}

let found: string[] = [];

describe("create, refresh, import and destroy", () => {
  it("hold the credentials only as secrets in the state and outputs, and no log line or stderr shows them", async () => {
    const d = env.deployment;
    const created = [await d.register(DATABASE, "pg", pg), await d.register(DATABASE, "redis", redis)];
    for (const step of created) found.push(...secretsOf(step.state!.outputs));
    // The values are real: the test is not about credentials never returned.
    const c = reveal(created[0].state!.outputs);
    expect(await env.postgres.canLogin(c.username, c.password, c.database)).toBe(true);
    for (const urn of [...d.state.keys()]) expect((await d.refresh(urn)).op).toBe("refresh");
    const imports = new Deployment(env.plugin, "imports");
    await imports.import(DATABASE, "pg", created[0].state!.id, pg);
    await imports.import(DATABASE, "redis", created[1].state!.id, redis);
    const states = [...d.state.values(), ...imports.state.values()];
    for (const state of states) {
      for (const key of SECRET_OUTPUTS) if (state.outputs[key] !== undefined) expect(isSecret(state.outputs[key]), `${state.urn} ${key}`).toBe(true);
    }
    expectHidden(visibleIn(env.plugin, ...states.map((s) => plainText(s.outputs) + plainText(s.inputs))), found);
  });
});

describe("an API that echoes a secret in its error", () => {
  it("the password and connection string in a 500's multi-line trace on refresh, retried: neither the retry lines nor the error show them", async () => {
    const d = env.deployment;
    const state = d.state.get(d.urn(DATABASE, "pg"))!;
    const c = reveal(state.outputs);
    env.sandbox.injectFault({
      method: "GET",
      path: /\/credentials$/,
      status: 500,
      times: 5,
      body: { error: `pq: reading credentials failed\n  at conn(${c.connectionString})\n  password=${c.password}\n  at handler()` },
    });
    const error = await d.refresh(state.urn).catch((e) => e);
    expect(error.message).toMatch(/failed with 500 Internal Server Error: pq: reading credentials failed/);
    expect(error.message).toContain("***");
    expect(env.plugin.logs.some((l) => /retrying in/.test(l.message))).toBe(true);
    expectHidden(visibleIn(env.plugin, shownBy(error)), found);
  });

  it("the token in a 403 on create and in a 401 on list shows nowhere, and the 401 says where to fix it", async () => {
    const d = env.deployment;
    const token = env.sandbox.token;
    env.sandbox.injectFault({ method: "POST", path: /\/databases$/, status: 403, body: { error: `token ${token} may not create databases in nyc1` } });
    const refused = await d.register(DATABASE, "echo", { ...pg, name: "echo" }).catch((e) => e);
    expect(refused.message).toMatch(/failed with 403 Forbidden: token ?\*\*\* may not create databases in nyc1/);
    env.sandbox.injectFault({ method: "GET", path: /\/databases$/, status: 401, body: { error: `the token ${token} is not valid` } });
    const unauthorized = await env.plugin.invoke("hosting:dbaas:getDatabases", {}).catch((e) => e);
    expect(unauthorized.message).toMatch(/failed with 401 Unauthorized: the token ?\*\*\* is not valid; check hosting:dbaasEndpoint and hosting:dbaasApiToken \(or DBAAS_ENDPOINT and DBAAS_API_TOKEN\)/);
    expectHidden(visibleIn(env.plugin, shownBy(refused), shownBy(unauthorized)), found);
  });

  it("a token from DBAAS_API_TOKEN echoed in a failed provisioning's record shows nowhere", async () => {
    const token = env.sandbox.token;
    const fromEnv = await PluginProcess.start({ env: { DBAAS_ENDPOINT: env.sandbox.url, DBAAS_API_TOKEN: token } });
    try {
      await fromEnv.configure({});
      const d = new Deployment(fromEnv, "env");
      env.sandbox.failNextProvisioning();
      env.sandbox.injectFault({ method: "DELETE", status: 500, times: 5, body: { error: `cannot delete with ${token}` } });
      const failed = await d.register(DATABASE, "failed", { ...redis, name: "failed" }).catch((e) => e);
      expect(failed.initFailure.id).toMatch(/^db_/);
      const stuck = await d.destroyAll().catch((e) => e);
      expect(stuck.message).toMatch(/failed with 500 Internal Server Error: cannot delete with ?\*\*\*/);
      expectHidden(visibleIn(fromEnv, shownBy(failed), shownBy(stuck)), found);
      // The first try and its four retries met the fault: the next destroy deletes it.
      await d.destroyAll();
      expect(env.sandbox.store.has(failed.initFailure.id)).toBe(false);
    } finally {
      await fromEnv.stop();
    }
  });

  it("destroy leaves nothing", async () => {
    await env.deployment.destroyAll();
    for (let i = 0; i < 100 && env.sandbox.store.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(env.sandbox.store.size).toBe(0);
    expectHidden(visibleIn(env.plugin), found);
  });
});
