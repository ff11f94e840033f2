// The reseller API's resources through the real plugin process over gRPC, against the Combell
// sandbox (HMAC-verified, provisioning jobs, paging) and real MariaDB, on the shared lifecycle
// table (test/support/lifecycle.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { urnOf } from "../harness/plugin";
import { combellClient } from "../sandbox/combell-test-client";
import { startCombellEnvironment, type CombellEnvironment } from "../support/combell-environment";
import { describeLifecycle } from "../support/lifecycle";
import { isSecret, reveal, secret } from "../support/secrets";

const ACCOUNT = "hosting:combell:Account";
const DNS_RECORD = "hosting:combell:DnsRecord";
const MYSQL_DATABASE = "hosting:combell:MysqlDatabase";
const HOSTING_PACK = 3001;

let env: CombellEnvironment;
/** An account (with its DNS zone and hosting) the other resources hang off, in a stack of its own. */
let fixtures: Deployment;
let accountId = 0;

beforeAll(async () => {
  env = await startCombellEnvironment();
  fixtures = new Deployment(env.plugin, "fixtures");
  accountId = Number((await fixtures.register(ACCOUNT, "base", { identifier: "base.example.com", servicepackId: HOSTING_PACK })).state!.id);
});

afterAll(async () => {
  await env?.stop();
});

const world = () => env;
const store = () => env.sandbox.store;
const api = () => combellClient(env.sandbox);

describeLifecycle({
  type: ACCOUNT,
  name: "shop",
  world,
  create: {
    inputs: () => ({ identifier: "shop.example.com", servicepackId: HOSTING_PACK, ftpPassword: secret("ftpPass123") }),
    verify: (state) => {
      expect(state.id).toMatch(/^\d+$/);
      expect(store().accounts.get(Number(state.id))).toMatchObject({ identifier: "shop.example.com", servicepack_id: HOSTING_PACK });
      expect(isSecret(state.outputs.ftpPassword)).toBe(true);
      // Creating it followed a provisioning job: a 202, then polls until 201.
      expect(env.sandbox.requests.some((r) => r.method === "GET" && r.path.startsWith("/v2/provisioningjobs/"))).toBe(true);
    },
  },
  importUnreadable: ["ftpPassword"],
  exists: (id) => store().accounts.has(Number(id)),
  destroyForgets: { warning: /cannot delete accounts: account \d+ \(shop\.example\.com\) still exists/ },
});

const record = (extra: Record<string, unknown> = {}) => ({ domainName: "base.example.com", type: "A", recordName: "www", content: "192.0.2.10", ...extra });
const recordIn = (id: string) => {
  const [domain, recordId] = id.split("/");
  return store().dnsZones.get(domain)?.get(recordId);
};

describeLifecycle({
  type: DNS_RECORD,
  name: "www",
  world,
  create: {
    inputs: () => record(),
    verify: (state) => {
      expect(state.id).toMatch(/^base\.example\.com\/.+$/);
      expect(recordIn(state.id)).toMatchObject({ type: "A", record_name: "www", content: "192.0.2.10", ttl: 3600 });
    },
  },
  updates: [
    {
      title: "content and ttl with PUT",
      inputs: () => record({ content: "192.0.2.20", ttl: 600 }),
      diff: { content: "update", ttl: "update" },
      verify: (state) => expect(recordIn(state.id)).toMatchObject({ content: "192.0.2.20", ttl: 600 }),
    },
  ],
  outOfBand: {
    change: (id) => void (recordIn(id)!.content = "198.51.100.7"),
    diff: { content: "update" },
    verify: (id) => expect(recordIn(id)!.content).toBe("192.0.2.20"),
  },
  replace: {
    inputs: () => record({ type: "AAAA", content: "2001:db8::20", ttl: 600 }),
    diff: { type: "update-replace", content: "update" },
    // The name stays, and a name cannot hold an A and an AAAA record from the same program at once here.
    deleteBeforeReplace: true,
  },
  deleteOutOfBand: async (id) => {
    const [domain, recordId] = id.split("/");
    expect((await api()("DELETE", `/dns/${domain}/records/${recordId}`)).status).toBe(204);
  },
  exists: (id) => recordIn(id) !== undefined,
});

const database = (password: string, databaseName = "tests") => ({ databaseName, accountId, password: secret(password) });

