// What `pulumi preview` shows before anything is called: bad input named with its rule,
// missing credentials named with their config key and environment variable, unknown values
// passed through, and computed outputs unknown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginProcess, urnOf } from "../harness/plugin";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../sandbox/serverpilot";
import { UNKNOWN } from "../support/secrets";
import { APP, DATABASE, SERVER, SYSUSER } from "../support/serverpilot-tokens";

let sandbox: ServerPilotSandbox;
let plugin: PluginProcess;

beforeAll(async () => {
  sandbox = await startServerPilotSandbox();
  plugin = await PluginProcess.start();
  await plugin.configure({
    "hosting:config:serverpilotClientId": sandbox.clientId,
    "hosting:config:serverpilotApiKey": sandbox.apiKey,
    "hosting:config:serverpilotEndpoint": sandbox.url,
  });
});

afterAll(async () => {
  await plugin?.stop();
  await sandbox?.close();
});

const check = (type: string, news: Record<string, unknown>) => plugin.check(urnOf(type, "r"), undefined, news);

describe("Check names the property and the rule, before any API call", () => {
  it.each([
    [SERVER, { name: ".org.company" }, "name", "may contain only lowercase letters, digits, '.' and '-', must start with a letter and end with a letter or digit (e.g. www.store2)"],
    [SERVER, { name: "www.blog-" }, "name", "may contain only lowercase letters, digits, '.' and '-', must start with a letter and end with a letter or digit (e.g. www.store2)"],
    [SERVER, {}, "name", "is required"],
    [SERVER, { name: "www1", firewall: "yes" }, "firewall", "must be of type boolean"],
    [SYSUSER, { serverId: "s", name: "3po" }, "name", "must be 3 to 32 characters of lowercase letters, digits and '-', starting with a letter (e.g. user-32)"],
    [SYSUSER, { serverId: "s", name: "derek", password: "hlZkUk" }, "password", "must be at least 8 characters"],
    [SYSUSER, { serverId: "s", name: "derek", password: " padded-password" }, "password", "must not start or end with whitespace"],
    [APP, { name: "My_App", sysuserId: "u", runtime: "php8.2" }, "name", "must be 3 to 30 characters of lowercase letters and digits"],
    [APP, { name: "blog", sysuserId: "u", runtime: "8.3" }, "runtime", "must be a PHP runtime such as php8.3"],
    [APP, { name: "blog", sysuserId: "u", runtime: "php8.2", domains: ["ok.example.com", "not a domain"] }, "domains[1]", "must be a domain name such as example.com or *.example.com"],
    [APP, { name: "blog", sysuserId: "u", runtime: "php8.2", wordpress: { siteTitle: "t", adminUser: "a", adminPassword: "short", adminEmail: "a@b.co" } }, "wordpress.adminPassword", "must be at least 8 characters"],
    [DATABASE, { appId: "a", name: "my_db", user: { name: "u", password: "long-enough" } }, "name", "must be 3 to 64 characters of lowercase letters, digits and '-'"],
    [DATABASE, { appId: "a", name: "mydb", user: { name: "a-very-long-user-name", password: "long-enough" } }, "user.name", "must be at most 16 characters"],
    [DATABASE, { appId: "a", name: "mydb", user: { name: "u" } }, "user.password", "is required"],
    [APP, { name: "blog", sysuserId: "u", runtime: "php8.2", wordpress: { site_title: "t", siteTitle: "t", adminUser: "a", adminPassword: "long-enough", adminEmail: "a@b.co" } }, "wordpress", "has unknown keys: site_title"],
    [SERVER, { name: "www1", colour: "blue" }, "colour", "is not a property of hosting:serverpilot:Server; known properties: name, firewall, autoupdates, denyUnknownDomains"],
  ])("%s %j -> %s", async (type, news, property, reason) => {
    const before = sandbox.requests.length;
    const { failures } = await check(type, news);
    expect(failures).toContainEqual({ property, reason });
    expect(sandbox.requests.length).toBe(before);
  });

  it("rejects more than 300 domains", async () => {
    const domains = Array.from({ length: 301 }, (_, i) => `d${i}.example.com`);
    const { failures } = await check(APP, { name: "blog", sysuserId: "u", runtime: "php8.2", domains });
    expect(failures).toEqual([{ property: "domains", reason: "must list at most 300 domains" }]);
  });

  it("fills in the documented defaults", async () => {
    const { inputs, failures } = await check(SERVER, { name: "www1" });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({ name: "www1", firewall: true, autoupdates: true, denyUnknownDomains: true });
  });

  it("passes values not known yet through, and defers rules that need them", async () => {
    const { inputs, failures } = await check(APP, { name: "blog", sysuserId: UNKNOWN, runtime: "php8.2", forceSsl: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ sysuserId: UNKNOWN, forceSsl: UNKNOWN });
  });
});

