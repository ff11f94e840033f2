// What WisPanel's functions refuse, its rules at Check, its refusals as property errors (in both
// error shapes its pages show), and its configuration: credentials, the panel's CA, keys that are
// not keys. The functions' results are in lifecycle.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginProcess, urnOf } from "../harness/plugin";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startWisPanelSandbox, type WisPanelSandbox } from "../sandbox/wispanel";
import { wispanelClient } from "../sandbox/wispanel-test-client";
import { startWisPanelEnvironment, wispanelConfig, type WisPanelEnvironment } from "../support/wispanel-environment";

const DATABASE = "hosting:wispanel:Database";
const NO_WISPANEL = { WISPANEL_ENDPOINT: "", WISPANEL_API_TOKEN: "", WISPANEL_CA_CERTIFICATE: "" };

let env: WisPanelEnvironment;

beforeAll(async () => {
  env = await startWisPanelEnvironment({ users: [{ username: "john" }, { username: "mary" }] });
});

afterAll(async () => {
  await env?.stop();
});

const check = (inputs: Record<string, unknown>) => env.plugin.check(urnOf(DATABASE, "checked"), undefined, inputs);
const valid = { name: "blog", user: "blog", password: "Passw0rd-1" };

describe("functions", () => {
  it("getPhpMyAdminLogin refuses what cannot be a database's full name before any request", async () => {
    const before = env.sandbox.requests.length;
    const { failures } = await env.plugin.invoke("hosting:wispanel:getPhpMyAdminLogin", { id: "john/../x" });
    expect(failures).toEqual([{ property: "id", reason: "must be a database's full name, such as john_mydb (a Database's id): letters, digits and '_'" }]);
    expect(env.sandbox.requests.length).toBe(before);
  });

  it("getPhpMyAdminLogin says why for a database that does not exist, or is another user's", async () => {
    const missing = await env.plugin.invoke("hosting:wispanel:getPhpMyAdminLogin", { id: "john_nothing" }).catch((e) => e);
    expect(missing.message).toMatch(/WisPanel API POST \/api\/v1\/databases\/john_nothing\/phpmyadmin failed with 404 Not Found: Database not found \(NOT_FOUND\)/);
    const mary = wispanelClient(env.sandbox);
    try {
      expect((await mary("POST", "/databases", { name: "private", user: "private", password: "Passw0rd-1" }, env.sandbox.tokens.mary)).status).toBe(201);
      const other = await env.plugin.invoke("hosting:wispanel:getPhpMyAdminLogin", { id: "mary_private" }).catch((e) => e);
      expect(other.message).toMatch(/failed with 403 Forbidden: Access denied \(not your database\) \(FORBIDDEN\)/);
      expect((await mary("DELETE", "/databases/mary_private", undefined, env.sandbox.tokens.mary)).status).toBe(200);
    } finally {
      await mary.close();
    }
  });
});

describe("Check", () => {
  it("accepts a database with remote access from a host, and without a domain", async () => {
    expect((await check({ ...valid, remoteAccess: true, remoteHost: "%" })).failures).toEqual([]);
    expect((await check(valid)).inputs).toMatchObject({ remoteAccess: false });
  });

  it("names the field and the document's rule: [a-zA-Z0-9_] names and users, required fields", async () => {
    expect((await check({ ...valid, name: "my-db" })).failures).toEqual([{ property: "name", reason: "may contain only letters, digits and '_' ([a-zA-Z0-9_])" }]);
    expect((await check({ ...valid, user: "blog user" })).failures).toEqual([{ property: "user", reason: "may contain only letters, digits and '_' ([a-zA-Z0-9_])" }]);
    expect((await check({ ...valid, name: "x".repeat(65) })).failures).toEqual([{ property: "name", reason: "must be at most 64 characters" }]);
    expect((await check({ name: "blog", user: "blog" })).failures).toEqual([{ property: "password", reason: "is required" }]);
    // Too short to be a password, or to be masked where an error echoes it.
    expect((await check({ ...valid, password: "abc" })).failures).toEqual([{ property: "password", reason: "must be at least 8 characters" }]);
    expect((await check({ ...valid, domain: "not a domain" })).failures).toEqual([{ property: "domain", reason: "must be a domain name such as example.com" }]);
  });

  it("holds remoteHost and remoteAccess together", async () => {
    expect((await check({ ...valid, remoteAccess: true })).failures).toEqual([{ property: "remoteHost", reason: expect.stringMatching(/^is required when remoteAccess is true/) }]);
    expect((await check({ ...valid, remoteHost: "10.0.0.5" })).failures).toEqual([{ property: "remoteHost", reason: expect.stringMatching(/^applies only when remoteAccess is true/) }]);
    expect((await check({ ...valid, remoteAccess: true, remoteHost: "10.0.0.5; DROP" })).failures).toEqual([{ property: "remoteHost", reason: expect.stringMatching(/^must be a host name/) }]);
  });
});

