// Every ServerPilot resource through the real plugin process over gRPC, against the sandbox and
// real MariaDB, on the shared lifecycle table (test/support/lifecycle.ts), plus what only
// ServerPilot does: SSL moves in the documented order, WordPress at creation only, passwords
// that log in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { testCertificate } from "../support/certificates";
import { describeLifecycle } from "../support/lifecycle";
import { isSecret, reveal, secret } from "../support/secrets";
import { startServerPilotEnvironment, type ServerPilotEnvironment } from "../support/serverpilot-environment";
import { APP, DATABASE, SERVER, SYSUSER } from "../support/serverpilot-tokens";

let env: ServerPilotEnvironment;
/** Parents the resources under test hang off, in a stack of their own. */
let fixtures: Deployment;
const ids = { server: "", sysuser: "", otherSysuser: "", app: "" };

beforeAll(async () => {
  env = await startServerPilotEnvironment();
  fixtures = new Deployment(env.plugin, "fixtures");
  ids.server = (await fixtures.register(SERVER, "base", { name: "base" })).state!.id;
  ids.sysuser = (await fixtures.register(SYSUSER, "base", { serverId: ids.server, name: "base" })).state!.id;
  ids.otherSysuser = (await fixtures.register(SYSUSER, "other", { serverId: ids.server, name: "other" })).state!.id;
  ids.app = (await fixtures.register(APP, "base", { name: "base", sysuserId: ids.sysuser, runtime: "php8.2" })).state!.id;
});

afterAll(async () => {
  await env?.stop();
});

const world = () => env;
const store = () => env.sandbox.store;

/** A delete made in the ServerPilot panel, through the API. */
async function deleteInPanel(path: string): Promise<void> {
  const response = await fetch(`${env.sandbox.url}${path}`, {
    method: "DELETE",
    headers: { authorization: `Basic ${Buffer.from(`${env.sandbox.clientId}:${env.sandbox.apiKey}`).toString("base64")}` },
  });
  expect(response.status).toBe(200);
}

describeLifecycle({
  type: SERVER,
  name: "web",
  world,
  create: {
    inputs: () => ({ name: "www1", firewall: false }),
    verify: (state) => {
      expect(state.id).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(isSecret(state.outputs.apikey)).toBe(true);
      expect(reveal(state.outputs.apikey)).toHaveLength(43);
      expect(state.outputs).toMatchObject({ name: "www1", firewall: false, autoupdates: true, denyUnknownDomains: true });
      expect(store().servers.get(state.id)).toMatchObject({ firewall: false });
    },
  },
  updates: [
    {
      title: "firewall, autoupdates and denyUnknownDomains",
      inputs: () => ({ name: "www1", firewall: true, autoupdates: false, denyUnknownDomains: false }),
      diff: { firewall: "update", autoupdates: "update", denyUnknownDomains: "update" },
      verify: (state) => {
        expect(store().servers.get(state.id)).toMatchObject({ firewall: true, autoupdates: false, deny_unknown_domains: false });
        expect(isSecret(state.outputs.apikey)).toBe(true);
      },
    },
  ],
  outOfBand: {
    change: (id) => void (store().servers.get(id).firewall = false),
    diff: { firewall: "update" },
    verify: (id) => expect(store().servers.get(id).firewall).toBe(true),
  },
  replace: {
    inputs: () => ({ name: "www2", firewall: true, autoupdates: false, denyUnknownDomains: false }),
    diff: { name: "update-replace" },
    deleteBeforeReplace: false,
  },
  deleteOutOfBand: (id) => deleteInPanel(`/servers/${id}`),
  exists: (id) => store().servers.has(id),
});

