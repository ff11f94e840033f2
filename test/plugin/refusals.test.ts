// What each API refuses that a program caused (a name taken, a limit reached, a parent that does
// not exist, a key it does not accept), provoked for real against the sandboxes through one
// plugin process: every refusal reads `<Kind> "<name>": <field> <what is wrong>; <what to do>`,
// names the field as a property error where it is an input, and shows no secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginError, PluginProcess } from "../harness/plugin";
import { startCombellSandbox, type CombellSandbox } from "../sandbox/combell";
import { startDbaasSandbox, type DbaasSandbox } from "../sandbox/dbaas";
import { startPterodactylSandbox, type PterodactylSandbox } from "../sandbox/pterodactyl";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../sandbox/serverpilot";
import { startWisPanelSandbox, type WisPanelSandbox } from "../sandbox/wispanel";
import { wispanelClient } from "../sandbox/wispanel-test-client";
import { secret } from "../support/secrets";
import { APP, DATABASE, SERVER, SYSUSER } from "../support/serverpilot-tokens";

const PASSWORD = "Refusal-Pass-5a9d2c";

let serverpilot: ServerPilotSandbox;
let combell: CombellSandbox;
let pterodactyl: PterodactylSandbox;
let wispanel: WisPanelSandbox;
let dbaas: DbaasSandbox;
let plugin: PluginProcess;
let wrongKeys: PluginProcess;
let readOnlyKeys: PluginProcess;
let d: Deployment;
/** Every secret the sandboxes and the program hold: none may show in a refusal. */
const secrets: string[] = [PASSWORD];

/** The config of every API; "wrong": keys the APIs do not know; "read-only": keys that may only read. */
function configFor(keys: "right" | "wrong" | "read-only"): Record<string, string> {
  const key = (value: string) => (keys === "wrong" ? `${value}-revoked` : value);
  return {
    "hosting:config:serverpilotClientId": serverpilot.clientId,
    "hosting:config:serverpilotApiKey": key(serverpilot.apiKey),
    "hosting:config:serverpilotEndpoint": serverpilot.url,
    "hosting:config:combellApiKey": combell.apiKey,
    "hosting:config:combellApiSecret": key(combell.apiSecret),
    "hosting:config:combellEndpoint": combell.url,
    "hosting:config:pterodactylEndpoint": pterodactyl.url,
    "hosting:config:pterodactylApiKey": keys === "read-only" ? pterodactyl.readOnlyApiKey : key(pterodactyl.apiKey),
    "hosting:config:wispanelEndpoint": wispanel.url,
    "hosting:config:wispanelApiToken": key(wispanel.token),
    "hosting:config:wispanelCaCertificate": wispanel.ca,
    "hosting:config:dbaasEndpoint": dbaas.url,
    "hosting:config:dbaasApiToken": keys === "read-only" ? dbaas.readOnlyToken : key(dbaas.token),
  };
}

beforeAll(async () => {
  let plugins: PluginProcess[];
  [serverpilot, combell, pterodactyl, wispanel, dbaas, ...plugins] = await Promise.all([
    startServerPilotSandbox({ actionDelayMs: 0 }),
    startCombellSandbox({ jobDurationMs: 0, retryAfterSeconds: 0 }),
    startPterodactylSandbox({ mode: "panel" }),
    startWisPanelSandbox({ users: [{ username: "john" }, { username: "mary" }] }),
    startDbaasSandbox({ provisioningMs: 0 }),
    PluginProcess.start(),
    PluginProcess.start(),
    PluginProcess.start(),
  ] as const);
  [plugin, wrongKeys, readOnlyKeys] = plugins as [PluginProcess, PluginProcess, PluginProcess];
  secrets.push(serverpilot.apiKey, combell.apiSecret, pterodactyl.apiKey, pterodactyl.readOnlyApiKey, ...Object.values(wispanel.tokens), dbaas.token, dbaas.readOnlyToken);
  await Promise.all([plugin.configure(configFor("right")), wrongKeys.configure(configFor("wrong")), readOnlyKeys.configure(configFor("read-only"))]);
  d = new Deployment(plugin);
});