describe("refusals become errors on the property", () => {
  it("a name taken outside Pulumi: 409 on name, with how to import it", async () => {
    const client = wispanelClient(env.sandbox);
    try {
      expect((await client("POST", "/databases", { name: "taken", user: "taken", password: "Other-pass-9" })).status).toBe(201);
      const error = await env.deployment.register(DATABASE, "taken", { name: "taken", user: "taken2", password: "Passw0rd-1" }).catch((e) => e);
      expect(error.propertyErrors).toEqual([
        {
          property: "name",
          reason: "WisPanel refused it (409): Database already exists (CONFLICT); if it is the one this program made, import it: pulumi import hosting:wispanel:Database taken john_taken",
        },
      ]);
      // Never adopted: the database that was there keeps its password.
      expect(env.sandbox.store.get("john_taken")!.password).toBe("Other-pass-9");
      expect((await client("DELETE", "/databases/john_taken")).status).toBe(200);
    } finally {
      await client.close();
    }
  });

  it.each([
    ["answered with a 500", { status: 500 }, /failed with 500 Internal Server Error/],
    ["whose connection broke before the answer", { drop: true }, /connection|socket|closed/i],
  ])("a create the panel made and then %s is recorded, with a warning, and logs in", async (_how, fault, cause) => {
    const d = new Deployment(env.plugin, "lost");
    env.sandbox.injectFault({ method: "POST", path: /\/databases$/, afterServing: true, ...fault });
    const logsBefore = env.plugin.logs.length;
    const step = await d.register(DATABASE, "lost", { name: "lost", user: "lost", password: "Passw0rd-lost" });
    expect(step.state!.id).toBe("john_lost");
    expect([...env.sandbox.store.keys()].filter((id) => id === "john_lost")).toHaveLength(1);
    const warnings = env.plugin.logs.slice(logsBefore).filter((l) => l.severity === "warning").map((l) => l.message);
    expect(warnings).toEqual([expect.stringMatching(/^WisPanel's answer to the create was lost \(.*\), but it had made john_lost: recorded$/)]);
    expect(warnings[0]).toMatch(cause);
    expect(await env.mariadb.canLogin("john_lost", "Passw0rd-lost", "john_lost")).toBe(true);
    expect((await d.register(DATABASE, "lost", { name: "lost", user: "lost", password: "Passw0rd-lost" })).op).toBe("same");
    await d.destroyAll();
    expect(env.sandbox.store.has("john_lost")).toBe(false);
  });

  it("an admin's create whose answer was lost does not adopt another user's database of the same name", async () => {
    const admin = await startWisPanelEnvironment({ users: [{ username: "admin", role: "admin" }, { username: "mary" }, { username: "bob" }] });
    const client = wispanelClient(admin.sandbox);
    try {
      const mary = await client("POST", "/databases", { name: "forum", user: "forum", password: "Marys-pass-9" }, admin.sandbox.tokens.mary);
      expect(mary.status).toBe(201);
      expect((await client("POST", "/databases", { name: "wiki", user: "wiki", password: "Bobs-pass-99" }, admin.sandbox.tokens.bob)).status).toBe(201);
      // The panel fails before making admin_forum: the forum the admin's list shows is mary's.
      admin.sandbox.injectFault({ method: "POST", path: /\/databases$/, status: 500 });
      const d = new Deployment(admin.plugin, "admin");
      const error = await d.register(DATABASE, "forum", { name: "forum", user: "forum", password: "Passw0rd-adm" }).catch((e) => e);
      expect(error.message).toMatch(/failed with 500 Internal Server Error/);
      expect(d.state.size).toBe(0);
      expect(admin.sandbox.store.get("mary_forum")!.password).toBe("Marys-pass-9");
    } finally {
      await client.close();
      await admin.stop();
    }
  });

  it("a name too long once prefixed, from a panel that answers with the older 422 shape", async () => {
    const mariadb: MariaDB = await startMariaDB();
    let sandbox: WisPanelSandbox | undefined;
    const plugin = await PluginProcess.start();
    try {
      sandbox = await startWisPanelSandbox({ mariadb, errorShape: "older" });
      await plugin.configure(wispanelConfig(sandbox));
      const error = await new Deployment(plugin).register(DATABASE, "long", { name: "n".repeat(62), user: "long", password: "Passw0rd-1" }).catch((e) => e);
      expect(error.propertyErrors).toEqual([
        { property: "name", reason: "WisPanel refused it (422): name: Invalid database name (at most 64 characters with the owner prefix)" },
      ]);
      expect(sandbox.store.size).toBe(0);
    } finally {
      await plugin.stop();
      await sandbox?.close();
      await mariadb.stop();
    }
  });
});

describe("configuration", () => {
  it("a resource or function without WisPanel credentials fails at preview, naming the keys and variables", async () => {
    const plugin = await PluginProcess.start({ env: NO_WISPANEL });
    try {
      await plugin.configure({});
      const expected =
        "WisPanel credentials are missing. hosting:wispanelEndpoint is not set: run `pulumi config set hosting:wispanelEndpoint <value>` or set WISPANEL_ENDPOINT; " +
        "hosting:wispanelApiToken is not set: run `pulumi config set --secret hosting:wispanelApiToken <value>` or set WISPANEL_API_TOKEN";
      expect((await plugin.check(urnOf(DATABASE, "db"), undefined, valid)).failures).toEqual([{ property: "", reason: expected }]);
      expect((await plugin.invoke("hosting:wispanel:getDatabases", {})).failures).toEqual([{ property: "", reason: expected }]);
    } finally {
      await plugin.stop();
    }
  });

  it("takes the panel's CA from WISPANEL_CA_CERTIFICATE, and without one says where to give it", async () => {
    const { sandbox } = env;
    const fromEnv = await PluginProcess.start({ env: { ...NO_WISPANEL, WISPANEL_ENDPOINT: sandbox.url, WISPANEL_API_TOKEN: sandbox.token, WISPANEL_CA_CERTIFICATE: sandbox.ca } });
    const withoutCa = await PluginProcess.start({ env: NO_WISPANEL });
    try {
      await fromEnv.configure({});
      expect((await fromEnv.invoke("hosting:wispanel:getDatabases", {})).failures).toEqual([]);
      await withoutCa.configure({ "hosting:config:wispanelEndpoint": sandbox.url, "hosting:config:wispanelApiToken": sandbox.token });
      const error = await withoutCa.invoke("hosting:wispanel:getDatabases", {}).catch((e) => e);
      expect(error.message).toMatch(/could not be sent: the server's TLS certificate is not trusted \(.+\); .*set hosting:wispanelCaCertificate \(or WISPANEL_CA_CERTIFICATE\)/);
    } finally {
      await Promise.all([fromEnv.stop(), withoutCa.stop()]);
    }
  });

  it("refuses a key that is not a WisPanel key, and a CA that is not a certificate, without echoing them", async () => {
    const plugin = await PluginProcess.start({ env: NO_WISPANEL });
    try {
      const error = await plugin
        .configure({ "hosting:config:wispanelEndpoint": env.sandbox.url, "hosting:config:wispanelApiToken": "e24ff6f1754c2d9a-not-a-key", "hosting:config:wispanelCaCertificate": "my CA" })
        .catch((e) => e);
      expect(error.message).toMatch(/hosting:wispanelApiToken: must be a WisPanel API key, which starts with wsp_/);
      expect(error.message).toMatch(/hosting:wispanelCaCertificate: must be a PEM certificate/);
      expect(error.message).not.toContain("e24ff6f1754c2d9a-not-a-key");
    } finally {
      await plugin.stop();
    }
  });
});