describeLifecycle({
  type: SYSUSER,
  name: "deploy",
  world,
  create: {
    inputs: () => ({ serverId: ids.server, name: "deploy", password: secret("first-password") }),
    verify: (state) => {
      expect(isSecret(state.outputs.password)).toBe(true);
      expect(store().sysusers.get(state.id)).toMatchObject({ name: "deploy", password: "first-password" });
    },
  },
  updates: [
    {
      title: "the password, showing only the password",
      inputs: () => ({ serverId: ids.server, name: "deploy", password: secret("second-password") }),
      diff: { password: "update" },
      verify: (state) => expect(store().sysusers.get(state.id).password).toBe("second-password"),
    },
  ],
  steps: [
    {
      title: "a password given in plain text is still stored as a secret",
      run: async ({ up, state }) => {
        expect((await up({ serverId: ids.server, name: "deploy", password: "second-password" })).op).toBe("same");
        expect(isSecret(state().inputs.password)).toBe(true);
      },
    },
    {
      title: "refuses to drop the password at preview, naming the property",
      run: async ({ up }) => {
        await expect(up({ serverId: ids.server, name: "deploy" }, { preview: true })).rejects.toThrow(/password: cannot be removed/);
      },
    },
    {
      title: "refresh keeps the write-only password and shows no diff",
      run: async ({ up, state }) => {
        await env.deployment.refresh(state().urn);
        expect((await up({ serverId: ids.server, name: "deploy", password: secret("second-password") })).op).toBe("same");
      },
    },
  ],
  importUnreadable: ["password"],
  replace: {
    inputs: () => ({ serverId: ids.server, name: "deployer", password: secret("second-password") }),
    diff: { name: "update-replace" },
    deleteBeforeReplace: false,
  },
  deleteOutOfBand: (id) => deleteInPanel(`/sysusers/${id}`),
  exists: (id) => store().sysusers.has(id),
});

const wordpress = { siteTitle: "Blog", adminUser: "admin", adminPassword: "wp-admin-password", adminEmail: "admin@example.com" };
const app = (extra: Record<string, unknown> = {}) => ({
  name: "blog",
  sysuserId: ids.sysuser,
  runtime: "php8.3",
  domains: ["example.com", "blog.example.org"],
  wordpress,
  autoSsl: true,
  forceSsl: true,
  ...extra,
});

