// Every ServerPilot resource through the real plugin process over gRPC, against the sandbox and
// real MariaDB: create, read, no-op diff, in-place update, replace, import by id, refresh after
// an out-of-band change and delete, and delete with nothing left behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { reveal, secret, isSecret } from "../support/secrets";
import { startServerPilotEnvironment, type ServerPilotEnvironment } from "../support/serverpilot-environment";
import { testCertificate } from "../support/certificates";
import { APP, DATABASE, SERVER, SYSUSER } from "../support/serverpilot-tokens";

let env: ServerPilotEnvironment;
let d: Deployment;

beforeAll(async () => {
  env = await startServerPilotEnvironment();
  d = env.deployment;
});

afterAll(async () => {
  await env?.stop();
});

describe("Server", () => {
  let id = "";

  it("is created with its settings applied and its API key kept secret", async () => {
    const step = await d.register(SERVER, "web", { name: "www1", firewall: false });
    id = step.state!.id;
    expect(id).toMatch(/^[A-Za-z0-9]{16}$/);
    const outputs = step.state!.outputs;
    expect(isSecret(outputs.apikey)).toBe(true);
    expect(reveal(outputs.apikey)).toHaveLength(43);
    expect(outputs).toMatchObject({ name: "www1", firewall: false, autoupdates: true, denyUnknownDomains: true });
    expect(env.sandbox.store.servers.get(id)).toMatchObject({ firewall: false });
  });

  it("shows no diff when nothing changed", async () => {
    const step = await d.register(SERVER, "web", { name: "www1", firewall: false });
    expect(step.op).toBe("same");
  });

  it("updates firewall, autoupdates and denyUnknownDomains in place", async () => {
    const step = await d.register(SERVER, "web", { name: "www1", firewall: true, autoupdates: false, denyUnknownDomains: false });
    expect(step.op).toBe("update");
    expect(step.diff!.detailedDiff).toEqual({ firewall: "update", autoupdates: "update", denyUnknownDomains: "update" });
    expect(env.sandbox.store.servers.get(id)).toMatchObject({ firewall: true, autoupdates: false, deny_unknown_domains: false });
    expect(isSecret(step.state!.outputs.apikey)).toBe(true);
  });

  it("refresh picks up a change made outside Pulumi, and the next up reverts it", async () => {
    env.sandbox.store.servers.get(id).firewall = false;
    const refreshed = await d.refresh(d.urn(SERVER, "web"));
    expect(refreshed.state!.outputs.firewall).toBe(false);
    expect(isSecret(refreshed.state!.outputs.apikey)).toBe(true);
    const step = await d.register(SERVER, "web", { name: "www1", firewall: true, autoupdates: false, denyUnknownDomains: false });
    expect(step.diff!.detailedDiff).toEqual({ firewall: "update" });
    expect(env.sandbox.store.servers.get(id).firewall).toBe(true);
  });

  it("imports by id with no diff against the imported inputs", async () => {
    const other = new Deployment(env.plugin, "import");
    const step = await other.import(SERVER, "web", id);
    expect(step.state!.inputs).toEqual({ name: "www1", firewall: true, autoupdates: false, denyUnknownDomains: false });
    expect(step.diff!.changes).toBe(false);
  });

  it("is replaced when its name changes, and the old one is deleted", async () => {
    const step = await d.register(SERVER, "web", { name: "www2", firewall: true, autoupdates: false, denyUnknownDomains: false });
    expect(step.op).toBe("replace");
    expect(step.diff!.detailedDiff).toEqual({ name: "update-replace" });
    expect(step.diff!.deleteBeforeReplace).toBe(false);
    expect(env.sandbox.store.servers.has(id)).toBe(false);
    id = step.state!.id;
    expect(env.sandbox.store.servers.get(id).name).toBe("www2");
  });
});

