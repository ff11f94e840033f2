// WisPanel's Database through the real plugin process over gRPC, against the WisPanel sandbox
// (HTTPS with its own CA, Bearer keys, 60 requests per window) and real MariaDB, on the shared
// lifecycle table (test/support/lifecycle.ts), then its preview, its functions and its logins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { unexercisedEndpoints } from "../support/documented-endpoints";
import { describeLifecycle } from "../support/lifecycle";
import { isSecret, reveal, secret, UNKNOWN } from "../support/secrets";
import { startWisPanelEnvironment, type WisPanelEnvironment } from "../support/wispanel-environment";
import { wispanelClient } from "../sandbox/wispanel-test-client";

const DATABASE = "hosting:wispanel:Database";

let env: WisPanelEnvironment;
let api: ReturnType<typeof wispanelClient>;

beforeAll(async () => {
  env = await startWisPanelEnvironment();
  api = wispanelClient(env.sandbox);
});

afterAll(async () => {
  await api?.close();
  await env?.stop();
});

const world = () => env;
const store = () => env.sandbox.store;
const hostsOf = async (user: string) => (await env.mariadb.query<{ Host: string }>("SELECT Host FROM mysql.user WHERE User = ?", [user])).map((r) => r.Host).sort();

const database = (extra: Record<string, unknown> = {}) => ({ name: "shop", user: "shop_user", password: secret("Passw0rd-111"), domain: "example.com", ...extra });