describeLifecycle({
  type: APP,
  name: "blog",
  world,
  create: {
    inputs: () => app({ runtime: "php8.2", domains: ["example.com", "www.example.com"] }),
    verify: (state) => {
      const record = store().apps.get(state.id);
      expect(record.wordpress).toMatchObject({ admin_user: "admin" });
      expect(record.ssl).toMatchObject({ auto: true, force: true });
      // AutoSSL first, then ForceSSL in its own call, as the document demands.
      const sslCalls = env.sandbox.requests.filter((r) => r.path === `/v1/apps/${state.id}/ssl`);
      expect(sslCalls.map((r) => r.method)).toEqual(["POST", "POST"]);
      expect(isSecret((state.outputs.wordpress as Record<string, unknown>).adminPassword)).toBe(true);
      expect(state.outputs.autoSslAvailable).toBe(true);
      // The API reorders and lowercases the domains; that is no diff.
      expect(record.domains).toEqual(["www.example.com", "example.com"]);
    },
  },
  updates: [
    {
      title: "runtime and domains",
      inputs: () => app(),
      diff: { runtime: "update", domains: "update" },
      verify: (state) => {
        expect(store().apps.get(state.id).runtime).toBe("php8.3");
        expect([...store().apps.get(state.id).domains].sort()).toEqual(["blog.example.org", "example.com"]);
      },
    },
  ],
  steps: [
    {
      title: "moves from AutoSSL to a custom certificate: preview says how, up does it",
      run: async ({ up, id }) => {
        const news = app({ autoSsl: false, customSsl: testCertificate() });
        const logsBefore = env.plugin.logs.length;
        const preview = await up(news, { preview: true });
        expect(preview.diff!.detailedDiff).toEqual({ autoSsl: "update", customSsl: "add" });
        expect(env.plugin.logs.slice(logsBefore).map((l) => l.message)).toEqual([
          "will remove AutoSSL (this also turns ForceSSL off)",
          "will install the custom certificate",
          "will turn ForceSSL on (redirect HTTP to HTTPS)",
        ]);
        expect(store().apps.get(id()).ssl.auto).toBe(true); // preview changed nothing
        const step = await up(news);
        expect(step.op).toBe("update");
        expect(store().apps.get(id()).ssl).toMatchObject({ auto: false, force: true, cert: testCertificate().cert });
        expect(isSecret((step.state!.outputs.customSsl as Record<string, unknown>).key)).toBe(true);
        expect((await up(news)).op).toBe("same");
      },
    },
    {
      title: "shows no diff, in refresh or after it, when the API returns the certificate in another spelling",
      run: async ({ up, id, state }) => {
        const cert = testCertificate();
        const news = app({ autoSsl: false, customSsl: { ...cert, cert: `${cert.cert}\n` } });
        const ssl = store().apps.get(id()).ssl;
        ssl.cert = ssl.cert.trimEnd();
        ssl.key = ssl.key.replace(/\n/g, "\r\n");
        await env.deployment.refresh(state().urn);
        expect(reveal(state().inputs.customSsl).key).toBe(cert.key); // the program's spelling stays
        expect((await up(news)).op).toBe("same");
      },
    },
    {
      title: "rejects AutoSSL together with a custom certificate, and ForceSSL without SSL, at preview",
      run: async ({ up }) => {
        await expect(up(app({ customSsl: testCertificate() }), { preview: true })).rejects.toThrow(/customSsl: cannot be set together with autoSsl/);
        await expect(up(app({ autoSsl: false }), { preview: true })).rejects.toThrow(/forceSsl: needs SSL/);
      },
    },
    {
      title: "removing SSL turns ForceSSL off",
      run: async ({ up, id }) => {
        expect((await up(app({ autoSsl: false, forceSsl: false }))).op).toBe("update");
        expect(store().apps.get(id()).ssl).toBeNull();
      },
    },
    {
      title: "records a WordPress change after create with a warning, changing nothing on the site and never replacing the app",
      run: async ({ up, id }) => {
        const logsBefore = env.plugin.logs.length;
        const news = app({ autoSsl: false, forceSsl: false, wordpress: { ...wordpress, siteTitle: "New blog" } });
        expect((await up(news, { preview: true })).diff!.replaces).toEqual([]);
        const step = await up(news);
        expect(step.op).toBe("update");
        expect(step.diff!.detailedDiff).toEqual({ "wordpress.siteTitle": "update" });
        expect(store().apps.get(id()).wordpress.site_title).toBe("Blog");
        const logs = env.plugin.logs.slice(logsBefore);
        expect(logs.some((l) => l.severity === "warning" && /wordpress is used only when the app is created/.test(l.message))).toBe(true);
        expect(logs.map((l) => l.message)).toContain(
          "will record the new wordpress settings without touching the site (WordPress is installed only when the app is created)",
        );
        expect((await up(app({ autoSsl: false, forceSsl: false, wordpress: undefined }))).op).toBe("update");
        expect(store().apps.has(id())).toBe(true);
      },
    },
  ],
  outOfBand: {
    change: (id) => void (store().apps.get(id).runtime = "php8.1"),
    diff: { runtime: "update" },
    verify: (id) => expect(store().apps.get(id).runtime).toBe("php8.3"),
  },
  importUnreadable: ["wordpress"],
  replace: {
    inputs: () => app({ autoSsl: false, forceSsl: false, wordpress: undefined, sysuserId: ids.otherSysuser }),
    diff: { sysuserId: "update-replace" },
    // Same name on the same server: the old app must go first.
    deleteBeforeReplace: true,
  },
  deleteOutOfBand: (id) => deleteInPanel(`/apps/${id}`),
  exists: (id) => store().apps.has(id),
});

const database = (password: string, name = "blogdb") => ({ appId: ids.app, name, user: { name: "bloguser", password: secret(password) } });

describeLifecycle({
  type: DATABASE,
  name: "db",
  world,
  create: {
    inputs: () => database("db-password-1"),
    verify: async (state) => {
      const user = state.outputs.user as Record<string, unknown>;
      expect(isSecret(user.password)).toBe(true);
      expect(await env.mariadb.canLogin(reveal(user).name, reveal(user.password), state.outputs.name as string)).toBe(true);
      expect(state.outputs.userId).toMatch(/^[A-Za-z0-9]{16}$/);
    },
  },
  updates: [
    {
      title: "the password: the new one logs in, the old one no longer does",
      inputs: () => database("db-password-2"),
      diff: { "user.password": "update" },
      verify: async () => {
        expect(await env.mariadb.canLogin("bloguser", "db-password-2", "blogdb")).toBe(true);
        expect(await env.mariadb.canLogin("bloguser", "db-password-1", "blogdb")).toBe(false);
      },
    },
  ],
  importUnreadable: ["user.password"],
  replace: {
    inputs: () => database("db-password-2", "blogdb2"),
    diff: { name: "update-replace" },
    // The user name stays, and it is unique on the server.
    deleteBeforeReplace: true,
  },
  deleteOutOfBand: (id) => deleteInPanel(`/dbs/${id}`),
  exists: async (id) => store().dbs.has(id),
});

