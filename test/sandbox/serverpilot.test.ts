// Tests of the ServerPilot emulator itself, over real HTTP and against a real
// MariaDB: if the emulator accepted what the real API rejects, the provider's
// tests would pass for the wrong reasons.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startMariaDB, type MariaDB } from "./mariadb";
import { startServerPilotSandbox, type ServerPilotSandbox, type ServerPilotSandboxOptions } from "./serverpilot";

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

type Call = (method: string, path: string, body?: unknown) => Promise<Answer>;

const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** A client for the sandbox; `body` as a string is sent verbatim (for malformed JSON). */
function clientFor(sandbox: ServerPilotSandbox, authorization?: string | null): Call {
  const auth = authorization === undefined ? basicAuth(sandbox.clientId, sandbox.apiKey) : authorization;
  return async (method, path, body) => {
    const headers: Record<string, string> = {};
    if (auth !== null) headers.Authorization = auth;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(sandbox.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

const CURRENT_RUNTIMES = ["php7.4", "php8.0", "php8.1", "php8.2", "php8.3"];

/** A sandbox of its own (no MariaDB) for options the shared one does not have. */
async function withSandbox(
  options: ServerPilotSandboxOptions,
  test: (api: Call, sandbox: ServerPilotSandbox) => Promise<void>,
): Promise<void> {
  const own = await startServerPilotSandbox({ actionDelayMs: 10, ...options });
  try {
    await test(clientFor(own), own);
  } finally {
    await own.close();
  }
}

/** A server and a system user to own apps, over `api`. */
async function appOwner(api: Call) {
  const server = (await api("POST", "/servers", { name: unique("own") })).body.data;
  const sysuser = (await api("POST", "/sysusers", { serverid: server.id, name: unique("owner-") })).body.data;
  return { server, sysuser };
}

/** Polls until `check` holds or `timeoutMs` passes; returns whether it held. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const PEM_KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
const PEM_CERT = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkq\n-----END CERTIFICATE-----";

/** Asserts an API error: the status, the documented shape, and a message naming `field`. */
function expectError(answer: Answer, status: number, field?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(Object.keys(answer.body)).toEqual(["error"]);
  expect(typeof answer.body.error.message).toBe("string");
  if (field !== undefined) expect(answer.body.error.message).toContain(`"${field}`);
}

async function waitForAction(api: Call, actionid: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { body } = await api("GET", `/actions/${actionid}`);
    if (body.data.status !== "open" || Date.now() > deadline) return body.data.status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("ServerPilot sandbox", () => {
  let mariadb: MariaDB;
  let sandbox: ServerPilotSandbox;
  let api: Call;

  beforeAll(async () => {
    mariadb = await startMariaDB();
    sandbox = await startServerPilotSandbox({ mariadb, actionDelayMs: 150 });
    api = clientFor(sandbox);
  });

  afterAll(async () => {
    await sandbox?.close();
    await mariadb?.stop();
  });

  // ---- fixtures over the API --------------------------------------------------

  async function createServer() {
    const answer = await api("POST", "/servers", { name: unique("www") });
    expect(answer.status).toBe(200);
    return answer.body.data as { id: string; name: string };
  }

  async function createSysuser(serverid: string) {
    const answer = await api("POST", "/sysusers", { serverid, name: unique("user-"), password: "correct-horse" });
    expect(answer.status).toBe(200);
    return answer.body.data as { id: string; name: string };
  }

  async function createApp(sysuserid: string, domains: string[] = []) {
    const answer = await api("POST", "/apps", { name: unique("app"), sysuserid, runtime: "php8.2", domains });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.data as { id: string; name: string; serverid: string };
  }

  async function createDb(appid: string, password = "db-password-1") {
    const name = unique("db-");
    const userName = unique("u").slice(0, 16);
    const answer = await api("POST", "/dbs", { appid, name, user: { name: userName, password } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.data as { id: string; name: string; user: { id: string; name: string } };
  }

  async function serverWithApp(domains: string[] = []) {
    const server = await createServer();
    const sysuser = await createSysuser(server.id);
    const app = await createApp(sysuser.id, domains);
    return { server, sysuser, app };
  }

  // ---- protocol ---------------------------------------------------------------

  describe("authentication and protocol", () => {
    it("rejects requests without credentials or with wrong ones", async () => {
      const anonymous = await clientFor(sandbox, null)("GET", "/servers");
      expectError(anonymous, 401);
      expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic/);
      expectError(await clientFor(sandbox, basicAuth(sandbox.clientId, "wrong-key"))("GET", "/servers"), 401);
      expectError(await clientFor(sandbox, basicAuth("cid_other", sandbox.apiKey))("GET", "/servers"), 401);
      expectError(await clientFor(sandbox, `Bearer ${sandbox.apiKey}`)("GET", "/servers"), 401);
      // Auth comes before routing: an unknown route says 401 to a stranger.
      expectError(await clientFor(sandbox, null)("GET", "/nothing-here"), 401);
      expect((await api("GET", "/servers")).status).toBe(200);
    });

    it("has default credentials shaped like the real ones", () => {
      expect(sandbox.apiKey).toMatch(/^[A-Za-z0-9]{43}$/);
      expect(sandbox.clientId.length).toBeGreaterThan(0);
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    });

    it("answers 404 for unknown routes and ids, 405 for a known route with another method", async () => {
      expectError(await api("GET", "/nothing-here"), 404);
      expectError(await api("GET", "/servers/doesnotexist1234"), 404);
      expectError(await api("GET", "/sysusers/doesnotexist1234"), 404);
      expectError(await api("GET", "/apps/doesnotexist1234"), 404);
      expectError(await api("GET", "/dbs/doesnotexist1234"), 404);
      expectError(await api("GET", "/actions/doesnotexist1234"), 404);
      expectError(await api("DELETE", "/apps/doesnotexist1234/ssl"), 404);
      const server = await createServer();
      const put = await api("PUT", `/servers/${server.id}`, { firewall: false });
      expectError(put, 405);
      expect(put.headers.get("allow")).toContain("POST");
    });

    it("rejects malformed JSON and bodies that are not objects", async () => {
      const malformed = await api("POST", "/servers", '{"name": "www1",');
      expectError(malformed, 400);
      expect(malformed.body.error.message).toMatch(/JSON/);
      expectError(await api("POST", "/servers", '["www1"]'), 400);
    });

    it("reads JSON bodies sent without a JSON content type, as the document's curl example does", async () => {
      const response = await fetch(`${sandbox.url}/servers`, {
        method: "POST",
        headers: { Authorization: basicAuth(sandbox.clientId, sandbox.apiKey), "Content-Type": "application/x-www-form-urlencoded" },
        body: JSON.stringify({ name: unique("form") }),
      });
      expect(response.status).toBe(200);
    });

    it("logs every request served, with the path but not the query", async () => {
      const before = sandbox.requests.length;
      await api("GET", "/servers?page=2");
      await clientFor(sandbox, null)("GET", "/dbs");
      const served = sandbox.requests.slice(before);
      expect(served.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
        { method: "GET", path: "/v1/servers", status: 200 },
        { method: "GET", path: "/v1/dbs", status: 401 },
      ]);
      // The query and headers are kept apart from the path.
      expect(served[0].query).toEqual({ page: "2" });
      expect(served[1].headers.authorization).toBeUndefined();
    });
  });

  // ---- servers ----------------------------------------------------------------

  describe("servers", () => {
    it("creates a server, shows its apikey only once, and connects it when the action completes", async () => {
      const created = await api("POST", "/servers", { name: "www.store2" });
      expect(created.status).toBe(200);
      const { data, actionid } = created.body;
      expect(data.id).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(actionid).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(data.apikey).toMatch(/^[A-Za-z0-9]{43}$/);
      expect(data).toMatchObject({
        name: "www.store2",
        autoupdates: true,
        firewall: true,
        deny_unknown_domains: true,
        lastaddress: null,
        lastconn: null,
      });
      expect(Math.abs(data.datecreated - Date.now() / 1000)).toBeLessThan(5);

      const fetched = await api("GET", `/servers/${data.id}`);
      expect(fetched.body.data).not.toHaveProperty("apikey");
      const listed = (await api("GET", "/servers")).body.data.find((s: any) => s.id === data.id);
      expect(listed).not.toHaveProperty("apikey");

      const sysusers = (await api("GET", "/sysusers")).body.data.filter((s: any) => s.serverid === data.id);
      expect(sysusers.map((s: any) => s.name)).toEqual(["serverpilot"]);

      expect((await api("GET", `/actions/${actionid}`)).body.data).toMatchObject({
        id: actionid,
        serverid: data.id,
        status: "open",
      });
      expect(await waitForAction(api, actionid)).toBe("success");
      const connected = (await api("GET", `/servers/${data.id}`)).body.data;
      expect(connected.lastaddress).toBe("127.0.0.1");
      expect(typeof connected.lastconn).toBe("number");
    });

    it.each([
      ["empty", ""],
      ["starting with a digit", "1www"],
      ["starting with a period", ".org.company"],
      ["ending with a dash", "www.blog-"],
      ["with uppercase", "Www1"],
      ["with an underscore", "www_1"],
      ["longer than 255", "a".repeat(256)],
      ["not a string", 42],
      ["missing", undefined],
    ])("rejects a server name %s", async (_case, name) => {
      expectError(await api("POST", "/servers", name === undefined ? {} : { name }), 400, "name");
    });

    it("accepts the shortest and the longest valid names", async () => {
      expect((await api("POST", "/servers", { name: "a" })).status).toBe(200);
      expect((await api("POST", "/servers", { name: "a".repeat(255) })).status).toBe(200);
    });

    it("rejects unknown fields on create", async () => {
      expectError(await api("POST", "/servers", { name: "www9", firewall: false }), 400, "firewall");
    });

    it("updates only the three booleans", async () => {
      const server = await createServer();
      const updated = await api("POST", `/servers/${server.id}`, { firewall: false, deny_unknown_domains: false });
      expect(updated.status).toBe(200);
      expect(updated.body.actionid).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(updated.body.data).toMatchObject({ firewall: false, autoupdates: true, deny_unknown_domains: false });
      expect(updated.body.data).not.toHaveProperty("apikey");

      expectError(await api("POST", `/servers/${server.id}`, { firewall: "false" }), 400, "firewall");
      expectError(await api("POST", `/servers/${server.id}`, { autoupdates: 1 }), 400, "autoupdates");
      expectError(await api("POST", `/servers/${server.id}`, { deny_unknown_domains: null }), 400, "deny_unknown_domains");
      expectError(await api("POST", `/servers/${server.id}`, { name: "renamed" }), 400, "name");
      expectError(await api("POST", "/servers/doesnotexist1234", { firewall: true }), 404);
    });
  });

  // ---- system users --------------------------------------------------------------

  describe("system users", () => {
    it("creates a system user with or without a password, and never shows the password", async () => {
      const server = await createServer();
      const withPassword = await api("POST", "/sysusers", { serverid: server.id, name: "derek", password: "hlZkUk-long" });
      expect(withPassword.status).toBe(200);
      expect(withPassword.body.data).toEqual({ id: expect.any(String), name: "derek", serverid: server.id });
      expect(withPassword.body.actionid).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(sandbox.store.sysusers.get(withPassword.body.data.id).password).toBe("hlZkUk-long");
      const without = await api("POST", "/sysusers", { serverid: server.id, name: "user-32" });
      expect(without.status).toBe(200);
    });

    it.each([
      ["starting with a digit", "3po"],
      ["shorter than 3", "ab"],
      ["longer than 32", "a".repeat(33)],
      ["with an underscore", "user_1"],
      ["with uppercase", "Derek"],
      ["not a string", ["derek"]],
    ])("rejects a system user name %s", async (_case, name) => {
      const server = await createServer();
      expectError(await api("POST", "/sysusers", { serverid: server.id, name }), 400, "name");
    });

    it.each([
      ["of 6 characters, as in the document's example", "hlZkUk"],
      ["longer than 200", "p".repeat(201)],
      ["with leading whitespace", " password123"],
      ["with trailing whitespace", "password123\t"],
      ["not a string", 12345678],
    ])("rejects a password %s", async (_case, password) => {
      const server = await createServer();
      expectError(await api("POST", "/sysusers", { serverid: server.id, name: "derek", password }), 400, "password");
      const sysuser = await createSysuser(server.id);
      expectError(await api("POST", `/sysusers/${sysuser.id}`, { password }), 400, "password");
    });

    it("requires an existing serverid", async () => {
      expectError(await api("POST", "/sysusers", { name: "derek" }), 400, "serverid");
      expectError(await api("POST", "/sysusers", { serverid: "doesnotexist1234", name: "derek" }), 404, "serverid");
    });

    it("rejects a duplicate name on the same server, including the default user", async () => {
      const server = await createServer();
      const other = await createServer();
      await api("POST", "/sysusers", { serverid: server.id, name: "alice" });
      expectError(await api("POST", "/sysusers", { serverid: server.id, name: "alice" }), 409, "name");
      expectError(await api("POST", "/sysusers", { serverid: server.id, name: "serverpilot" }), 409, "name");
      expect((await api("POST", "/sysusers", { serverid: other.id, name: "alice" })).status).toBe(200);
    });

    it("updates the password only, and protects the default user from deletion", async () => {
      const server = await createServer();
      const sysuser = await createSysuser(server.id);
      const updated = await api("POST", `/sysusers/${sysuser.id}`, { password: "a-new-password" });
      expect(updated.status).toBe(200);
      expect(updated.body.data).toEqual({ id: sysuser.id, name: sysuser.name, serverid: server.id });
      expect(sandbox.store.sysusers.get(sysuser.id).password).toBe("a-new-password");
      expectError(await api("POST", `/sysusers/${sysuser.id}`, {}), 400, "password");
      expectError(await api("POST", `/sysusers/${sysuser.id}`, { password: "a-new-password", name: "bob" }), 400, "name");

      const defaultUser = [...sandbox.store.sysusers.values()].find((s) => s.serverid === server.id && s.name === "serverpilot");
      expectError(await api("DELETE", `/sysusers/${defaultUser.id}`), 403);
      expect((await api("POST", `/sysusers/${defaultUser.id}`, { password: "serverpilot-pw" })).status).toBe(200);
    });

    it("allows at most 1000 system users per server", async () => {
      const server = await createServer();
      // 999 more besides the default user, put in out of band to keep the test fast.
      for (let i = 0; i < 999; i++) {
        const id = `fill${server.id.slice(0, 8)}${i.toString().padStart(4, "0")}`;
        sandbox.store.sysusers.set(id, { id, name: `filler-${i}`, serverid: server.id, password: null });
      }
      expectError(await api("POST", "/sysusers", { serverid: server.id, name: "one-too-many" }), 400, "serverid");
    });
  });

  // ---- apps -------------------------------------------------------------------------

  describe("apps", () => {
    it("creates an app and normalises its domains (lowercase, www. first, sorted)", async () => {
      const server = await createServer();
      const sysuser = await createSysuser(server.id);
      const created = await api("POST", "/apps", {
        name: "gallery",
        sysuserid: sysuser.id,
        runtime: "php8.0",
        domains: ["Example.com", "www.example.com", "b.example.org."],
      });
      expect(created.status).toBe(200);
      expect(created.body.actionid).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(created.body.data).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
        datecreated: expect.any(Number),
        name: "gallery",
        sysuserid: sysuser.id,
        domains: ["www.example.com", "b.example.org", "example.com"],
        ssl: null,
        serverid: server.id,
        runtime: "php8.0",
      });
    });

    it("creates an app with WordPress", async () => {
      const { sysuser } = await serverWithApp();
      const created = await api("POST", "/apps", {
        name: "wordpress",
        sysuserid: sysuser.id,
        runtime: "php8.2",
        domains: ["example.com", "www.example.com"],
        wordpress: { site_title: "My WordPress Site", admin_user: "admin", admin_password: "mypassword", admin_email: "example@example.com" },
      });
      expect(created.status).toBe(200);
      expect(created.body.data).not.toHaveProperty("wordpress");
    });

    it.each([
      ["name shorter than 3", { name: "ab" }, "name"],
      ["name longer than 30", { name: "a".repeat(31) }, "name"],
      ["name with a dash", { name: "my-app" }, "name"],
      ["name with uppercase", { name: "MyApp" }, "name"],
      ["a runtime that is not PHP", { runtime: "python3.12" }, "runtime"],
      ["a runtime the server does not offer", { runtime: "php7.0" }, "runtime"],
      ["runtime not a string", { runtime: 7 }, "runtime"],
      ["missing runtime", { runtime: undefined }, "runtime"],
      ["missing sysuserid", { sysuserid: undefined }, "sysuserid"],
      ["domains not an array", { domains: "example.com" }, "domains"],
      ["a domain that is not a string", { domains: ["example.com", 7] }, "domains[1]"],
      ["a domain with a space", { domains: ["exa mple.com"] }, "domains[0]"],
      ["a domain starting with a dash", { domains: ["-bad.example.com"] }, "domains[0]"],
      ["a domain with an empty label", { domains: ["bad..example.com"] }, "domains[0]"],
      ["more than 300 domains", { domains: Array.from({ length: 301 }, (_, i) => `d${i}.example.com`) }, "domains"],
      ["wordpress not an object", { wordpress: "yes" }, "wordpress"],
      ["wordpress without admin_email", { wordpress: { site_title: "T", admin_user: "admin", admin_password: "mypassword" } }, "wordpress.admin_email"],
      ["wordpress with a short admin_password", { wordpress: { site_title: "T", admin_user: "admin", admin_password: "short", admin_email: "a@example.com" } }, "wordpress.admin_password"],
      ["wordpress with a non-string site_title", { wordpress: { site_title: 1, admin_user: "admin", admin_password: "mypassword", admin_email: "a@example.com" } }, "wordpress.site_title"],
      ["wordpress with an unknown key", { wordpress: { site_title: "T", admin_user: "admin", admin_password: "mypassword", admin_email: "a@example.com", theme: "x" } }, "wordpress.theme"],
      ["an unknown field", { ssl: true }, "ssl"],
    ])("rejects an app with %s", async (_case, override: Record<string, unknown>, field) => {
      const server = await createServer();
      const sysuser = await createSysuser(server.id);
      const body: Record<string, unknown> = { name: "valid", sysuserid: sysuser.id, runtime: "php8.2", ...override };
      for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
      expectError(await api("POST", "/apps", body), 400, field);
    });

    it("accepts 300 domains, wildcards and the current runtimes", async () => {
      const { sysuser } = await serverWithApp();
      const many = Array.from({ length: 300 }, (_, i) => `d${i}.example.com`);
      expect((await api("POST", "/apps", { name: unique("many"), sysuserid: sysuser.id, runtime: "php8.2", domains: many })).status).toBe(200);
      for (const runtime of ["php7.4", "php8.0", "php8.1", "php8.2", "php8.3"]) {
        const answer = await api("POST", "/apps", { name: unique("rt"), sysuserid: sysuser.id, runtime, domains: ["*.example.com"] });
        expect(answer.status).toBe(200);
      }
    });

    it("requires an existing sysuserid", async () => {
      const answer = await api("POST", "/apps", { name: "valid", sysuserid: "doesnotexist1234", runtime: "php8.2" });
      expectError(answer, 404, "sysuserid");
    });

    it("rejects a duplicate app name on the same server, even under another system user", async () => {
      const { server, app } = await serverWithApp();
      const otherUser = await createSysuser(server.id);
      expectError(await api("POST", "/apps", { name: app.name, sysuserid: otherUser.id, runtime: "php8.2" }), 409, "name");
      const elsewhere = await serverWithApp();
      const sameNameElsewhere = await api("POST", "/apps", { name: app.name, sysuserid: elsewhere.sysuser.id, runtime: "php8.2" });
      expect(sameNameElsewhere.status).toBe(200);
    });

    it("updates runtime and domains only", async () => {
      const { app } = await serverWithApp(["example.com"]);
      const updated = await api("POST", `/apps/${app.id}`, { runtime: "php8.1", domains: ["example.com", "WWW.example.com"] });
      expect(updated.status).toBe(200);
      expect(updated.body.data).toMatchObject({ runtime: "php8.1", domains: ["www.example.com", "example.com"] });
      expect(updated.body.data).not.toHaveProperty("autossl");
      expectError(await api("POST", `/apps/${app.id}`, { name: "renamed" }), 400, "name");
      expectError(await api("POST", `/apps/${app.id}`, { runtime: "php9" }), 400, "runtime");
      expectError(await api("POST", `/apps/${app.id}`, { domains: ["bad_domain.com"] }), 400, "domains[0]");
    });

    it("shows autossl only in the app details, with domains only when available", async () => {
      const { app: withDomains } = await serverWithApp(["example.com", "*.example.com"]);
      const details = (await api("GET", `/apps/${withDomains.id}`)).body.data;
      expect(details.autossl).toEqual({ available: true, domains: ["example.com"] });
      const listed = (await api("GET", "/apps")).body.data.find((a: any) => a.id === withDomains.id);
      expect(listed).not.toHaveProperty("autossl");

      const { app: withoutDomains } = await serverWithApp();
      expect((await api("GET", `/apps/${withoutDomains.id}`)).body.data.autossl).toEqual({ available: false });
    });

    it("allows at most 1000 apps per system user", async () => {
      const { server, sysuser } = await serverWithApp();
      for (let i = 0; i < 999; i++) {
        const id = `fill${sysuser.id.slice(0, 8)}${i.toString().padStart(4, "0")}`;
        sandbox.store.apps.set(id, {
          id, datecreated: 0, name: `filler${i}`, sysuserid: sysuser.id, serverid: server.id,
          runtime: "php8.2", domains: [], ssl: null, wordpress: null,
        });
      }
      expectError(await api("POST", "/apps", { name: "onetoomany", sysuserid: sysuser.id, runtime: "php8.2" }), 400, "sysuserid");
    });
  });

  // ---- SSL ----------------------------------------------------------------------------

  describe("SSL", () => {
    it("adds a custom certificate, answering with the certificate only", async () => {
      const { app } = await serverWithApp(["example.com"]);
      const added = await api("POST", `/apps/${app.id}/ssl`, { key: PEM_KEY, cert: PEM_CERT, cacerts: null });
      expect(added.status).toBe(200);
      expect(added.body.actionid).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(added.body.data).toEqual({ key: PEM_KEY, cert: PEM_CERT, cacerts: null });
      const details = (await api("GET", `/apps/${app.id}`)).body.data;
      expect(details.ssl).toEqual({ key: PEM_KEY, cert: PEM_CERT, cacerts: null, auto: false, force: false });
    });

    it.each([
      ["a key that is not a private key", { key: "not a key", cert: PEM_CERT, cacerts: null }, "key"],
      ["a missing key", { cert: PEM_CERT, cacerts: null }, "key"],
      ["a cert that is not a certificate", { key: PEM_KEY, cert: PEM_KEY, cacerts: null }, "cert"],
      ["a missing cert", { key: PEM_KEY, cacerts: null }, "cert"],
      ["no cacerts key at all", { key: PEM_KEY, cert: PEM_CERT }, "cacerts"],
      ["cacerts that are not certificates", { key: PEM_KEY, cert: PEM_CERT, cacerts: "junk" }, "cacerts"],
      ["force together with a certificate", { key: PEM_KEY, cert: PEM_CERT, cacerts: null, force: true }, "force"],
      ["force together with auto", { auto: true, force: true }, "force"],
      ["auto together with a certificate", { auto: true, key: PEM_KEY, cert: PEM_CERT, cacerts: null }, "auto"],
      ["auto set to false", { auto: false }, "auto"],
      ["force that is not a boolean", { force: "yes" }, "force"],
      ["an unknown field", { redirect: true }, "redirect"],
      ["an empty body", {}, "key"],
    ])("rejects an SSL request with %s", async (_case, body, field) => {
      const { app } = await serverWithApp(["example.com"]);
      expectError(await api("POST", `/apps/${app.id}/ssl`, body), 400, field);
    });

    it("changes ForceSSL only when the app has SSL, and turns it off when SSL is deleted", async () => {
      const { app } = await serverWithApp(["example.com"]);
      expectError(await api("POST", `/apps/${app.id}/ssl`, { force: true }), 409, "force");
      expectError(await api("POST", `/apps/${app.id}/ssl`, { force: false }), 409, "force");
      await api("POST", `/apps/${app.id}/ssl`, { key: PEM_KEY, cert: PEM_CERT, cacerts: PEM_CERT });
      const forced = await api("POST", `/apps/${app.id}/ssl`, { force: true });
      expect(forced.status).toBe(200);
      expect(forced.body.data).toEqual({ key: PEM_KEY, cert: PEM_CERT, cacerts: PEM_CERT, auto: false, force: true });

      const deleted = await api("DELETE", `/apps/${app.id}/ssl`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ actionid: expect.any(String), data: {} });
      expect((await api("GET", `/apps/${app.id}`)).body.data.ssl).toBeNull();
      expectError(await api("DELETE", `/apps/${app.id}/ssl`), 404);

      await api("POST", `/apps/${app.id}/ssl`, { key: PEM_KEY, cert: PEM_CERT, cacerts: null });
      expect((await api("GET", `/apps/${app.id}`)).body.data.ssl.force).toBe(false);
    });

    it("enables AutoSSL only when available and without a custom certificate, and then refuses custom ones", async () => {
      const { app: bare } = await serverWithApp();
      expectError(await api("POST", `/apps/${bare.id}/ssl`, { auto: true }), 409, "auto");

      const { app } = await serverWithApp(["example.com"]);
      await api("POST", `/apps/${app.id}/ssl`, { key: PEM_KEY, cert: PEM_CERT, cacerts: null });
      expectError(await api("POST", `/apps/${app.id}/ssl`, { auto: true }), 409, "auto");
      await api("DELETE", `/apps/${app.id}/ssl`);

      const enabled = await api("POST", `/apps/${app.id}/ssl`, { auto: true });
      expect(enabled.status).toBe(200);
      expect(enabled.body.data).toMatchObject({ auto: true, force: false });
      expect(enabled.body.data.key).toMatch(/-----BEGIN PRIVATE KEY-----/);
      expect(enabled.body.data.cert).toMatch(/-----BEGIN CERTIFICATE-----/);
      expectError(await api("POST", `/apps/${app.id}/ssl`, { key: PEM_KEY, cert: PEM_CERT, cacerts: null }), 409, "key");
      expect((await api("POST", `/apps/${app.id}/ssl`, { force: true })).body.data).toMatchObject({ auto: true, force: true });

      await api("DELETE", `/apps/${app.id}/ssl`);
      expect((await api("GET", `/apps/${app.id}`)).body.data.ssl).toBeNull();
    });

    it("has no AutoSSL on a free plan", async () => {
      const freePlan = await startServerPilotSandbox({ paidPlan: false, actionDelayMs: 10 });
      try {
        const free = clientFor(freePlan);
        const server = (await free("POST", "/servers", { name: "free" })).body.data;
        const sysuser = (await free("POST", "/sysusers", { serverid: server.id, name: "freeuser" })).body.data;
        const app = (await free("POST", "/apps", { name: "freeapp", sysuserid: sysuser.id, runtime: "php8.2", domains: ["example.com"] })).body.data;
        expect((await free("GET", `/apps/${app.id}`)).body.data).not.toHaveProperty("autossl");
        expectError(await free("POST", `/apps/${app.id}/ssl`, { auto: true }), 402, "auto");
        expect((await free("POST", `/apps/${app.id}/ssl`, { key: PEM_KEY, cert: PEM_CERT, cacerts: null })).status).toBe(200);
      } finally {
        await freePlan.close();
      }
    });
  });

  // ---- runtimes ---------------------------------------------------------------------

  describe("runtimes", () => {
    it("shows the current runtimes on every server object", async () => {
      const created = await api("POST", "/servers", { name: unique("rt") });
      expect(created.body.data.available_runtimes).toEqual(CURRENT_RUNTIMES);
      const { id } = created.body.data;
      expect((await api("GET", `/servers/${id}`)).body.data.available_runtimes).toEqual(CURRENT_RUNTIMES);
      const listed = (await api("GET", "/servers")).body.data.find((s: any) => s.id === id);
      expect(listed.available_runtimes).toEqual(CURRENT_RUNTIMES);
      const updated = await api("POST", `/servers/${id}`, { firewall: false });
      expect(updated.body.data.available_runtimes).toEqual(CURRENT_RUNTIMES);
    });

    it("refuses a runtime the server does not offer, on create and on update, naming the server and its list", async () => {
      const { server, sysuser, app } = await serverWithApp();
      const created = await api("POST", "/apps", { name: unique("old"), sysuserid: sysuser.id, runtime: "php7.0" });
      expectError(created, 400, "runtime");
      expect(created.body.error.message).toBe(
        `"runtime": php7.0 is not available on server ${server.id}; available: php7.4, php8.0, php8.1, php8.2, php8.3`,
      );
      const updated = await api("POST", `/apps/${app.id}`, { runtime: "php7.2", domains: ["changed.example.com"] });
      expectError(updated, 400, "runtime");
      expect(updated.body.error.message).toContain(`php7.2 is not available on server ${server.id}`);
      // A refused update changes nothing, domains included.
      expect(sandbox.store.apps.get(app.id)).toMatchObject({ runtime: "php8.2", domains: [] });
      expect((await api("POST", `/apps/${app.id}`, { runtime: "php8.3" })).body.data.runtime).toBe("php8.3");
    });

    it("takes each server's list from the option when the server is created", async () => {
      await withSandbox({ availableRuntimes: ["php8.3"] }, async (own, ownSandbox) => {
        const { server, sysuser } = await appOwner(own);
        expect(server.available_runtimes).toEqual(["php8.3"]);
        expectError(await own("POST", "/apps", { name: "eightytwo", sysuserid: sysuser.id, runtime: "php8.2" }), 400, "runtime");
        const app = await own("POST", "/apps", { name: "eightythree", sysuserid: sysuser.id, runtime: "php8.3" });
        expect(app.status).toBe(200);
        // A test retires a runtime on one server by changing its record.
        ownSandbox.store.servers.get(server.id).available_runtimes = ["php8.4"];
        const update = await own("POST", `/apps/${app.body.data.id}`, { runtime: "php8.3" });
        expect(update.body.error.message).toContain("available: php8.4");
      });
    });

    it("in document mode (null) shows no list and accepts any phpX.Y", async () => {
      await withSandbox({ availableRuntimes: null }, async (own) => {
        const { server, sysuser } = await appOwner(own);
        expect(server).not.toHaveProperty("available_runtimes");
        expect((await own("GET", `/servers/${server.id}`)).body.data).not.toHaveProperty("available_runtimes");
        expect((await own("GET", "/servers")).body.data[0]).not.toHaveProperty("available_runtimes");
        expect((await own("POST", `/servers/${server.id}`, { firewall: false })).body.data).not.toHaveProperty("available_runtimes");
        for (const runtime of ["php5.4", "php7.2", "php8.3", "php10.12"]) {
          const answer = await own("POST", "/apps", { name: unique("doc"), sysuserid: sysuser.id, runtime });
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        }
      });
    });

    it.each(["", "php", "php8", "php8.", "php.2", "8.2", "PHP8.2", "php8.2 ", "php8.2-fpm", "php8.2.1", "python3.12", "php1234567890.12345"])(
      "refuses the runtime %j in either mode",
      async (runtime) => {
        const { sysuser, app } = await serverWithApp();
        expectError(await api("POST", "/apps", { name: unique("bad"), sysuserid: sysuser.id, runtime }), 400, "runtime");
        expectError(await api("POST", `/apps/${app.id}`, { runtime }), 400, "runtime");
        await withSandbox({ availableRuntimes: null }, async (own) => {
          const owner = await appOwner(own);
          expectError(await own("POST", "/apps", { name: "bad", sysuserid: owner.sysuser.id, runtime }), 400, "runtime");
        });
      },
    );
  });

  // ---- AutoSSL issue time -------------------------------------------------------------

  describe("AutoSSL issue time", () => {
    const autosslOf = async (own: Call, id: string) => (await own("GET", `/apps/${id}`)).body.data.autossl;

    it("makes AutoSSL available only autoSslDelayMs after the app got its domains", async () => {
      await withSandbox({ autoSslDelayMs: 400 }, async (own) => {
        const { sysuser } = await appOwner(own);
        const started = Date.now();
        const app = (await own("POST", "/apps", { name: "late", sysuserid: sysuser.id, runtime: "php8.2", domains: ["example.com"] })).body.data;
        expect(await autosslOf(own, app.id)).toEqual({ available: false });
        const early = await own("POST", `/apps/${app.id}/ssl`, { auto: true });
        expectError(early, 409, "auto");
        expect(early.body.error.message).toContain("AutoSSL is not available yet");

        expect(await eventually(async () => (await autosslOf(own, app.id)).available)).toBe(true);
        expect(Date.now() - started).toBeGreaterThanOrEqual(390);
        expect(await autosslOf(own, app.id)).toEqual({ available: true, domains: ["example.com"] });
        expect((await own("POST", `/apps/${app.id}/ssl`, { auto: true })).status).toBe(200);
      });
    });

    it("starts again when a domains update changes what the certificate covers, and only then", async () => {
      await withSandbox({ autoSslDelayMs: 300 }, async (own) => {
        const { sysuser } = await appOwner(own);
        const app = (await own("POST", "/apps", { name: "moving", sysuserid: sysuser.id, runtime: "php8.2", domains: ["example.com"] })).body.data;
        expect(await eventually(async () => (await autosslOf(own, app.id)).available)).toBe(true);

        // Same coverable domains: a wildcard (never covered), another case, a trailing dot.
        await own("POST", `/apps/${app.id}`, { domains: ["EXAMPLE.com.", "*.example.com"] });
        expect(await autosslOf(own, app.id)).toEqual({ available: true, domains: ["example.com"] });
        // The runtime alone does not touch the certificate either.
        await own("POST", `/apps/${app.id}`, { runtime: "php8.3" });
        expect((await autosslOf(own, app.id)).available).toBe(true);

        await own("POST", `/apps/${app.id}`, { domains: ["example.com", "www.example.com"] });
        expect(await autosslOf(own, app.id)).toEqual({ available: false });
        expectError(await own("POST", `/apps/${app.id}/ssl`, { auto: true }), 409, "auto");
        expect(await eventually(async () => (await autosslOf(own, app.id)).available)).toBe(true);
        expect(await autosslOf(own, app.id)).toEqual({ available: true, domains: ["www.example.com", "example.com"] });
      });
    });

    it("setAutoSslDelay applies to domains set from then on", async () => {
      const { app: before } = await serverWithApp(["before.example.com"]);
      sandbox.setAutoSslDelay(60_000);
      try {
        const { app: after } = await serverWithApp(["after.example.com"]);
        expect(await autosslOf(api, after.id)).toEqual({ available: false });
        expectError(await api("POST", `/apps/${after.id}/ssl`, { auto: true }), 409, "auto");
        expect((await autosslOf(api, before.id)).available).toBe(true);
        expect((await api("POST", `/apps/${before.id}/ssl`, { auto: true })).status).toBe(200);
      } finally {
        sandbox.setAutoSslDelay(0);
      }
    });
  });

  // ---- WordPress ------------------------------------------------------------------------

  describe("WordPress", () => {
    const valid = { site_title: "My WordPress Site", admin_user: "admin", admin_password: "mypassword", admin_email: "example@example.com" };

    async function createWithWordpress(override: Record<string, unknown>): Promise<Answer> {
      const { sysuser } = await serverWithApp();
      const wordpress: Record<string, unknown> = { ...valid, ...override };
      for (const key of Object.keys(wordpress)) if (wordpress[key] === undefined) delete wordpress[key];
      return api("POST", "/apps", { name: unique("wp"), sysuserid: sysuser.id, runtime: "php8.2", wordpress });
    }

    it.each([
      ["a site title of 300 characters", { site_title: "T".repeat(300) }],
      ["an admin user of 61 characters", { admin_user: "a".repeat(61) }],
      ["an admin user with spaces and capitals", { admin_user: "Site Admin" }],
      ["an admin email that is not an address", { admin_email: "not-an-email" }],
      ["a password of exactly 8 characters", { admin_password: "12345678" }],
      ["a password of 200 characters", { admin_password: "p".repeat(200) }],
    ])("accepts %s: the document sets no rule against it", async (_case, override) => {
      const answer = await createWithWordpress(override);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(sandbox.store.apps.get(answer.body.data.id).wordpress).toEqual({ ...valid, ...override });
    });

    it.each([
      ["an empty site_title", { site_title: "" }, "wordpress.site_title"],
      ["an empty admin_user", { admin_user: "" }, "wordpress.admin_user"],
      ["an empty admin_email", { admin_email: "" }, "wordpress.admin_email"],
      ["no admin_user", { admin_user: undefined }, "wordpress.admin_user"],
      ["an admin_email that is not a string", { admin_email: ["a@example.com"] }, "wordpress.admin_email"],
      ["a password of 7 characters", { admin_password: "1234567" }, "wordpress.admin_password"],
      ["a password of 201 characters", { admin_password: "p".repeat(201) }, "wordpress.admin_password"],
    ])("rejects %s", async (_case, override, field) => {
      expectError(await createWithWordpress(override), 400, field);
    });
  });

  // ---- domains --------------------------------------------------------------------------

  describe("domains", () => {
    it("merges duplicates case-insensitively, drops a trailing dot and keeps wildcards, on create and update", async () => {
      const domains = ["Example.com", "example.com.", "EXAMPLE.COM", "*.Example.com", "*.example.com."];
      const { app } = await serverWithApp(domains);
      expect(sandbox.store.apps.get(app.id).domains).toEqual(["*.example.com", "example.com"]);
      const updated = await api("POST", `/apps/${app.id}`, { domains: [...domains, "WWW.example.com."] });
      expect(updated.body.data.domains).toEqual(["www.example.com", "*.example.com", "example.com"]);
    });

    it.each([
      ["a 63-character label", true, `${"a".repeat(63)}.example.com`],
      ["a 64-character label", false, `${"a".repeat(64)}.example.com`],
      ["253 characters", true, `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`],
      ["254 characters", false, `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.com`],
      ["253 characters and a trailing dot", true, `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com.`],
      ["a label ending with a dash", false, "bad-.example.com"],
      ["single-character labels", true, "a.b.example.com"],
      ["a wildcard over a top-level domain only", false, "*.com"],
      ["a wildcard that is not the first label", false, "www.*.example.com"],
      ["two trailing dots", false, "example.com.."],
    ] as Array<[string, boolean, string]>)("decides a domain with %s (valid: %s)", async (_case, valid, domain) => {
      const { sysuser } = await serverWithApp();
      const answer = await api("POST", "/apps", { name: unique("dom"), sysuserid: sysuser.id, runtime: "php8.2", domains: [domain] });
      if (valid) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      else expectError(answer, 400, "domains[0]");
    });
  });

  // ---- databases ----------------------------------------------------------------------

  describe("databases", () => {
    it("creates a real MariaDB database whose user logs in with the given password", async () => {
      const { app, server } = await serverWithApp();
      const created = await api("POST", "/dbs", { appid: app.id, name: "gallery-db", user: { name: "arturo", password: "8apNPT-long" } });
      expect(created.status).toBe(200);
      expect(created.body.actionid).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(created.body.data).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
        name: "gallery-db",
        appid: app.id,
        serverid: server.id,
        user: { id: expect.stringMatching(/^[A-Za-z0-9]{16}$/), name: "arturo" },
      });
      expect(await mariadb.databaseExists("gallery-db")).toBe(true);
      expect(await mariadb.canLogin("arturo", "8apNPT-long", "gallery-db")).toBe(true);
      expect(await mariadb.canLogin("arturo", "wrong-password", "gallery-db")).toBe(false);
      // The user may use its own database and nothing else.
      expect(await mariadb.canLogin("arturo", "8apNPT-long", "mysql")).toBe(false);
      const fetched = (await api("GET", `/dbs/${created.body.data.id}`)).body.data;
      expect(JSON.stringify(fetched)).not.toContain("8apNPT-long");
    });

    it.each([
      ["a name shorter than 3", { name: "ab" }, "name"],
      ["a name longer than 64", { name: "d".repeat(65) }, "name"],
      ["a name with an underscore", { name: "my_db" }, "name"],
      ["a name with uppercase", { name: "MyDb" }, "name"],
      ["no user", { user: undefined }, "user"],
      ["a user that is not an object", { user: "arturo" }, "user"],
      ["an empty user name", { user: { name: "", password: "long-enough" } }, "user.name"],
      ["a user name longer than 16", { user: { name: "u".repeat(17), password: "long-enough" } }, "user.name"],
      ["a password of 6 characters", { user: { name: "arturo2", password: "8apNPT" } }, "user.password"],
      ["a password longer than 200", { user: { name: "arturo2", password: "p".repeat(201) } }, "user.password"],
      ["a password with surrounding whitespace", { user: { name: "arturo2", password: " long-enough " } }, "user.password"],
      ["no password", { user: { name: "arturo2" } }, "user.password"],
      ["an unknown user field", { user: { name: "arturo2", password: "long-enough", host: "%" } }, "user.host"],
      ["no appid", { appid: undefined }, "appid"],
    ])("rejects a database with %s", async (_case, override: Record<string, unknown>, field) => {
      const { app } = await serverWithApp();
      const body: Record<string, unknown> = { appid: app.id, name: unique("valid-"), user: { name: unique("v").slice(0, 16), password: "long-enough" }, ...override };
      for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
      expectError(await api("POST", "/dbs", body), 400, field);
    });

    it("requires an existing appid", async () => {
      const answer = await api("POST", "/dbs", { appid: "doesnotexist1234", name: "valid-db", user: { name: "valid", password: "long-enough" } });
      expectError(answer, 404, "appid");
    });

    it("rejects a duplicate database name or user name on the same server", async () => {
      const { server, app } = await serverWithApp();
      const db = await createDb(app.id);
      const otherApp = await createApp((await createSysuser(server.id)).id);
      const sameName = await api("POST", "/dbs", { appid: otherApp.id, name: db.name, user: { name: "fresh-user", password: "long-enough" } });
      expectError(sameName, 409, "name");
      const sameUser = await api("POST", "/dbs", { appid: otherApp.id, name: "fresh-db", user: { name: db.user.name, password: "long-enough" } });
      expectError(sameUser, 409, "user.name");
      // Nothing was created in MariaDB for the refused requests.
      expect(await mariadb.databaseExists("fresh-db")).toBe(false);
      expect(await mariadb.userExists("fresh-user")).toBe(false);
    });

    it("changes the real password, and only for the database's own user id", async () => {
      const { app } = await serverWithApp();
      const db = await createDb(app.id, "first-password");
      expectError(await api("POST", `/dbs/${db.id}`, { user: { id: "someoneelse12345", password: "second-password" } }), 400, "user.id");
      expectError(await api("POST", `/dbs/${db.id}`, { user: { id: db.user.id, password: "short" } }), 400, "user.password");
      expectError(await api("POST", `/dbs/${db.id}`, { user: { password: "second-password" } }), 400, "user.id");
      expectError(await api("POST", `/dbs/${db.id}`, { user: { id: db.user.id, password: "second-password", name: "x" } }), 400, "user.name");
      expectError(await api("POST", `/dbs/${db.id}`, { name: "renamed" }), 400, "name");
      expect(await mariadb.canLogin(db.user.name, "first-password", db.name)).toBe(true);

      const updated = await api("POST", `/dbs/${db.id}`, { user: { id: db.user.id, password: "second-password" } });
      expect(updated.status).toBe(200);
      expect(updated.body.data.user).toEqual({ id: db.user.id, name: db.user.name });
      expect(await mariadb.canLogin(db.user.name, "second-password", db.name)).toBe(true);
      expect(await mariadb.canLogin(db.user.name, "first-password", db.name)).toBe(false);
    });

    it("deletes the real database and user", async () => {
      const { app } = await serverWithApp();
      const db = await createDb(app.id);
      const deleted = await api("DELETE", `/dbs/${db.id}`);
      expect(deleted.body).toEqual({ actionid: expect.any(String), data: {} });
      expect(await mariadb.databaseExists(db.name)).toBe(false);
      expect(await mariadb.userExists(db.user.name)).toBe(false);
      expectError(await api("GET", `/dbs/${db.id}`), 404);
    });

    it("allows at most 1000 databases per app", async () => {
      const { server, app } = await serverWithApp();
      for (let i = 0; i < 1000; i++) {
        const id = `fill${app.id.slice(0, 8)}${i.toString().padStart(4, "0")}`;
        sandbox.store.dbs.set(id, { id, name: `filler-${app.id}-${i}`, appid: app.id, serverid: server.id, user: { id, name: `f${i}`, password: "x" } });
      }
      const answer = await api("POST", "/dbs", { appid: app.id, name: "one-too-many", user: { name: "toomany", password: "long-enough" } });
      expectError(answer, 400, "appid");
    });
  });

  // ---- cascading deletes ---------------------------------------------------------------

  describe("cascading deletes", () => {
    it("deleting a server removes its system users, apps and databases, real ones included", async () => {
      const { server, sysuser, app } = await serverWithApp();
      const db = await createDb(app.id);
      expect(await mariadb.databaseExists(db.name)).toBe(true);

      const deleted = await api("DELETE", `/servers/${server.id}`);
      expect(deleted.status).toBe(200);
      // As in the document: no actionid for a server delete.
      expect(deleted.body).toEqual({ data: {} });

      expect(sandbox.store.servers.has(server.id)).toBe(false);
      expect([...sandbox.store.sysusers.values()].some((s) => s.serverid === server.id)).toBe(false);
      expect(sandbox.store.sysusers.has(sysuser.id)).toBe(false);
      expect(sandbox.store.apps.has(app.id)).toBe(false);
      expect(sandbox.store.dbs.has(db.id)).toBe(false);
      expect(await mariadb.databaseExists(db.name)).toBe(false);
      expect(await mariadb.userExists(db.user.name)).toBe(false);
      expectError(await api("GET", `/servers/${server.id}`), 404);
    });

    it("deleting a system user removes its apps and their databases", async () => {
      const { server, sysuser, app } = await serverWithApp();
      const db = await createDb(app.id);
      const deleted = await api("DELETE", `/sysusers/${sysuser.id}`);
      expect(deleted.body).toEqual({ actionid: expect.any(String), data: {} });
      expect(sandbox.store.apps.has(app.id)).toBe(false);
      expect(sandbox.store.dbs.has(db.id)).toBe(false);
      expect(await mariadb.databaseExists(db.name)).toBe(false);
      expect(sandbox.store.servers.has(server.id)).toBe(true);
    });

    it("deleting an app removes its databases", async () => {
      const { sysuser, app } = await serverWithApp();
      const first = await createDb(app.id);
      const second = await createDb(app.id);
      const deleted = await api("DELETE", `/apps/${app.id}`);
      expect(deleted.body).toEqual({ actionid: expect.any(String), data: {} });
      for (const db of [first, second]) {
        expect(sandbox.store.dbs.has(db.id)).toBe(false);
        expect(await mariadb.databaseExists(db.name)).toBe(false);
        expect(await mariadb.userExists(db.user.name)).toBe(false);
      }
      expect(sandbox.store.sysusers.has(sysuser.id)).toBe(true);
    });
  });

  // ---- input that is far too long ----------------------------------------------------------

  describe("input of a megabyte", () => {
    // Just under the body limit once quoted: every check must refuse it by its
    // length, at once, without running a pattern over it or echoing it back.
    const huge = "a".repeat(1_000_000);

    it.each([
      ["a server name", async () => ["/servers", { name: huge }], "name"],
      ["a system user name", async () => ["/sysusers", { serverid: (await createServer()).id, name: huge }], "name"],
      ["a system user password", async () => ["/sysusers", { serverid: (await createServer()).id, name: "long", password: huge }], "password"],
      ["an app name", async () => ["/apps", { name: huge, sysuserid: (await serverWithApp()).sysuser.id, runtime: "php8.2" }], "name"],
      ["a runtime", async () => ["/apps", { name: "huge", sysuserid: (await serverWithApp()).sysuser.id, runtime: huge }], "runtime"],
      ["a domain", async () => ["/apps", { name: "huge", sysuserid: (await serverWithApp()).sysuser.id, runtime: "php8.2", domains: [huge] }], "domains[0]"],
      ["a dotted domain", async () => ["/apps", { name: "huge", sysuserid: (await serverWithApp()).sysuser.id, runtime: "php8.2", domains: ["a.".repeat(450_000)] }], "domains[0]"],
      ["a database name", async () => ["/dbs", { appid: (await serverWithApp()).app.id, name: huge, user: { name: "u", password: "long-enough" } }], "name"],
      ["an unknown field", async () => ["/servers", { name: "www", [huge]: true }], "a"],
    ] as Array<[string, () => Promise<[string, unknown]>, string]>)("refuses %s at once", async (_case, request, field) => {
      const [path, body] = await request();
      const started = Date.now();
      const answer = await api("POST", path, body);
      expect(Date.now() - started).toBeLessThan(1_000);
      expectError(answer, 400, field);
      expect(answer.body.error.message.length).toBeLessThan(500);
    });

    it("refuses an Authorization header of 8 kB without decoding it", async () => {
      expectError(await clientFor(sandbox, `Basic ${"A".repeat(8192)}`)("GET", "/servers"), 401);
    });
  });

  // ---- actions and faults -------------------------------------------------------------

  describe("actions", () => {
    it("keeps an action open for the delay, then reports success", async () => {
      const server = await createServer();
      const started = Date.now();
      const { actionid } = (await api("POST", `/servers/${server.id}`, { firewall: false })).body;
      expect((await api("GET", `/actions/${actionid}`)).body.data.status).toBe("open");
      expect(await waitForAction(api, actionid)).toBe("success");
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it("ends the next action in error after failNextAction, and only that one", async () => {
      const server = await createServer();
      sandbox.failNextAction();
      const failing = (await api("POST", `/servers/${server.id}`, { firewall: false })).body.actionid;
      const next = (await api("POST", `/servers/${server.id}`, { firewall: true })).body.actionid;
      expect(await waitForAction(api, failing)).toBe("error");
      expect(await waitForAction(api, next)).toBe("success");
    });

    it("applies a new action delay to later actions", async () => {
      const server = await createServer();
      sandbox.setActionDelay(1_000);
      try {
        const { actionid } = (await api("POST", `/servers/${server.id}`, { autoupdates: false })).body;
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect((await api("GET", `/actions/${actionid}`)).body.data.status).toBe("open");
      } finally {
        sandbox.setActionDelay(150);
      }
    });
  });

  describe("injected faults", () => {
    it("answers matching requests with the fault before auth, the given number of times", async () => {
      sandbox.injectFault({ method: "get", path: /^\/v1\/servers$/, status: 429, headers: { "Retry-After": "1" }, times: 2 });
      const before = sandbox.requests.length;

      const stranger = await clientFor(sandbox, null)("GET", "/servers");
      expect(stranger.status).toBe(429);
      expect(stranger.headers.get("retry-after")).toBe("1");
      expect(stranger.body).toEqual({ error: { message: expect.any(String) } });
      // Other methods and paths are not affected.
      expect((await api("GET", "/apps")).status).toBe(200);
      expect((await api("GET", "/servers")).status).toBe(429);
      expect((await api("GET", "/servers")).status).toBe(200);
      expect(sandbox.requests.slice(before).map((r) => r.status)).toEqual([429, 200, 429, 200]);
    });

    it("serves a custom body and status", async () => {
      sandbox.injectFault({ status: 500, body: { error: { message: "Something unexpected happened" } } });
      const answer = await api("POST", "/servers", { name: "www1" });
      expect(answer.status).toBe(500);
      expect(answer.body.error.message).toBe("Something unexpected happened");
      // The faulted request did nothing.
      expect([...sandbox.store.servers.values()].some((s) => s.name === "www1")).toBe(false);
    });
  });
});
