// hosting:requestTimeout: how long one HTTP request may take before it counts as failed, for
// every API. A value that is not a duration is refused at configure, naming the key (or the
// variable it came from); a short one makes a request that answers too late fail and be retried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginProcess } from "../harness/plugin";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../sandbox/serverpilot";

let sandbox: ServerPilotSandbox;
const plugins: PluginProcess[] = [];

beforeAll(async () => {
  sandbox = await startServerPilotSandbox({ actionDelayMs: 20 });
});

afterAll(async () => {
  await Promise.all(plugins.map((p) => p.stop()));
  await sandbox?.close();
});

async function plugin(env: NodeJS.ProcessEnv = {}): Promise<PluginProcess> {
  const started = await PluginProcess.start({ env: { HOSTING_REQUEST_TIMEOUT: "", ...env } });
  plugins.push(started);
  return started;
}

const serverPilot = () => ({
  "hosting:config:serverpilotClientId": sandbox.clientId,
  "hosting:config:serverpilotApiKey": sandbox.apiKey,
  "hosting:config:serverpilotEndpoint": sandbox.url,
});

describe("hosting:requestTimeout", () => {
  it("refuses what is not a positive number of seconds, naming the key", async () => {
    const p = await plugin();
    for (const value of ["abc", "0", "-5", "30s", "7200"]) {
      await expect(p.configure({ ...serverPilot(), "hosting:config:requestTimeout": value })).rejects.toThrow(
        new RegExp(`hosting:requestTimeout: must be a number of seconds greater than 0 and at most 3600, such as 30, got "${value}"`),
      );
    }
  });

  it("names HOSTING_REQUEST_TIMEOUT when the bad value came from it", async () => {
    const p = await plugin({ HOSTING_REQUEST_TIMEOUT: "soon" });
    await expect(p.configure(serverPilot())).rejects.toThrow(/hosting:requestTimeout: .*got "soon" \(set by HOSTING_REQUEST_TIMEOUT\)/);
  });

  it("ends an attempt that answers later than the timeout, and retries it", async () => {
    const p = await plugin();
    await p.configure({ ...serverPilot(), "hosting:config:requestTimeout": "0.5" });
    // Served at once, answered after 3 s: well past half a second, well within the default 30.
    sandbox.injectFault({ method: "GET", path: /^\/v1\/servers$/, delayMs: 3000, afterServing: true });
    const { failures } = await p.invoke("hosting:serverpilot:getServers", {});
    expect(failures).toEqual([]);
    const lines = p.logs.map((l) => l.message);
    expect(lines).toContainEqual(expect.stringMatching(/^ServerPilot API GET \/v1\/servers timed out: no complete answer within 500ms; retrying/));
  });

  it("defaults to 30 seconds", async () => {
    const p = await plugin();
    await p.configure(serverPilot());
    sandbox.injectFault({ method: "GET", path: /^\/v1\/servers$/, delayMs: 1000, afterServing: true });
    const { failures } = await p.invoke("hosting:serverpilot:getServers", {});
    expect(failures).toEqual([]);
    expect(p.logs.map((l) => l.message).filter((m) => m.includes("timed out"))).toEqual([]);
  });
});
