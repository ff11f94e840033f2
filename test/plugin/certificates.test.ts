// Certificates are always checked: nothing in the provider turns the check off, and every API
// takes a CA of its own (hosting:<api>CaCertificate) for a server whose certificate a private CA
// signed. Through the real plugin process, against a real HTTPS server.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginProcess } from "../harness/plugin";
import { sendJson, startServer, type TestServer } from "../support/http-test-server";
import { makeTestCertificates } from "../support/test-ca";
import { packageRoot } from "../../provider/version";

/** Each API: its CA variable, the config it needs to make a call, and a call. */
const apis = [
  { name: "ServerPilot", ca: "serverpilotCaCertificate", config: (url: string) => ({ serverpilotEndpoint: `${url}/v1`, serverpilotClientId: "cid_test", serverpilotApiKey: "key-test" }), call: ["hosting:serverpilot:getServers", {}] },
  { name: "Combell", ca: "combellCaCertificate", config: (url: string) => ({ combellEndpoint: url, combellApiKey: "key-test", combellApiSecret: "secret-test" }), call: ["hosting:combell:getServicepacks", {}] },
  { name: "Pterodactyl", ca: "pterodactylCaCertificate", config: (url: string) => ({ pterodactylEndpoint: url, pterodactylApiKey: "ptla_test" }), call: ["hosting:pterodactyl:getServerDatabases", { serverId: 1 }] },
  { name: "DBaaS", ca: "dbaasCaCertificate", config: (url: string) => ({ dbaasEndpoint: url, dbaasApiToken: "dbaas_test" }), call: ["hosting:dbaas:getDatabases", {}] },
  { name: "WisPanel", ca: "wispanelCaCertificate", config: (url: string) => ({ wispanelEndpoint: url, wispanelApiToken: "wsp_test" }), call: ["hosting:wispanel:getDatabases", {}] },
] as const;

/** What turns certificate checks off in Node, undici or TLS: none may appear in the provider. */
const CHECKS_OFF = [/rejectUnauthorized\s*:(?!\s*true\b)/, /NODE_TLS_REJECT_UNAUTHORIZED/, /checkServerIdentity/];

export function checksTurnedOff(text: string): string[] {
  return CHECKS_OFF.filter((pattern) => pattern.test(text)).map(String);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("certificate checks", () => {
  it("are never turned off in the provider", () => {
    const root = packageRoot();
    const files = filesUnder(join(root, "provider")).filter((f) => !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((f) => checksTurnedOff(readFileSync(f, "utf8")).map((p) => `${relative(root, f)}: ${p}`));
    expect(offending).toEqual([]);
  });

  it("would be caught turned off in any of the ways Node knows", () => {
    expect(checksTurnedOff("new Agent({ connect: { rejectUnauthorized: false } })")).toHaveLength(1);
    expect(checksTurnedOff("{ rejectUnauthorized: !strict }")).toHaveLength(1);
    expect(checksTurnedOff('process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"')).toHaveLength(1);
    expect(checksTurnedOff("tls.connect({ checkServerIdentity: () => undefined })")).toHaveLength(1);
    expect(checksTurnedOff("{ rejectUnauthorized: true, ca }")).toEqual([]);
  });
});

describe("a CA of one's own, for every API", () => {
  const certificates = makeTestCertificates("Private API CA");
  let server: TestServer;
  let plugin: PluginProcess;

  beforeAll(async () => {
    // Any answer will do: the question is whether the request got through TLS at all.
    server = await startServer((_req, res) => sendJson(res, 401, { error: "unauthorized" }), certificates);
    plugin = await PluginProcess.start();
  });

  afterAll(async () => {
    await plugin?.stop();
    await server?.close();
  });

  for (const api of apis) {
    it(`${api.name}: refused without hosting:${api.ca}, with a hint naming it; trusted with it`, async () => {
      const config = (extra: Record<string, string>) =>
        Object.fromEntries(Object.entries({ ...api.config(server.origin), ...extra }).map(([k, v]) => [`hosting:config:${k}`, v]));
      await plugin.configure(config({}));
      const before = server.requests.length;
      const untrusted = await plugin.invoke(api.call[0], api.call[1]).catch((e: Error) => e);
      expect(untrusted).toBeInstanceOf(Error);
      expect((untrusted as Error).message).toMatch(/TLS certificate is not trusted/);
      expect((untrusted as Error).message).toContain(`set hosting:${api.ca}`);
      expect(server.requests.length).toBe(before);

      await plugin.configure(config({ [api.ca]: certificates.ca }));
      const trusted = await plugin.invoke(api.call[0], api.call[1]).catch((e: Error) => e);
      expect(server.requests.length).toBeGreaterThan(before);
      expect(String(trusted instanceof Error ? trusted.message : "")).not.toMatch(/certificate/i);
    });
  }
});