describe("SysUser", () => {
  let serverId = "";
  let id = "";

  beforeAll(async () => {
    serverId = d.state.get(d.urn(SERVER, "web"))!.id;
  });

  it("is created with a secret password", async () => {
    const step = await d.register(SYSUSER, "deploy", { serverId, name: "deploy", password: secret("first-password") });
    id = step.state!.id;
    expect(isSecret(step.state!.outputs.password)).toBe(true);
    expect(env.sandbox.store.sysusers.get(id)).toMatchObject({ name: "deploy", password: "first-password" });
  });

  it("a password given in plain text is still stored as a secret", async () => {
    const step = await d.register(SYSUSER, "deploy", { serverId, name: "deploy", password: "first-password" });
    expect(step.op).toBe("same");
    expect(isSecret(d.state.get(d.urn(SYSUSER, "deploy"))!.inputs.password)).toBe(true);
  });

  it("changes the password in place, showing only the password", async () => {
    const step = await d.register(SYSUSER, "deploy", { serverId, name: "deploy", password: secret("second-password") });
    expect(step.op).toBe("update");
    expect(step.diff!.detailedDiff).toEqual({ password: "update" });
    expect(env.sandbox.store.sysusers.get(id).password).toBe("second-password");
  });

  it("refresh keeps the write-only password and shows no diff", async () => {
    await d.refresh(d.urn(SYSUSER, "deploy"));
    const step = await d.register(SYSUSER, "deploy", { serverId, name: "deploy", password: secret("second-password") });
    expect(step.op).toBe("same");
  });

  it("refuses to drop the password at preview, naming the property", async () => {
    await expect(d.register(SYSUSER, "deploy", { serverId, name: "deploy" }, { preview: true })).rejects.toThrow(/password: cannot be removed/);
  });

  it("imports by id without a password and without a diff", async () => {
    const step = await new Deployment(env.plugin, "import").import(SYSUSER, "deploy", id);
    expect(step.state!.inputs).toEqual({ serverId, name: "deploy" });
    expect(step.diff!.changes).toBe(false);
  });

  it("is replaced when renamed", async () => {
    const step = await d.register(SYSUSER, "deploy", { serverId, name: "deployer", password: secret("second-password") });
    expect(step.op).toBe("replace");
    expect(env.sandbox.store.sysusers.has(id)).toBe(false);
    id = step.state!.id;
  });
});