afterAll(async () => {
  await Promise.all([plugin?.stop(), wrongKeys?.stop(), readOnlyKeys?.stop()]);
  await Promise.all([serverpilot?.close(), combell?.close(), pterodactyl?.close(), wispanel?.close(), dbaas?.close()]);
});

/** The refusal a step ends with; a step that succeeds fails the test. */
async function refusal(step: Promise<unknown>): Promise<PluginError> {
  const error = await step.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the API should have refused it").toBeInstanceOf(PluginError);
  return error as PluginError;
}

/** The sentence's shape, the property error on an input, the remedy, and no secret. */
function expectExplained(error: PluginError, kind: string, name: string, field: string, remedy: RegExp, isInput = true): void {
  expect(error.message.startsWith(`${kind} "${name}": ${field} `), error.message).toBe(true);
  expect(error.message).toMatch(/; /);
  expect(error.message).toMatch(remedy);
  if (isInput) expect(error.propertyErrors?.map((f) => f.property)).toContain(field);
  for (const value of secrets) expect(error.message).not.toContain(value);
}

let serverId: string;
let sysuserId: string;

describe.concurrent("ServerPilot", () => {
  beforeAll(async () => {
    serverId = (await d.register(SERVER, "web", { name: "web" })).state!.id;
    sysuserId = (await d.register(SYSUSER, "deployer", { serverId, name: "deployer", password: secret(PASSWORD) })).state!.id;
    const appId = (await d.register(APP, "blog", { name: "blog", sysuserId, runtime: "php8.2" })).state!.id;
    await d.register(DATABASE, "blogdb", { appId, name: "blogdb", user: { name: "bloguser", password: secret(PASSWORD) } });
  });

  it.each([
    ["a system user name taken", SYSUSER, "deployer2", () => ({ serverId, name: "deployer", password: secret(PASSWORD) }), "name", /choose another name, or adopt the existing user with `pulumi import hosting:serverpilot:SysUser deployer2 <id>`/],
    ["an app name taken", APP, "blog2", () => ({ name: "blog", sysuserId, runtime: "php8.2" }), "name", /choose another name, or adopt the existing app/],
    ["a database name taken", DATABASE, "blogdb2", () => ({ appId: d.state.get(d.urn(APP, "blog"))!.id, name: "blogdb", user: { name: "other", password: secret(PASSWORD) } }), "name", /choose another name/],
    ["a database user name taken", DATABASE, "blogdb3", () => ({ appId: d.state.get(d.urn(APP, "blog"))!.id, name: "otherdb", user: { name: "bloguser", password: secret(PASSWORD) } }), "user.name", /choose another user name/],
    ["a server that does not exist", SYSUSER, "orphan", () => ({ serverId: "AAAAAAAAAAAAAAAA", name: "orphan", password: secret(PASSWORD) }), "serverId", /check the id, or pass the id of a Server of this program/],
    ["a system user that does not exist", APP, "orphan", () => ({ name: "orphan", sysuserId: "AAAAAAAAAAAAAAAA", runtime: "php8.2" }), "sysuserId", /check the id, or pass the id of a SysUser/],
    ["an app that does not exist", DATABASE, "orphan", () => ({ appId: "AAAAAAAAAAAAAAAA", name: "orphandb", user: { name: "orphan", password: secret(PASSWORD) } }), "appId", /check the id, or pass the id of an App/],
  ])("%s", async (_title, token, name, inputs, field, remedy) => {
    const error = await refusal(d.register(token, name, inputs()));
    expectExplained(error, `ServerPilot ${token.split(":")[2]}`, name, field, remedy);
  });

  it("a server at ServerPilot's limit of system users", async () => {
    const full = (await d.register(SERVER, "full", { name: "full" })).state!.id;
    for (let i = 0; i < 1000; i++) serverpilot.store.sysusers.set(`filler${i}`, { id: `filler${i}`, name: `filler${i}`, serverid: full, password: null });
    const error = await refusal(d.register(SYSUSER, "onetoomany", { serverId: full, name: "onetoomany", password: secret(PASSWORD) }));
    expectExplained(error, "ServerPilot SysUser", "onetoomany", "serverId", /delete system users it no longer needs, or use another server/);
  });

  it("a key ServerPilot does not accept", async () => {
    const error = await refusal(new Deployment(wrongKeys).register(SERVER, "nokey", { name: "nokey" }));
    expectExplained(error, "ServerPilot Server", "nokey", "hosting:serverpilotApiKey", /check hosting:serverpilotClientId and hosting:serverpilotApiKey/, false);
  });
});

