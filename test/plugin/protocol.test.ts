// The plugin as the engine meets it: started as a binary, its port on the first line, its
// schema valid against Pulumi's metaschema and equal to the committed schema.json and SDK.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLUGIN_PATH, PluginProcess } from "../harness/plugin";
import { generatedFiles, staleFiles } from "../../scripts/generate";
import { packageRoot } from "../../provider/version";

let plugin: PluginProcess;

beforeAll(async () => {
  plugin = await PluginProcess.start();
});

afterAll(async () => {
  await plugin?.stop();
});

describe("the plugin process", () => {
  it("reports the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8"));
    expect(await plugin.getPluginInfo()).toBe(pkg.version);
  });

  it("serves a schema that Pulumi's metaschema accepts", async () => {
    const schema = await plugin.getSchema();
    const metaschema = JSON.parse(readFileSync(join(__dirname, "../support/pulumi-package-metaschema.json"), "utf8"));
    const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { regex: true, "uri-reference": true } });
    const validate = ajv.compile(metaschema);
    expect(validate(schema) ? [] : validate.errors).toEqual([]);
    expect(Object.keys(schema.resources).sort()).toEqual([
      "hosting:combell:Account",
      "hosting:combell:DnsRecord",
      "hosting:combell:Domain",
      "hosting:combell:LinuxHostingSettings",
      "hosting:combell:Mailbox",
      "hosting:combell:MysqlDatabase",
      "hosting:combell:SshKey",
      "hosting:combell:Subsite",
      "hosting:dbaas:Database",
      "hosting:pterodactyl:ServerDatabase",
      "hosting:serverpilot:App",
      "hosting:serverpilot:Database",
      "hosting:serverpilot:Server",
      "hosting:serverpilot:SysUser",
      "hosting:wispanel:Database",
    ]);
    expect(schema.config.variables.serverpilotApiKey).toMatchObject({ secret: true, defaultInfo: { environment: ["SERVERPILOT_API_KEY"] } });
    expect(schema.resources["hosting:serverpilot:Database"].properties).toHaveProperty("userId");
    expect(schema.types["hosting:serverpilot:DatabaseUser"].properties.password).toMatchObject({ secret: true });
    expect(schema.resources["hosting:serverpilot:App"].inputProperties.name).toMatchObject({ replaceOnChanges: true });
    expect(Object.keys(schema.functions).filter((f) => f.startsWith("hosting:combell:")).sort()).toEqual([
      "hosting:combell:getAccounts",
      "hosting:combell:getDnsRecords",
      "hosting:combell:getDomains",
      "hosting:combell:getLinuxHostings",
      "hosting:combell:getMailZone",
      "hosting:combell:getMailboxes",
      "hosting:combell:getMysqlDatabases",
      "hosting:combell:getPhpVersions",
      "hosting:combell:getServicepacks",
    ]);
    expect(schema.config.variables.combellApiSecret).toMatchObject({ secret: true, defaultInfo: { environment: ["COMBELL_API_SECRET"] } });
    expect(schema.config.variables.combellEndpoint).toMatchObject({ default: "https://api.combell.com" });
    expect(schema.resources["hosting:combell:MysqlDatabase"].inputProperties.password).toMatchObject({ secret: true });
    expect(Object.keys(schema.functions).filter((f) => f.startsWith("hosting:dbaas:"))).toEqual(["hosting:dbaas:getDatabases"]);
    expect(schema.config.variables.dbaasApiToken).toMatchObject({ secret: true, defaultInfo: { environment: ["DBAAS_API_TOKEN"] } });
    expect(schema.config.variables.dbaasEndpoint).toMatchObject({ defaultInfo: { environment: ["DBAAS_ENDPOINT"] } });
    const dbaas = schema.resources["hosting:dbaas:Database"];
    for (const input of Object.values(dbaas.inputProperties)) expect(input).toMatchObject({ replaceOnChanges: true });
    for (const output of ["host", "port", "username", "password", "database", "sslMode", "connectionString"]) {
      expect(dbaas.properties[output], output).toMatchObject({ secret: true });
    }
    expect(dbaas.description).toContain("protect");
    expect(Object.keys(schema.functions).filter((f) => f.startsWith("hosting:pterodactyl:"))).toEqual(["hosting:pterodactyl:getServerDatabases"]);
    expect(schema.config.variables.pterodactylApiKey).toMatchObject({ secret: true, defaultInfo: { environment: ["PTERODACTYL_API_KEY"] } });
    expect(schema.config.variables.pterodactylEndpoint).toMatchObject({ defaultInfo: { environment: ["PTERODACTYL_ENDPOINT"] } });
    expect(schema.resources["hosting:pterodactyl:ServerDatabase"].properties.password).toMatchObject({ secret: true });
    expect(schema.resources["hosting:pterodactyl:ServerDatabase"].inputProperties.remote).toMatchObject({ replaceOnChanges: true, default: "%" });
    expect(Object.keys(schema.functions).filter((f) => f.startsWith("hosting:wispanel:")).sort()).toEqual([
      "hosting:wispanel:getDatabases",
      "hosting:wispanel:getPhpMyAdminLogin",
    ]);
    expect(schema.config.variables.wispanelApiToken).toMatchObject({ secret: true, defaultInfo: { environment: ["WISPANEL_API_TOKEN"] } });
    expect(schema.config.variables.wispanelCaCertificate).toMatchObject({ defaultInfo: { environment: ["WISPANEL_CA_CERTIFICATE"] } });
    expect(schema.resources["hosting:wispanel:Database"].inputProperties.password).toMatchObject({ secret: true });
    expect(schema.resources["hosting:wispanel:Database"].inputProperties.name).toMatchObject({ replaceOnChanges: true });
    expect(schema.functions["hosting:wispanel:getPhpMyAdminLogin"].outputs.properties.url).toMatchObject({ secret: true });
  });

  it("serves the same schema as the committed schema.json", async () => {
    const committed = JSON.parse(readFileSync(join(packageRoot(), "schema.json"), "utf8"));
    expect(await plugin.getSchema()).toEqual(committed);
  });

  it("has committed schema.json and sdk/nodejs generated from the current declarations", () => {
    expect(staleFiles()).toEqual([]);
  });

  it("generates docs that say what a resource outputs, never an empty table", () => {
    const docs = generatedFiles();
    const pages = [...docs].filter(([path]) => path.startsWith("docs/")).map(([, text]) => text);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page).not.toMatch(/All inputs, and:\s+None\./);
    expect(pages.join("\n")).toContain("All inputs; nothing else.");
  });

  it("answers CheckConfig with the rule an endpoint breaks", async () => {
    expect(await plugin.checkConfig({ serverpilotEndpoint: "http://api.example.com/v1" })).toEqual([
      {
        property: "serverpilotEndpoint",
        reason: "plain http:// is accepted only for loopback hosts (127.0.0.1, ::1, localhost); use https:// for api.example.com",
      },
    ]);
    expect(await plugin.checkConfig({ serverpilotEndpoint: "http://127.0.0.1:8080/v1" })).toEqual([]);
    expect(await plugin.checkConfig({ serverpilotEndpoint: "https://api.serverpilot.io/v1" })).toEqual([]);
  });

  it("accepts the engine's logging and tracing flags before the engine address", async () => {
    const flagged = await PluginProcess.start({ command: [PLUGIN_PATH, "--logtostderr", "-v=9", "--tracing", "127.0.0.1:1"] });
    try {
      expect(await flagged.getPluginInfo()).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await flagged.stop();
    }
  });

  it("also starts as `pulumi package add` runs it: through the Node language host's run-plugin", async () => {
    const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin");
    const viaLanguageHost = await PluginProcess.start({ command: [process.execPath, runPlugin, packageRoot()] });
    try {
      expect(Object.keys((await viaLanguageHost.getSchema()).resources)).toContain("hosting:serverpilot:Server");
    } finally {
      await viaLanguageHost.stop();
    }
  });

  it("says it accepts secrets and supports preview", async () => {
    expect(await plugin.configure({})).toEqual({ acceptSecrets: true, supportsPreview: true });
  });
});