describeLifecycle({
  type: DATABASE,
  name: "shop",
  world,
  create: {
    inputs: () => database(),
    verify: async (state) => {
      expect(state.id).toBe("john_shop");
      expect(state.outputs).toMatchObject({ fullName: "john_shop", fullUser: "john_shop_user", owner: "john", sizeKb: 0, remoteAccess: false });
      expect(state.outputs.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(isSecret(state.outputs.password)).toBe(true);
      // The outputs are what logs in: the prefixed user, the password, the prefixed database.
      expect(await env.mariadb.canLogin(state.outputs.fullUser as string, reveal(state.outputs.password), state.outputs.fullName as string)).toBe(true);
      expect(env.sandbox.requests.every((r) => r.headers.authorization === `Bearer ${env.sandbox.token}`)).toBe(true);
    },
  },
  updates: [
    {
      title: "the password: the new one logs in, the old one no longer does",
      inputs: () => database({ password: secret("Passw0rd-222") }),
      diff: { password: "update" },
      verify: async (state) => {
        const { fullUser, fullName } = state.outputs as { fullUser: string; fullName: string };
        expect(await env.mariadb.canLogin(fullUser, reveal(state.outputs.password), fullName)).toBe(true);
        expect(reveal(state.outputs.password)).toBe("Passw0rd-222");
        expect(await env.mariadb.canLogin(fullUser, "Passw0rd-111", fullName)).toBe(false);
        expect(env.sandbox.requests.some((r) => r.method === "POST" && r.path === "/api/v1/databases/john_shop/reset-password")).toBe(true);
      },
    },
    {
      title: "remote access from one host",
      inputs: () => database({ password: secret("Passw0rd-222"), remoteAccess: true, remoteHost: "10.0.0.5" }),
      diff: { remoteAccess: "update", remoteHost: "add" },
      verify: async () => {
        expect(store().get("john_shop")).toMatchObject({ remote_access: true, remote_host: "10.0.0.5" });
        expect(await hostsOf("john_shop_user")).toEqual(["10.0.0.5", "127.0.0.1"]);
      },
    },
    {
      title: "remote access from any host",
      inputs: () => database({ password: secret("Passw0rd-222"), remoteAccess: true, remoteHost: "%" }),
      diff: { remoteHost: "update" },
      verify: async () => {
        expect(await hostsOf("john_shop_user")).toEqual(["%", "127.0.0.1"]);
        // A new account for the new host, with the password in force.
        expect(await env.mariadb.canLogin("john_shop_user", "Passw0rd-222", "john_shop")).toBe(true);
      },
    },
    {
      title: "remote access off again: the remote account goes",
      inputs: () => database({ password: secret("Passw0rd-222") }),
      diff: { remoteAccess: "update", remoteHost: "delete" },
      verify: async () => {
        expect(store().get("john_shop")).toMatchObject({ remote_access: false, remote_host: "" });
        expect(await hostsOf("john_shop_user")).toEqual(["127.0.0.1"]);
      },
    },
  ],
  outOfBand: {
    change: async (id) => {
      expect((await api("PUT", `/databases/${id}`, { remote_access: true, remote_host: "192.0.2.7" })).status).toBe(200);
    },
    diff: { remoteAccess: "update", remoteHost: "delete" },
    verify: async (id) => {
      expect(store().get(id)).toMatchObject({ remote_access: false, remote_host: "" });
      expect(await hostsOf("john_shop_user")).toEqual(["127.0.0.1"]);
    },
  },
  importUnreadable: ["password"],
  replace: {
    inputs: () => database({ name: "store", password: secret("Passw0rd-222") }),
    diff: { name: "update-replace" },
    // The user keeps its name, which only one database may have.
    deleteBeforeReplace: true,
  },
  deleteOutOfBand: async (id) => {
    expect((await api("DELETE", `/databases/${id}`)).status).toBe(200);
  },
  exists: async (id) => store().has(id) || (await env.mariadb.databaseExists(id)),
});

describe("functions", () => {
  it("getDatabases lists the key's databases as the resource reads them, filtered by domain", async () => {
    const d = new Deployment(env.plugin, "listed");
    await d.register(DATABASE, "a", { name: "lista", user: "lista", password: "Passw0rd-1", domain: "a.example.com" });
    await d.register(DATABASE, "b", { name: "listb", user: "listb", password: "Passw0rd-1", domain: "b.example.com", remoteAccess: true, remoteHost: "10.0.0.%" });
    const all = await env.plugin.invoke("hosting:wispanel:getDatabases", {});
    expect(all.failures).toEqual([]);
    const listed = all.result.databases as Record<string, unknown>[];
    expect(listed.map((db) => db.id).sort()).toEqual(["john_lista", "john_listb"]);
    expect(listed.find((db) => db.id === "john_listb")).toMatchObject({
      name: "listb",
      user: "listb",
      fullName: "john_listb",
      fullUser: "john_listb",
      owner: "john",
      domain: "b.example.com",
      remoteAccess: true,
      remoteHost: "10.0.0.%",
      sizeKb: 0,
    });
    for (const db of listed) expect(db).not.toHaveProperty("password");
    const filtered = await env.plugin.invoke("hosting:wispanel:getDatabases", { domain: "a.example.com" });
    expect((filtered.result.databases as { id: string }[]).map((db) => db.id)).toEqual(["john_lista"]);
    await d.destroyAll();
  });

  it("getPhpMyAdminLogin hands out a new single-use URL each time, as a secret", async () => {
    const d = new Deployment(env.plugin, "pma");
    const id = (await d.register(DATABASE, "pma", { name: "pma", user: "pma", password: "Passw0rd-1" })).state!.id;
    const first = await env.plugin.invoke("hosting:wispanel:getPhpMyAdminLogin", { id });
    const second = await env.plugin.invoke("hosting:wispanel:getPhpMyAdminLogin", { id });
    expect(isSecret(first.result.url)).toBe(true);
    expect(isSecret(first.result.token)).toBe(true);
    expect(env.sandbox.logins.slice(-2).map((l) => [l.database, l.url])).toEqual([
      [id, reveal(first.result.url)],
      [id, reveal(second.result.url)],
    ]);
    expect(reveal(first.result.url)).not.toBe(reveal(second.result.url));
    expect(reveal(first.result.url)).toContain(`token=${reveal(first.result.token)}`);
    await d.destroyAll();
  });
});

describe("after destroy", () => {
  it("neither the databases nor their user are left in MariaDB", async () => {
    expect(store().size).toBe(0);
    for (const name of ["john_shop", "john_store"]) expect(await env.mariadb.databaseExists(name)).toBe(false);
    expect(await env.mariadb.userExists("john_shop_user")).toBe(false);
  });

  it("the provider has used every endpoint of WisPanel's document (seeds/002)", () => {
    const documented = [
      "GET /api/v1/databases",
      "POST /api/v1/databases",
      "GET /api/v1/databases/{id}",
      "PUT /api/v1/databases/{id}",
      "DELETE /api/v1/databases/{id}",
      "POST /api/v1/databases/{id}/reset-password",
      "POST /api/v1/databases/{id}/phpmyadmin",
    ];
    expect(unexercisedEndpoints(documented, env.sandbox.requests)).toEqual([]);
  });
});

describe("preview", () => {
  it("shows the prefixed names and the owner as unknown, not guessed, before the first create", async () => {
    const step = await env.deployment.register(DATABASE, "planned", { name: "planned", user: "planned", password: "Passw0rd-333" }, { preview: true });
    expect(step.op).toBe("create");
    for (const key of ["fullName", "fullUser", "owner", "sizeKb", "createdAt"]) expect(step.state!.outputs[key], key).toBe(UNKNOWN);
    expect(store().has("john_planned")).toBe(false);
  });
});