const ACCOUNT = "hosting:combell:Account";
const MAILBOX = "hosting:combell:Mailbox";
const MYSQL = "hosting:combell:MysqlDatabase";
const DNS_RECORD = "hosting:combell:DnsRecord";
const SSH_KEY = "hosting:combell:SshKey";
const ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFeckW6xwhA1E3TE1UBWQzVbiFYrJRqHbe2bGi99ncXA t@h";

describe.concurrent("Combell", () => {
  let accountId: number;
  beforeAll(async () => {
    accountId = Number((await d.register(ACCOUNT, "shop", { identifier: "shop.example.com", servicepackId: 3001 })).state!.id);
    await d.register(MAILBOX, "info", { emailAddress: "info@shop.example.com", accountId, password: secret(PASSWORD) });
  });

  it.each([
    ["a servicepack the reseller does not have", ACCOUNT, "nopack", () => ({ identifier: "nopack.example.com", servicepackId: 9999 }), "servicepackId", /use an id that getServicepacks lists/],
    ["an account that is not the reseller's", MAILBOX, "stranger", () => ({ emailAddress: "info@nowhere.example.com", accountId: 424242, password: secret(PASSWORD) }), "accountId", /use the id of an account that getAccounts lists/],
    ["a mailbox address taken", MAILBOX, "info2", () => ({ emailAddress: "info@shop.example.com", accountId, password: secret(PASSWORD) }), "emailAddress", /choose another value, or adopt the existing one with `pulumi import hosting:combell:Mailbox info2 <id>`/],
    ["a mailbox outside the account's domain", MAILBOX, "elsewhere", () => ({ emailAddress: "info@elsewhere.example.com", accountId, password: secret(PASSWORD) }), "emailAddress", /use an address at the domain the account was made for/],
    ["a DNS record of a domain that is not the reseller's", DNS_RECORD, "www", () => ({ domainName: "not-mine.example.com", type: "A", recordName: "www", content: "192.0.2.10" }), "domainName", /register or transfer it with hosting:combell:Domain first/],
    ["an SSH key on a domain without a Linux hosting", SSH_KEY, "deploy", () => ({ domainName: "no-hosting.example.com", publicKey: ED25519_KEY }), "domainName", /getLinuxHostings lists the hostings/],
  ])("%s", async (_title, token, name, inputs, field, remedy) => {
    const error = await refusal(d.register(token, name, inputs()));
    expectExplained(error, `Combell ${token.split(":")[2]}`, name, field, remedy);
  });

  it("a MySQL database name taken", async () => {
    await d.register(MYSQL, "shopdb", { databaseName: "shopdb", accountId, password: secret(PASSWORD) });
    const error = await refusal(d.register(MYSQL, "shopdb2", { databaseName: "shopdb", accountId, password: secret(PASSWORD) }));
    expectExplained(error, "Combell MysqlDatabase", "shopdb2", "databaseName", /choose another value, or adopt the existing one/);
  });

  it("a key and secret Combell does not accept", async () => {
    const error = await refusal(new Deployment(wrongKeys).register(DNS_RECORD, "nokey", { domainName: "shop.example.com", type: "A", recordName: "www", content: "192.0.2.10" }));
    expectExplained(error, "Combell DnsRecord", "nokey", "hosting:combellApiSecret", /check hosting:combellApiKey and hosting:combellApiSecret/, false);
  });
});

const SERVER_DATABASE = "hosting:pterodactyl:ServerDatabase";