describe("Check on a create", () => {
  it("requires write-only values although the engine sends an empty map as olds", async () => {
    const { failures } = await plugin.check(urnOf(DATABASE, "db"), {}, { appId: "a", name: "mydb", user: { name: "u" } });
    expect(failures).toContainEqual({ property: "user.password", reason: "is required" });
  });

  it("refuses the same domain twice, whatever its case or trailing dot", async () => {
    const { failures } = await check(APP, { name: "blog", sysuserId: "u", runtime: "php8.3", domains: ["Example.com", "www.example.com", "example.com."] });
    expect(failures).toEqual([
      { property: "domains[2]", reason: "repeats domains[0] (example.com); domains compare without case and trailing dot" },
    ]);
  });

  it.each([
    ["wildcard domains", { domains: ["*.example.com", "example.com"] }],
    ["a custom certificate without CA certificates (null)", { customSsl: { key: "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----", cert: "-----BEGIN CERTIFICATE-----\nx", cacerts: null } }],
    ["any phpX.Y runtime", { runtime: "php8.4" }],
    ["any non-empty WordPress e-mail and user, as the document has no rule for them", { wordpress: { siteTitle: "t", adminUser: "a".repeat(80), adminPassword: "long-enough", adminEmail: "not checked by the document" } }],
  ])("accepts %s", async (_what, extra) => {
    const { failures } = await check(APP, { name: "blog", sysuserId: "u", runtime: "php8.3", ...extra });
    expect(failures).toEqual([]);
  });

  it("refuses autoSsl without a domain AutoSSL can cover", async () => {
    for (const domains of [[], ["*.example.com"]]) {
      const { failures } = await check(APP, { name: "blog", sysuserId: "u", runtime: "php8.3", domains, autoSsl: true });
      expect(failures).toEqual([
        { property: "autoSsl", reason: "needs at least one domain that is not a wildcard: AutoSSL certificates cover named domains only" },
      ]);
    }
  });
});

describe("preview of an update with values not known yet", () => {
  const user = { name: "bloguser", password: "first-password" };
  const olds = { appId: "a", name: "blogdb", user, serverId: "s", userId: "u" };
  const oldInputs = { appId: "a", name: "blogdb", user };

  it("shows a replace-on-change field inside an object as a replacement, deleting first when the name stays", async () => {
    const diff = await plugin.diff(urnOf(DATABASE, "db"), "id", olds, { ...oldInputs, user: { name: "otheruser", password: UNKNOWN } }, oldInputs);
    expect(diff.detailedDiff).toEqual({ "user.name": "update-replace", "user.password": "update" });
    expect(diff.replaces).toEqual(["user"]);
    expect(diff.deleteBeforeReplace).toBe(true);
  });

  it("shows an object not known yet as a replacement when it may hold one", async () => {
    const diff = await plugin.diff(urnOf(DATABASE, "db"), "id", olds, { ...oldInputs, user: UNKNOWN }, oldInputs);
    expect(diff.detailedDiff).toEqual({ user: "update-replace" });
    expect(diff.replaces).toEqual(["user"]);
  });

  it("never prints the unknown placeholder, nor an SSL step that only might happen", async () => {
    const app = { name: "blog", sysuserId: "u", runtime: "php8.2", domains: ["example.com"], autoSsl: false, forceSsl: false };
    const logsBefore = plugin.logs.length;
    await plugin.update(urnOf(APP, "blog"), "id", { ...app, serverId: "s", datecreated: 1 }, { ...app, runtime: UNKNOWN, autoSsl: UNKNOWN }, {
      preview: true,
      oldInputs: app,
    });
    const lines = plugin.logs.slice(logsBefore).map((l) => l.message);
    expect(lines).toEqual([
      "will change the runtime to a value known after apply",
      "will decide the SSL steps once autoSsl, customSsl and forceSsl are known",
    ]);
    expect(lines.join("\n")).not.toContain(UNKNOWN);
  });
});

describe("preview of a create", () => {
  it("makes no API call and leaves computed outputs unknown", async () => {
    const before = sandbox.requests.length;
    const created = await plugin.create(urnOf(SERVER, "web"), { name: "www1", firewall: true, autoupdates: true, denyUnknownDomains: true }, { preview: true });
    expect(created.id).toBe("");
    expect(created.properties).toMatchObject({ name: "www1", datecreated: UNKNOWN, apikey: expect.objectContaining({ value: UNKNOWN }) });
    expect(sandbox.requests.length).toBe(before);
  });
});

