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
import { secret } from "../support/secrets";
import { APP, DATABASE, SERVER, SYSUSER } from "../support/serverpilot-tokens";

const PASSWORD = "Refusal-Test-Pass-5a9d2c";

let serverpilot: ServerPilotSandbox;
let plugin: PluginProcess;
let wrongKeys: PluginProcess;
let d: Deployment;
/** Every secret the sandboxes and the program hold: none may show in a refusal. */
const secrets: string[] = [PASSWORD];

function configFor(keys: "right" | "wrong"): Record<string, string> {
  const key = (value: string) => (keys === "right" ? value : `${value}-revoked`);
  return {
    "hosting:config:serverpilotClientId": serverpilot.clientId,
    "hosting:config:serverpilotApiKey": key(serverpilot.apiKey),
    "hosting:config:serverpilotEndpoint": serverpilot.url,
  };
}

beforeAll(async () => {
  [serverpilot, plugin, wrongKeys] = await Promise.all([startServerPilotSandbox({ actionDelayMs: 0 }), PluginProcess.start(), PluginProcess.start()]);
  secrets.push(serverpilot.apiKey);
  await Promise.all([plugin.configure(configFor("right")), wrongKeys.configure(configFor("wrong"))]);
  d = new Deployment(plugin);
});

afterAll(async () => {
  await Promise.all([plugin?.stop(), wrongKeys?.stop()]);
  await serverpilot?.close();
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
  if (process.env.SHOW_REFUSALS) console.log(error.message, JSON.stringify(error.propertyErrors));
  expect(error.message.startsWith(`${kind} "${name}": ${field} `), error.message).toBe(true);
  expect(error.message).toMatch(/; /);
  expect(error.message).toMatch(remedy);
  if (isInput) expect(error.propertyErrors?.map((f) => f.property)).toContain(field);
  for (const value of secrets) expect(error.message).not.toContain(value);
}

let serverId: string;
let sysuserId: string;

describe("ServerPilot", () => {
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