describeLifecycle({
  type: MYSQL_DATABASE,
  name: "db",
  world,
  create: {
    inputs: () => database("Passw0rd111"),
    verify: async (state) => {
      expect(state.id).toBe(`ID${accountId}_tests`);
      expect(state.outputs).toMatchObject({ name: `ID${accountId}_tests`, hostname: `ID${accountId}_tests.db.webhosting.be` });
      expect(isSecret(state.outputs.password)).toBe(true);
      expect(await env.mariadb.canLogin(state.outputs.userName as string, reveal(state.outputs.password), state.id)).toBe(true);
    },
  },
  updates: [
    {
      title: "the password: the new one logs in, the old one no longer does",
      inputs: () => database("Passw0rd222"),
      diff: { password: "update" },
      verify: async (state) => {
        const user = state.outputs.userName as string;
        expect(await env.mariadb.canLogin(user, "Passw0rd222", state.id)).toBe(true);
        expect(await env.mariadb.canLogin(user, "Passw0rd111", state.id)).toBe(false);
      },
    },
  ],
  importUnreadable: ["password"],
  replace: {
    inputs: () => database("Passw0rd222", "shop"),
    diff: { databaseName: "update-replace" },
    deleteBeforeReplace: false,
  },
  deleteOutOfBand: async (id) => {
    expect((await api()("DELETE", `/mysqldatabases/${id}`)).status).toBe(204);
  },
  exists: async (id) => store().mysqlDatabases.has(id) || (await env.mariadb.databaseExists(id)),
});

describe("DNS records as written", () => {
  it("an SRV record with protocol in lower case and a target with its trailing dot is sent as Combell takes it, and is no change after", async () => {
    const srv = { domainName: "base.example.com", type: "SRV", service: "_xmpp", protocol: "tcp", target: "chat.base.example.com.", port: 5222 };
    const step = await env.deployment.register(DNS_RECORD, "written", srv);
    expect(step.op).toBe("create");
    const recordId = step.state!.id.split("/")[1]!;
    expect(store().dnsZones.get("base.example.com")!.get(recordId)).toMatchObject({ protocol: "TCP", target: "chat.base.example.com" });
    expect((await env.deployment.register(DNS_RECORD, "written", srv)).op).toBe("same");
    await env.deployment.delete(step.state!.urn);
  });
});

describe("functions, and nothing left behind", () => {
  it("list servicepacks, accounts, DNS records and MySQL databases, following every page", async () => {
    for (let i = 0; i < 30; i++) {
      await env.deployment.register(DNS_RECORD, `txt${i}`, { domainName: "base.example.com", type: "TXT", recordName: `t${i}`, content: `v=${i}` });
    }
    const packs = await env.plugin.invoke("hosting:combell:getServicepacks", {});
    expect((packs.result.servicepacks as { id: number }[]).map((p) => p.id)).toContain(HOSTING_PACK);
    const accounts = await env.plugin.invoke("hosting:combell:getAccounts", { identifier: "base.example.com" });
    expect(accounts.result.accounts).toEqual([expect.objectContaining({ id: String(accountId), identifier: "base.example.com" })]);
    const records = await env.plugin.invoke("hosting:combell:getDnsRecords", { domainName: "base.example.com", type: "TXT" });
    expect((records.result.records as unknown[]).length).toBe(30);
    const pages = env.sandbox.requests.filter((r) => r.method === "GET" && r.path === "/v2/dns/base.example.com/records");
    expect(pages.length).toBeGreaterThanOrEqual(2);
    await env.deployment.register(MYSQL_DATABASE, "listed", { databaseName: "listed", accountId, password: "Passw0rd333" });
    const databases = await env.plugin.invoke("hosting:combell:getMysqlDatabases", { accountId });
    expect((databases.result.databases as { name: string }[]).map((d) => d.name)).toContain(`ID${accountId}_listed`);
    await env.deployment.destroyAll();
    expect(store().mysqlDatabases.size).toBe(0);
    expect(await env.mariadb.databaseExists(`ID${accountId}_listed`)).toBe(false);
  });
});

describe("a forgotten account whose state records no identifier", () => {
  it("warns about the account by its id alone, with no 'undefined' in its place", async () => {
    const logsBefore = env.plugin.logs.length;
    await env.plugin.delete(urnOf(ACCOUNT, "recorded"), "4242", { identifier: 7 });
    const warnings = env.plugin.logs.slice(logsBefore).map((entry) => entry.message);
    expect(warnings).toEqual([expect.stringMatching(/cannot delete accounts: account 4242 still exists/)]);
  });
});