// A state an older version or a hand wrote, with the user id recorded as a number: the update
// must read the id from the API, not send a password change for no user.
describe("an update of a state that records the user id of another type", () => {
  it("a database password change reads the user's id, and the new password logs in", async () => {
    const deployment = new Deployment(env.plugin, "recorded");
    const inputs = { appId: ids.app, name: "recordeddb", user: { name: "recorded", password: secret("recorded-pass-1") } };
    const step = await deployment.register(DATABASE, "recorded", inputs);
    const news = { ...inputs, user: { name: "recorded", password: secret("recorded-pass-2") } };
    const outputs = await env.plugin.update(step.urn, step.state!.id, { ...step.state!.outputs, userId: 7 }, news, { oldInputs: inputs });
    expect(await env.mariadb.canLogin("recorded", "recorded-pass-2", "recordeddb")).toBe(true);
    expect(outputs.userId).toBe(step.state!.outputs.userId);
    await deployment.destroyAll();
  });
});

describe("functions, and nothing left behind", () => {
  it("lists servers, system users, apps and databases, each as its resource reads it", async () => {
    await env.deployment.register(DATABASE, "listed", { appId: ids.app, name: "listeddb", user: { name: "listed", password: "listed-password" } });
    const servers = await env.plugin.invoke("hosting:serverpilot:getServers", {});
    expect(servers.result.servers).toEqual([
      expect.objectContaining({ id: ids.server, name: "base", firewall: true, autoupdates: true, denyUnknownDomains: true, datecreated: expect.any(Number) }),
    ]);
    const users = await env.plugin.invoke("hosting:serverpilot:getSysUsers", { serverId: ids.server });
    expect((users.result.sysusers as { name: string }[]).map((u) => u.name).sort()).toEqual(["base", "other", "serverpilot"]);
    const apps = await env.plugin.invoke("hosting:serverpilot:getApps", { sysuserId: ids.sysuser });
    expect(apps.result.apps).toEqual([expect.objectContaining({ id: ids.app, name: "base", runtime: "php8.2", domains: [], autoSsl: false, serverId: ids.server })]);
    const dbs = await env.plugin.invoke("hosting:serverpilot:getDatabases", { appId: ids.app });
    expect(dbs.result.databases).toEqual([{ id: expect.any(String), appId: ids.app, name: "listeddb", user: { name: "listed" }, serverId: ids.server, userId: expect.any(String) }]);
    await env.deployment.destroyAll();
  });

  it("destroy deletes everything: nothing is left in the API or in MariaDB", async () => {
    await fixtures.destroyAll();
    const { servers, sysusers, apps, dbs } = store();
    expect([servers.size, sysusers.size, apps.size, dbs.size]).toEqual([0, 0, 0, 0]);
    const databases = await env.mariadb.query<{ name: string }>("SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '%db%'");
    expect(databases).toEqual([]);
    for (const user of ["bloguser", "listed"]) expect(await env.mariadb.userExists(user)).toBe(false);
  });

  it("exercised every endpoint of the ServerPilot document through the plugin", () => {
    const served = new Set(env.sandbox.requests.map((r) => `${r.method} ${r.path.replace(/\/[A-Za-z0-9]{16}(?=\/|$)/g, "/:id")}`));
    const documented = [
      "GET /v1/servers", "POST /v1/servers", "GET /v1/servers/:id", "DELETE /v1/servers/:id", "POST /v1/servers/:id",
      "GET /v1/sysusers", "POST /v1/sysusers", "GET /v1/sysusers/:id", "DELETE /v1/sysusers/:id", "POST /v1/sysusers/:id",
      "GET /v1/apps", "POST /v1/apps", "GET /v1/apps/:id", "DELETE /v1/apps/:id", "POST /v1/apps/:id",
      "POST /v1/apps/:id/ssl", "DELETE /v1/apps/:id/ssl",
      "GET /v1/dbs", "POST /v1/dbs", "GET /v1/dbs/:id", "DELETE /v1/dbs/:id", "POST /v1/dbs/:id",
      "GET /v1/actions/:id",
    ];
    expect(documented.filter((e) => !served.has(e))).toEqual([]);
  });
});
