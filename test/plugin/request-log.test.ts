// The plugin's request log, as a user turns it on: `pulumi up -v=N --logtostderr` starts the
// plugin with those flags, PULUMI_HOSTING_DEBUG=1 in its environment sends the log to the
// engine next to each resource. Real plugin processes, a real sandbox; the log must show each
// request and never a credential or a secret, including one the API made up in its answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PLUGIN_PATH, PluginProcess } from "../harness/plugin";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../sandbox/serverpilot";
import { reveal, secret } from "../support/secrets";
import { SERVER, SYSUSER } from "../support/serverpilot-tokens";

const PASSWORD = "Log-Test-Password-8c1e4f";

interface Run {
  plugin: PluginProcess;
  /** What the API answered and was sent that must never show. */
  secrets: string[];
}

let sandbox: ServerPilotSandbox;
const runs: Record<"bodies" | "debugVariable" | "quiet", Run> = {} as never;

/** A plugin started as given creates a server and a system user with a password. */
async function run(command: string[], env: NodeJS.ProcessEnv, name: string): Promise<Run> {
  const plugin = await PluginProcess.start({ command, env });
  await plugin.configure({
    "hosting:config:serverpilotClientId": sandbox.clientId,
    "hosting:config:serverpilotApiKey": sandbox.apiKey,
    "hosting:config:serverpilotEndpoint": sandbox.url,
  });
  const d = new Deployment(plugin);
  const server = await d.register(SERVER, name, { name });
  await d.register(SYSUSER, name, { serverId: server.state!.id, name: `${name}user`, password: secret(PASSWORD) });
  const serverApiKey = reveal(server.state!.outputs.apikey) as string;
  return { plugin, secrets: [PASSWORD, sandbox.apiKey, serverApiKey, Buffer.from(`${sandbox.clientId}:${sandbox.apiKey}`).toString("base64")] };
}

beforeAll(async () => {
  sandbox = await startServerPilotSandbox({ actionDelayMs: 0 });
  const [bodies, debugVariable, quiet] = await Promise.all([
    run([PLUGIN_PATH, "--logtostderr", "-v=9"], {}, "bodies"),
    run([PLUGIN_PATH], { PULUMI_HOSTING_DEBUG: "1" }, "debugvar"),
    run([PLUGIN_PATH, "--logtostderr", "-v=3"], {}, "quiet"),
  ]);
  Object.assign(runs, { bodies, debugVariable, quiet });
});

afterAll(async () => {
  await Promise.all(Object.values(runs).map((r) => r.plugin.stop()));
  await sandbox?.close();
});

const REQUEST_LINE = (method: string, path: string, status: string) =>
  new RegExp(`ServerPilot ${method} ${sandbox.url.replace(/[.]/g, "\\.")}${path} -> ${status} in \\d+(\\.\\d)?m?s`);

function expectNoSecret(text: string, secrets: string[]): void {
  for (const value of secrets) expect(text).not.toContain(value);
}

describe("-v=N, as `pulumi up -v=N --logtostderr` starts the plugin", () => {
  it("from -v=9: every request line and both bodies on stderr, secrets and the key the API made masked", () => {
    const { plugin, secrets } = runs.bodies;
    expect(plugin.stderr).toMatch(REQUEST_LINE("POST", "/servers", "200 OK"));
    expect(plugin.stderr).toMatch(REQUEST_LINE("GET", "/actions/[A-Za-z0-9]+", "200 OK"));
    expect(plugin.stderr).toMatch(REQUEST_LINE("POST", "/sysusers", "200 OK"));
    expect(plugin.stderr).toContain(`hosting http:   request body: {"serverid":"`);
    expect(plugin.stderr).toMatch(/request body: \{"serverid":"[A-Za-z0-9]+","name":"bodiesuser","password":"\*\*\*"\}/);
    // The server's one-time API key is in POST /servers' answer, which is logged before the
    // plugin has learnt it: masked by its key.
    expect(plugin.stderr).toMatch(/answer body: \{"actionid":"[A-Za-z0-9]+","data":\{.*"apikey":"\*\*\*"/);
    expectNoSecret(plugin.stderr, secrets);
    expect(plugin.logs.filter((l) => l.severity === "debug")).toEqual([]);
  });

  it("below -v=5 and without PULUMI_HOSTING_DEBUG: nothing about requests anywhere", () => {
    const { plugin } = runs.quiet;
    expect(plugin.stderr).not.toContain("hosting http:");
    expect(plugin.stderr).not.toContain(sandbox.url);
    expect(plugin.logs.filter((l) => l.severity === "debug")).toEqual([]);
  });
});

describe("PULUMI_HOSTING_DEBUG=1", () => {
  it("sends each request with its bodies to the engine as debug messages of the resource, and nothing to stderr", () => {
    const { plugin, secrets } = runs.debugVariable;
    const debug = plugin.logs.filter((l) => l.severity === "debug");
    const sysuserLines = debug.filter((l) => l.urn.endsWith(`${SYSUSER}::debugvar`)).map((l) => l.message);
    expect(sysuserLines.some((m) => REQUEST_LINE("POST", "/sysusers", "200 OK").test(m) && m.includes('"password":"***"'))).toBe(true);
    expect(debug.filter((l) => l.urn.endsWith(`${SERVER}::debugvar`)).some((l) => REQUEST_LINE("POST", "/servers", "200 OK").test(l.message))).toBe(true);
    expectNoSecret(debug.map((l) => l.message).join("\n"), secrets);
    expect(plugin.stderr).not.toContain("hosting http:");
  });
});