describe("App", () => {
  let sysuserId = "";
  let id = "";
  const wordpress = { siteTitle: "Blog", adminUser: "admin", adminPassword: "wp-admin-password", adminEmail: "admin@example.com" };
  const base = () => ({ name: "blog", sysuserId, runtime: "php8.2", domains: ["example.com", "www.example.com"], wordpress });

  beforeAll(async () => {
    sysuserId = d.state.get(d.urn(SYSUSER, "deploy"))!.id;
  });

  it("is created with WordPress, AutoSSL and ForceSSL, in the documented order of calls", async () => {
    const before = env.sandbox.requests.length;
    const step = await d.register(APP, "blog", { ...base(), autoSsl: true, forceSsl: true });
    id = step.state!.id;
    const app = env.sandbox.store.apps.get(id);
    expect(app.wordpress).toMatchObject({ admin_user: "admin" });
    expect(app.ssl).toMatchObject({ auto: true, force: true });
    const sslCalls = env.sandbox.requests.slice(before).filter((r) => r.path.endsWith("/ssl"));
    expect(sslCalls.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(isSecret((step.state!.outputs.wordpress as Record<string, unknown>).adminPassword)).toBe(true);
    expect(step.state!.outputs.autoSslAvailable).toBe(true);
  });

  it("shows no diff although the API reorders and lowercases the domains", async () => {
    expect(env.sandbox.store.apps.get(id).domains).not.toEqual(["example.com", "www.example.com"]);
    const step = await d.register(APP, "blog", { ...base(), autoSsl: true, forceSsl: true });
    expect(step.op).toBe("same");
    await d.refresh(d.urn(APP, "blog"));
    expect((await d.register(APP, "blog", { ...base(), autoSsl: true, forceSsl: true })).op).toBe("same");
  });

  it("updates runtime and domains in place", async () => {
    const step = await d.register(APP, "blog", { ...base(), runtime: "php8.3", domains: ["example.com", "blog.example.org"], autoSsl: true, forceSsl: true });
    expect(step.op).toBe("update");
    expect(step.diff!.detailedDiff).toEqual({ runtime: "update", domains: "update" });
    expect(env.sandbox.store.apps.get(id)).toMatchObject({ runtime: "php8.3" });
    expect([...env.sandbox.store.apps.get(id).domains].sort()).toEqual(["blog.example.org", "example.com"]);
  });

  it("moves from AutoSSL to a custom certificate: preview says how, up does it", async () => {
    const cert = testCertificate();
    const news = { ...base(), runtime: "php8.3", domains: ["example.com", "blog.example.org"], customSsl: cert, forceSsl: true };
    const logsBefore = env.plugin.logs.length;
    const preview = await d.register(APP, "blog", news, { preview: true });
    expect(preview.diff!.detailedDiff).toEqual({ autoSsl: "update", customSsl: "add" });
    const planned = env.plugin.logs.slice(logsBefore).map((l) => l.message);
    expect(planned).toEqual([
      "will remove AutoSSL (this also turns ForceSSL off)",
      "will install the custom certificate",
      "will turn ForceSSL on (redirect HTTP to HTTPS)",
    ]);
    expect(env.sandbox.store.apps.get(id).ssl.auto).toBe(true); // preview changed nothing

    const step = await d.register(APP, "blog", news);
    expect(step.op).toBe("update");
    expect(env.sandbox.store.apps.get(id).ssl).toMatchObject({ auto: false, force: true, cert: cert.cert });
    expect(isSecret((step.state!.outputs.customSsl as Record<string, unknown>).key)).toBe(true);
    expect((await d.register(APP, "blog", news)).op).toBe("same");
  });

  it("shows no diff, in refresh or after it, when the API returns the certificate without its final newline", async () => {
    const cert = testCertificate();
    const news = { ...base(), runtime: "php8.3", domains: ["example.com", "blog.example.org"], customSsl: { ...cert, cert: `${cert.cert}\n` }, forceSsl: true };
    await d.register(APP, "blog", news);
    const ssl = env.sandbox.store.apps.get(id).ssl;
    ssl.cert = ssl.cert.trimEnd();
    ssl.key = ssl.key.replace(/\n/g, "\r\n");
    const refreshed = await d.refresh(d.urn(APP, "blog"));
    // Refresh keeps the program's spelling of an equal certificate.
    expect(reveal(refreshed.state!.inputs.customSsl).key).toBe(cert.key);
    expect((await d.register(APP, "blog", news)).op).toBe("same");
  });

  it("rejects AutoSSL together with a custom certificate, and ForceSSL without SSL, at preview", async () => {
    await expect(
      d.register(APP, "blog", { ...base(), autoSsl: true, customSsl: testCertificate() }, { preview: true }),
    ).rejects.toThrow(/customSsl: cannot be set together with autoSsl/);
    await expect(d.register(APP, "blog", { ...base(), forceSsl: true }, { preview: true })).rejects.toThrow(/forceSsl: needs SSL/);
  });

  it("removing SSL turns ForceSSL off", async () => {
    const step = await d.register(APP, "blog", { ...base(), runtime: "php8.3", domains: ["example.com", "blog.example.org"] });
    expect(step.op).toBe("update");
    expect(env.sandbox.store.apps.get(id).ssl).toBeNull();
  });

  it("imports by id without a diff (WordPress is write-only)", async () => {
    const step = await new Deployment(env.plugin, "import").import(APP, "blog", id);
    expect(step.state!.inputs).toMatchObject({ name: "blog", sysuserId, runtime: "php8.3", autoSsl: false, forceSsl: false });
    expect(step.state!.inputs.wordpress).toBeUndefined();
    expect(step.diff!.changes).toBe(false);
  });

  it("records a WordPress change after create with a warning, changing nothing on the site and never replacing the app", async () => {
    const logsBefore = env.plugin.logs.length;
    const news = { ...base(), runtime: "php8.3", domains: ["example.com", "blog.example.org"], wordpress: { ...wordpress, siteTitle: "New blog" } };
    const preview = await d.register(APP, "blog", news, { preview: true });
    expect(preview.diff!.replaces).toEqual([]);
    const step = await d.register(APP, "blog", news);
    expect(step.op).toBe("update");
    expect(step.diff!.detailedDiff).toEqual({ "wordpress.siteTitle": "update" });
    expect(env.sandbox.store.apps.get(id).wordpress.site_title).toBe("Blog");
    const logs = env.plugin.logs.slice(logsBefore);
    expect(logs.some((l) => l.severity === "warning" && /wordpress is used only when the app is created/.test(l.message))).toBe(true);
    expect(logs.map((l) => l.message)).toContain("will record the new wordpress settings without touching the site (WordPress is installed only when the app is created)");
    const removed = await d.register(APP, "blog", { ...news, wordpress: undefined });
    expect(removed.op).toBe("update");
    expect(env.sandbox.store.apps.has(id)).toBe(true);
  });

  it("is replaced, deleting first, when it moves to another system user of the server under the same name", async () => {
    const serverId = d.state.get(d.urn(SERVER, "web"))!.id;
    const other = await d.register(SYSUSER, "other", { serverId, name: "other" });
    const step = await d.register(APP, "blog", { ...base(), wordpress: undefined, sysuserId: other.state!.id, runtime: "php8.3", domains: ["example.com", "blog.example.org"] });
    expect(step.op).toBe("replace");
    expect(step.diff!.detailedDiff).toEqual({ sysuserId: "update-replace" });
    expect(step.diff!.deleteBeforeReplace).toBe(true);
    expect(env.sandbox.store.apps.has(id)).toBe(false);
    id = step.state!.id;
  });
});

describe("Database", () => {
  let appId = "";
  let id = "";
  const inputs = (password: string, name = "blogdb") => ({ appId, name, user: { name: "bloguser", password: secret(password) } });

  beforeAll(async () => {
    appId = d.state.get(d.urn(APP, "blog"))!.id;
  });

  it("is created in MariaDB, and the returned credentials log in", async () => {
    const step = await d.register(DATABASE, "db", inputs("db-password-1"));
    id = step.state!.id;
    const user = step.state!.outputs.user as Record<string, unknown>;
    expect(isSecret(user.password)).toBe(true);
    expect(await env.mariadb.canLogin(reveal(user).name, reveal(user.password), step.state!.outputs.name as string)).toBe(true);
    expect(step.state!.outputs.userId).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it("changes the password in place: the new one logs in, the old one no longer does", async () => {
    const step = await d.register(DATABASE, "db", inputs("db-password-2"));
    expect(step.op).toBe("update");
    expect(step.diff!.detailedDiff).toEqual({ "user.password": "update" });
    expect(await env.mariadb.canLogin("bloguser", "db-password-2", "blogdb")).toBe(true);
    expect(await env.mariadb.canLogin("bloguser", "db-password-1", "blogdb")).toBe(false);
  });

  it("imports by id without a diff", async () => {
    const step = await new Deployment(env.plugin, "import").import(DATABASE, "db", id);
    expect(step.state!.inputs).toEqual({ appId, name: "blogdb", user: { name: "bloguser" } });
    expect(step.diff!.changes).toBe(false);
  });

  it("refresh reports a database deleted outside Pulumi as gone, and up recreates it", async () => {
    await fetch(`${env.sandbox.url}/dbs/${id}`, {
      method: "DELETE",
      headers: { authorization: `Basic ${Buffer.from(`${env.sandbox.clientId}:${env.sandbox.apiKey}`).toString("base64")}` },
    });
    expect((await d.refresh(d.urn(DATABASE, "db"))).op).toBe("gone");
    const step = await d.register(DATABASE, "db", inputs("db-password-2"));
    expect(step.op).toBe("create");
    id = step.state!.id;
    expect(await env.mariadb.canLogin("bloguser", "db-password-2", "blogdb")).toBe(true);
  });

  it("is replaced when renamed, deleting first because the user name is kept", async () => {
    const step = await d.register(DATABASE, "db", inputs("db-password-2", "blogdb2"));
    expect(step.op).toBe("replace");
    expect(step.diff!.deleteBeforeReplace).toBe(true);
    expect(await env.mariadb.databaseExists("blogdb")).toBe(false);
    expect(await env.mariadb.canLogin("bloguser", "db-password-2", "blogdb2")).toBe(true);
  });
});

describe("functions and destroy", () => {
  it("lists servers, system users, apps and databases", async () => {
    const serverId = d.state.get(d.urn(SERVER, "web"))!.id;
    const servers = await env.plugin.invoke("hosting:serverpilot:getServers", {});
    expect((servers.result.servers as { name: string }[]).map((s) => s.name)).toEqual(["www2"]);
    const users = await env.plugin.invoke("hosting:serverpilot:getSysUsers", { serverId });
    expect((users.result.sysusers as { name: string }[]).map((u) => u.name).sort()).toEqual(["deployer", "other", "serverpilot"]);
    const apps = await env.plugin.invoke("hosting:serverpilot:getApps", { serverId });
    expect((apps.result.apps as { name: string }[]).map((a) => a.name)).toEqual(["blog"]);
    const dbs = await env.plugin.invoke("hosting:serverpilot:getDatabases", { serverId });
    expect((dbs.result.databases as { name: string }[]).map((x) => x.name)).toEqual(["blogdb2"]);
  });

  it("destroy deletes everything: nothing is left in the API or in MariaDB", async () => {
    await d.destroyAll();
    const { servers, sysusers, apps, dbs } = env.sandbox.store;
    expect([servers.size, sysusers.size, apps.size, dbs.size]).toEqual([0, 0, 0, 0]);
    expect(await env.mariadb.databaseExists("blogdb2")).toBe(false);
    expect(await env.mariadb.userExists("bloguser")).toBe(false);
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
