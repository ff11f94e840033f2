// A secret config value of a megabyte (a key file or CA bundle pasted where a key goes) is refused
// by its key within a few seconds, and never shown. Registering it with the redactor took 12 to
// 36 s, during which the plugin answered nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginError, PluginProcess, urnOf } from "../harness/plugin";
import { secret } from "../support/secrets";
import { MEGABYTE_SECRETS } from "../support/megabyte-secrets";

const SECRET_KEYS = ["serverpilotApiKey", "combellApiSecret", "pterodactylApiKey", "wispanelApiToken", "dbaasApiToken"];
const TOO_LONG = "must be at most 4096 characters (an API key or token, not a file)";

// Well above what a linear check and registering take on a loaded machine (well under a
// second), well below the stall.
const LIMIT_MS = 5000;

let plugin: PluginProcess;

beforeAll(async () => {
  plugin = await PluginProcess.start();
});

afterAll(async () => {
  await plugin?.stop();
});

async function refusal(call: () => Promise<unknown>): Promise<{ error: PluginError; ms: number }> {
  const started = performance.now();
  const error = await call().then(
    () => undefined,
    (err: unknown) => err,
  );
  const ms = performance.now() - started;
  expect(error).toBeInstanceOf(PluginError);
  return { error: error as PluginError, ms };
}

/** Pieces of `value` from its start, middle and end: none may show in what the plugin answered. */
function expectNothingOf(value: string, text: string): void {
  for (const at of [0, value.length >> 1, value.length - 40]) expect(text).not.toContain(value.slice(at, at + 40));
}

describe("Configure with a secret of a megabyte", () => {
  for (const [kind, value] of Object.entries(MEGABYTE_SECRETS)) {
    it(`refuses a hosting:combellApiSecret of ${kind} by its key, at once`, async () => {
      const { error, ms } = await refusal(() => plugin.configure({ "hosting:config:combellApiKey": "combell-key", "hosting:config:combellApiSecret": value }));
      console.log(`Configure with a 1 MB hosting:combellApiSecret of ${kind}: refused in ${ms.toFixed(0)} ms`);
      expect(error.message).toContain(`hosting:combellApiSecret: ${TOO_LONG}`);
      expectNothingOf(value, `${error.message} ${JSON.stringify(error.propertyErrors ?? [])}`);
      expect(ms).toBeLessThan(LIMIT_MS);
    });
  }

  it("refuses every secret key of a megabyte at once, given as config variables or as secret args", async () => {
    const value = MEGABYTE_SECRETS["lines, like a PEM bundle"]!;
    // WisPanel's keys start with wsp_: without it the key is refused for that first.
    const valueOf = (key: string, i: number) => `${key === "wispanelApiToken" ? "wsp_" : ""}${i}${value}`;
    const variables = Object.fromEntries(SECRET_KEYS.map((key, i) => [`hosting:config:${key}`, valueOf(key, i)]));
    const fromVariables = await refusal(() => plugin.configure(variables));
    for (const key of SECRET_KEYS) expect(fromVariables.error.message).toContain(`hosting:${key}: ${TOO_LONG}`);
    const args = Object.fromEntries(SECRET_KEYS.map((key, i) => [key, secret(valueOf(key, i + 10))]));
    const fromArgs = await refusal(() => plugin.configure({}, args));
    for (const key of SECRET_KEYS) expect(fromArgs.error.message).toContain(`hosting:${key}: ${TOO_LONG}`);
    for (const { error } of [fromVariables, fromArgs]) expectNothingOf(value, error.message);
    expect(fromVariables.ms + fromArgs.ms).toBeLessThan(2 * LIMIT_MS);
  });

  it("refuses a CA certificate of a megabyte by its length, and goes on answering at once", async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${MEGABYTE_SECRETS["random letters and digits"]}\n-----END CERTIFICATE-----\n`;
    const { error, ms } = await refusal(() => plugin.configure({ "hosting:config:wispanelCaCertificate": pem }));
    expect(error.message).toContain("hosting:wispanelCaCertificate: must be at most 256 KiB of PEM");
    expect(ms).toBeLessThan(LIMIT_MS);
    // Every secret above is registered by now: later calls are not held up by them.
    await plugin.configure({ "hosting:config:combellApiKey": "combell-key", "hosting:config:combellApiSecret": "combell-secret-0123456789" });
    const started = performance.now();
    const { failures } = await plugin.check(urnOf("hosting:combell:DnsRecord", "www"), undefined, {
      domainName: "example.com",
      type: "A",
      recordName: "www",
      content: "not an address",
    });
    expect(failures.map((f) => f.property)).toEqual(["content"]);
    expect(performance.now() - started).toBeLessThan(LIMIT_MS);
  });
});

describe("Check with a secret input of a megabyte", () => {
  it("refuses a password of a megabyte by its length rule, without showing it", async () => {
    const value = MEGABYTE_SECRETS["emoji and other non-ASCII"]!;
    const started = performance.now();
    const { failures } = await plugin.check(urnOf("hosting:wispanel:Database", "shop"), undefined, { name: "shop", user: "shop", password: secret(value) });
    expect(performance.now() - started).toBeLessThan(LIMIT_MS);
    expect(failures).toContainEqual({ property: "password", reason: expect.stringMatching(/^must be at most \d+ characters$/) });
    expectNothingOf(value, JSON.stringify(failures));
  });
});
