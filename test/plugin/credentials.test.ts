// Each API's credentials are its own: a program that uses only ServerPilot needs no Combell keys,
// and one that uses only Combell needs no ServerPilot keys. Check says which keys are missing,
// for the API of the resource checked, and nothing about the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginProcess, urnOf } from "../harness/plugin";

const NO_CREDENTIALS = {
  SERVERPILOT_CLIENT_ID: "",
  SERVERPILOT_API_KEY: "",
  COMBELL_API_KEY: "",
  COMBELL_API_SECRET: "",
  PTERODACTYL_ENDPOINT: "",
  PTERODACTYL_API_KEY: "",
};
const server = [urnOf("hosting:serverpilot:Server", "web"), undefined, { name: "www1" }] as const;
const record = [urnOf("hosting:combell:DnsRecord", "www"), undefined, { domainName: "example.com", type: "A", recordName: "www", content: "192.0.2.10" }] as const;

const serverDatabase = [urnOf("hosting:pterodactyl:ServerDatabase", "db"), undefined, { serverId: 1, database: "world", host: 1 }] as const;

const PTERODACTYL_MISSING =
  "Pterodactyl credentials are missing. hosting:pterodactylEndpoint is not set: run `pulumi config set hosting:pterodactylEndpoint <value>` or set PTERODACTYL_ENDPOINT; " +
  "hosting:pterodactylApiKey is not set: run `pulumi config set --secret hosting:pterodactylApiKey <value>` or set PTERODACTYL_API_KEY";

const COMBELL_MISSING =
  "Combell credentials are missing. hosting:combellApiKey is not set: run `pulumi config set hosting:combellApiKey <value>` or set COMBELL_API_KEY; " +
  "hosting:combellApiSecret is not set: run `pulumi config set --secret hosting:combellApiSecret <value>` or set COMBELL_API_SECRET";

let serverPilotOnly: PluginProcess;
let combellOnly: PluginProcess;

beforeAll(async () => {
  [serverPilotOnly, combellOnly] = await Promise.all([
    PluginProcess.start({ env: { ...NO_CREDENTIALS, SERVERPILOT_CLIENT_ID: "client-1", SERVERPILOT_API_KEY: "sp-key-0123456789" } }),
    PluginProcess.start({ env: NO_CREDENTIALS }),
  ]);
  await serverPilotOnly.configure({});
  // Combell's keys from the stack's config this time, the secret as a secret.
  await combellOnly.configure({ "hosting:config:combellApiKey": "combell-key", "hosting:config:combellApiSecret": "combell-secret-0123456789" });
});

afterAll(async () => {
  await Promise.all([serverPilotOnly?.stop(), combellOnly?.stop()]);
});