describe.concurrent("Pterodactyl", () => {
  beforeAll(async () => {
    await d.register(SERVER_DATABASE, "stats", { serverId: 1, database: "stats", host: 1 });
    await d.register(SERVER_DATABASE, "limit1", { serverId: 2, database: "one", host: 1 });
    await d.register(SERVER_DATABASE, "limit2", { serverId: 2, database: "two", host: 1 });
  });

  it.each([
    ["a database name taken on the server", "stats2", { serverId: 1, database: "stats", host: 1 }, "database", /choose another name, or adopt the existing database with `pulumi import hosting:pterodactyl:ServerDatabase stats2/],
    ["a server at its database limit", "limit3", { serverId: 2, database: "three", host: 1 }, "serverId", /raise the server's database limit in the panel/],
    ["a server the panel does not have", "noserver", { serverId: 99, database: "stats", host: 1 }, "serverId", /check the id \(Admin > Servers lists them\)/],
    ["a database host the panel does not have", "nohost", { serverId: 1, database: "nohost", host: 99 }, "host", /use the id of a host listed under Admin > Databases/],
  ])("%s", async (_title, name, inputs, field, remedy) => {
    const error = await refusal(d.register(SERVER_DATABASE, name, inputs));
    expectExplained(error, "Pterodactyl ServerDatabase", name, field, remedy);
  });

  it("a key the panel does not accept", async () => {
    const error = await refusal(new Deployment(wrongKeys).register(SERVER_DATABASE, "nokey", { serverId: 1, database: "nokey", host: 1 }));
    expectExplained(error, "Pterodactyl ServerDatabase", "nokey", "hosting:pterodactylApiKey", /check hosting:pterodactylEndpoint and hosting:pterodactylApiKey/, false);
  });

  it("a key that may only read server databases", async () => {
    const error = await refusal(new Deployment(readOnlyKeys).register(SERVER_DATABASE, "readonly", { serverId: 1, database: "readonly", host: 1 }));
    expectExplained(error, "Pterodactyl ServerDatabase", "readonly", "hosting:pterodactylApiKey", /give the Application API key Read & Write on Server Databases/, false);
  });
});

const WISPANEL_DATABASE = "hosting:wispanel:Database";

describe.concurrent("WisPanel", () => {
  beforeAll(async () => {
    await d.register(WISPANEL_DATABASE, "forum", { name: "forum", user: "forum", password: secret(PASSWORD) });
  });

  it.each([
    ["a database name taken", "forum2", { name: "forum", user: "forum2", password: secret(PASSWORD) }, "name", /choose another name, or adopt the existing database/],
    ["a database user taken", "board", { name: "board", user: "forum", password: secret(PASSWORD) }, "user", /choose another user name/],
  ])("%s", async (_title, name, inputs, field, remedy) => {
    const error = await refusal(d.register(WISPANEL_DATABASE, name, inputs));
    expectExplained(error, "WisPanel Database", name, field, remedy);
  });

  it("another panel user's database, imported", async () => {
    const panel = wispanelClient(wispanel);
    expect((await panel("POST", "/databases", { name: "blog", user: "blog", password: PASSWORD }, wispanel.tokens.mary)).status).toBe(201);
    await panel.close();
    const error = await refusal(d.import(WISPANEL_DATABASE, "marys", "mary_blog"));
    expectExplained(error, "WisPanel Database", "marys", "name", /use a key of the database's owner, or an admin's key/);
  });

  it("a key the panel does not accept", async () => {
    const error = await refusal(new Deployment(wrongKeys).register(WISPANEL_DATABASE, "nokey", { name: "nokey", user: "nokey", password: secret(PASSWORD) }));
    expectExplained(error, "WisPanel Database", "nokey", "hosting:wispanelApiToken", /check hosting:wispanelEndpoint and hosting:wispanelApiToken/, false);
  });
});

const DBAAS_DATABASE = "hosting:dbaas:Database";
const DBAAS_INPUTS = { name: "analytics", dbType: "postgresql", planId: "starter", region: "eu-west" };

describe.concurrent("DBaaS", () => {
  it("a token without the databases:write scope", async () => {
    const error = await refusal(new Deployment(readOnlyKeys).register(DBAAS_DATABASE, "readonly", DBAAS_INPUTS));
    expectExplained(error, "DBaaS Database", "readonly", "hosting:dbaasApiToken", /make a token with the databases:read and databases:write scopes/, false);
  });

  it("a token the DBaaS does not accept", async () => {
    const error = await refusal(new Deployment(wrongKeys).register(DBAAS_DATABASE, "nokey", DBAAS_INPUTS));
    expectExplained(error, "DBaaS Database", "nokey", "hosting:dbaasApiToken", /check hosting:dbaasEndpoint and hosting:dbaasApiToken/, false);
  });
});