describe("missing credentials", () => {
  let bare: PluginProcess;

  beforeAll(async () => {
    bare = await PluginProcess.start({ env: { SERVERPILOT_CLIENT_ID: "", SERVERPILOT_API_KEY: "" } });
    await bare.configure({});
  });

  afterAll(async () => {
    await bare?.stop();
  });

  it("fail at preview naming the config key and the environment variable", async () => {
    const { failures } = await bare.check(urnOf(SERVER, "web"), undefined, { name: "www1" });
    expect(failures).toHaveLength(1);
    expect(failures[0].reason).toContain("hosting:serverpilotClientId is not set: run `pulumi config set hosting:serverpilotClientId <value>` or set SERVERPILOT_CLIENT_ID");
    expect(failures[0].reason).toContain("hosting:serverpilotApiKey is not set: run `pulumi config set --secret hosting:serverpilotApiKey <value>` or set SERVERPILOT_API_KEY");
  });

  it("are found in the environment when the stack config lacks them", async () => {
    const fromEnv = await PluginProcess.start({
      env: { SERVERPILOT_CLIENT_ID: sandbox.clientId, SERVERPILOT_API_KEY: sandbox.apiKey, SERVERPILOT_ENDPOINT: sandbox.url },
    });
    try {
      await fromEnv.configure({});
      const { failures } = await fromEnv.check(urnOf(SERVER, "web"), undefined, { name: "www1" });
      expect(failures).toEqual([]);
      const listed = await fromEnv.invoke("hosting:serverpilot:getServers", {});
      expect(listed.result).toEqual({ servers: [] });
    } finally {
      await fromEnv.stop();
    }
  });

  it("that are wrong fail with the API's answer and where to fix them, without the key", async () => {
    const wrong = await PluginProcess.start();
    try {
      await wrong.configure({
        "hosting:config:serverpilotClientId": sandbox.clientId,
        "hosting:config:serverpilotApiKey": "not-the-right-key",
        "hosting:config:serverpilotEndpoint": sandbox.url,
      });
      const error = await wrong.invoke("hosting:serverpilot:getServers", {}).catch((e) => e);
      expect(error.message).toMatch(/^ServerPilot API GET \/v1\/servers failed with 401 Unauthorized: .*; check hosting:serverpilotClientId and hosting:serverpilotApiKey/);
      expect(error.message).not.toContain("not-the-right-key");
    } finally {
      await wrong.stop();
    }
  });

  it("reject a plain-http endpoint that is not loopback at Configure", async () => {
    await expect(bare.configure({ "hosting:config:serverpilotEndpoint": "http://api.serverpilot.io/v1" })).rejects.toThrow(
      /hosting:serverpilotEndpoint: plain http:\/\/ is accepted only for loopback hosts/,
    );
  });
});

describe("odd input is answered without echoing it and without API calls", () => {
  it("never shows the unknown sentinel used as an object key", async () => {
    const { failures } = await check(APP, { name: "blog", sysuserId: "u", runtime: "php8.2", wordpress: { siteTitle: "t", adminUser: "a", adminPassword: "long-enough", adminEmail: "e", [UNKNOWN]: "x" } });
    expect(failures).toEqual([{ property: "wordpress", reason: "has unknown keys: (known after apply)" }]);
  });

  it("cuts a megabyte-long unknown property name", async () => {
    const { failures } = await check(SERVER, { name: "www1", ["k".repeat(1_000_000)]: 1 });
    expect(failures[0].property.length).toBeLessThanOrEqual(200);
    expect(failures[0].reason.length).toBeLessThan(500);
  });

  it("does not call the API for an invoke whose arguments are not known yet", async () => {
    const before = sandbox.requests.length;
    const { result, failures } = await plugin.invoke("hosting:serverpilot:getApps", { serverId: UNKNOWN });
    expect([result, failures]).toEqual([{}, []]);
    expect(sandbox.requests.length).toBe(before);
  });
});

describe("an endpoint from the environment", () => {
  it("is held to the same rule as one from the stack config: no credentials over plain http to another host", async () => {
    const remote = "http://192.0.2.2:8080/v1";
    const fromEnv = await PluginProcess.start({ env: { SERVERPILOT_ENDPOINT: remote } });
    try {
      expect(await fromEnv.checkConfig({})).toEqual([
        { property: "serverpilotEndpoint", reason: expect.stringMatching(/^plain http:\/\/ is accepted only for loopback hosts.*\(set by SERVERPILOT_ENDPOINT\)$/) },
      ]);
      await expect(
        fromEnv.configure({ "hosting:config:serverpilotClientId": "id", "hosting:config:serverpilotApiKey": "an-api-key-here" }),
      ).rejects.toThrow(/hosting:serverpilotEndpoint: plain http:\/\/ is accepted only for loopback hosts/);
    } finally {
      await fromEnv.stop();
    }
  });
});