describe("credentials per API", () => {
  it("a ServerPilot program needs no Combell keys", async () => {
    expect((await serverPilotOnly.check(...server)).failures).toEqual([]);
  });

  it("a Combell resource without Combell keys names exactly those, and no ServerPilot key", async () => {
    const { failures } = await serverPilotOnly.check(...record);
    expect(failures).toEqual([{ property: "", reason: COMBELL_MISSING }]);
  });

  it("a Combell program needs no ServerPilot keys", async () => {
    expect((await combellOnly.check(...record)).failures).toEqual([]);
  });

  it("a ServerPilot resource without ServerPilot keys names exactly those", async () => {
    const { failures } = await combellOnly.check(...server);
    expect(failures).toHaveLength(1);
    expect(failures[0].reason).toMatch(/^ServerPilot credentials are missing\. hosting:serverpilotClientId is not set/);
    expect(failures[0].reason).not.toContain("combell");
  });

  it("a Pterodactyl resource without the panel's endpoint and key names exactly those, whatever other keys are set", async () => {
    for (const plugin of [serverPilotOnly, combellOnly]) expect((await plugin.check(...serverDatabase)).failures).toEqual([{ property: "", reason: PTERODACTYL_MISSING }]);
  });

  it("a Pterodactyl program needs no other API's keys, from the environment as from config", async () => {
    const fromEnvironment = await PluginProcess.start({ env: { ...NO_CREDENTIALS, PTERODACTYL_ENDPOINT: "https://panel.example.com", PTERODACTYL_API_KEY: "ptla_0123456789abcdef" } });
    try {
      await fromEnvironment.configure({});
      expect((await fromEnvironment.check(...serverDatabase)).failures).toEqual([]);
      expect((await fromEnvironment.check(...record)).failures[0].reason).toMatch(/^Combell credentials are missing/);
      const { failures } = await fromEnvironment.invoke("hosting:pterodactyl:getServerDatabases", { serverId: "one" });
      expect(failures).toEqual([{ property: "serverId", reason: "must be of type number" }]);
    } finally {
      await fromEnvironment.stop();
    }
    const fromConfig = await PluginProcess.start({ env: NO_CREDENTIALS });
    try {
      await fromConfig.configure({ "hosting:config:pterodactylEndpoint": "https://panel.example.com", "hosting:config:pterodactylApiKey": "ptla_0123456789abcdef" });
      expect((await fromConfig.check(...serverDatabase)).failures).toEqual([]);
    } finally {
      await fromConfig.stop();
    }
  });

  it("a panel endpoint over plain http is refused unless on loopback, from config and from PTERODACTYL_ENDPOINT", async () => {
    expect(await combellOnly.checkConfig({ pterodactylEndpoint: "http://panel.example.com" })).toEqual([
      { property: "pterodactylEndpoint", reason: "plain http:// is accepted only for loopback hosts (127.0.0.1, ::1, localhost); use https:// for panel.example.com" },
    ]);
    expect(await combellOnly.checkConfig({ pterodactylEndpoint: "http://127.0.0.1:8080" })).toEqual([]);
    const plain = await PluginProcess.start({ env: { ...NO_CREDENTIALS, PTERODACTYL_ENDPOINT: "http://panel.example.com", PTERODACTYL_API_KEY: "ptla_0123456789abcdef" } });
    try {
      await expect(plain.configure({})).rejects.toThrow(/hosting:pterodactylEndpoint: plain http:\/\/ is accepted only for loopback hosts.*\(set by PTERODACTYL_ENDPOINT\)/);
    } finally {
      await plain.stop();
    }
  });

  it("a key pasted with its newline is refused at configure for every API, naming the key without echoing it", async () => {
    const pasted = "pasted-Key-0123456789\n";
    const keys = ["serverpilotClientId", "serverpilotApiKey", "combellApiKey", "combellApiSecret", "pterodactylApiKey", "wispanelApiToken", "dbaasApiToken"];
    for (const key of keys) {
      const value = key === "wispanelApiToken" ? `wsp_${pasted}` : pasted;
      const failures = await combellOnly.checkConfig({ [key]: value });
      expect(failures, key).toEqual([{ property: key, reason: "must not contain whitespace or control characters (a pasted key often ends in a newline)" }]);
    }
  });

  it("a key pasted with a zero-width space or a typographic quote is refused at configure, naming the character, not the key", async () => {
    for (const [pasted, code] of [["Key-0123456789\u200b", "200B"], ["\u201cKey-0123456789\u201d", "201C"], ["Key-01234567💥89", "1F4A5"]] as const) {
      for (const key of ["serverpilotApiKey", "combellApiKey", "combellApiSecret", "pterodactylApiKey", "wispanelApiToken", "dbaasApiToken"]) {
        const value = key === "wispanelApiToken" ? `wsp_${pasted}` : pasted;
        const failures = await combellOnly.checkConfig({ [key]: value });
        expect(failures, key).toEqual([{ property: key, reason: expect.stringMatching(new RegExp(`^must be ASCII: character \\d+ is U\\+${code},`)) }]);
        expect(failures[0].reason).not.toContain("Key-0123");
      }
    }
  });

  it("a Pterodactyl function without the panel's keys is refused before any request", async () => {
    expect((await combellOnly.invoke("hosting:pterodactyl:getServerDatabases", { serverId: 1 })).failures).toEqual([{ property: "", reason: PTERODACTYL_MISSING }]);
  });

  it("a Combell function without Combell keys is refused before any request", async () => {
    const { failures } = await serverPilotOnly.invoke("hosting:combell:getServicepacks", {});
    expect(failures).toEqual([{ property: "", reason: COMBELL_MISSING }]);
  });
});
