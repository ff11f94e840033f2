// run-program as the quickstart (and a person) runs it: its own process, a real program, the
// real plugin. What it prints when the provider refuses a resource, what it keeps when a run
// fails or is stopped, and who may read the state it writes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/version";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../sandbox/serverpilot";
import { descendantsOf, isRunning } from "./process-tree";
import type { StackFile } from "./run-program";

const RUNNER = join(packageRoot(), "dist/test/harness/run-program.js");
const SDK = join(packageRoot(), "dist/sdk/nodejs");

let sandbox: ServerPilotSandbox;
let work: string;

interface Run {
  child: ChildProcess;
  output: () => string;
  finished: Promise<{ code: number | null; output: string }>;
}

function runProgram(operation: string, program: string, env: NodeJS.ProcessEnv = {}): Run {
  const programPath = join(work, "index.js");
  writeFileSync(programPath, `const hosting = require(${JSON.stringify(SDK)});\n${program}`);
  const child = spawn(process.execPath, [RUNNER, operation, programPath, join(work, "stack.json")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const finished = new Promise<{ code: number | null; output: string }>((resolve) => child.once("exit", (code) => resolve({ code, output })));
  return { child, output: () => output, finished };
}

function writeStack(resources: StackFile["resources"] = []): void {
  const stack: StackFile = {
    project: "test",
    stack: "dev",
    config: {
      "hosting:serverpilotClientId": sandbox.clientId,
      "hosting:serverpilotApiKey": sandbox.apiKey,
      "hosting:serverpilotEndpoint": sandbox.url,
    },
    secretConfig: ["hosting:serverpilotApiKey"],
    resources,
    outputs: {},
  };
  // The default mode, as an editor or an older run would have left it.
  writeFileSync(join(work, "stack.json"), JSON.stringify(stack, null, 2), { mode: 0o644 });
}

const savedStack = () => JSON.parse(readFileSync(join(work, "stack.json"), "utf8")) as StackFile;

beforeAll(async () => {
  sandbox = await startServerPilotSandbox({ actionDelayMs: 50 });
});

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "run-program-test-"));
  writeStack();
  sandbox.setActionDelay(50);
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("run-program", () => {
  it("reports the provider's reason for refusing a resource at Check, once, with no stack trace", async () => {
    const { code, output } = await runProgram(
      "up",
      `const web = new hosting.serverpilot.Server("web", { name: "Not A Hostname!" });
new hosting.serverpilot.SysUser("deployer", { serverId: web.id, name: "deployer" });`,
    ).finished;
    expect(output).toContain("error: hosting:serverpilot:Server web: name: may contain only lowercase letters");
    expect(output.match(/error:/g)).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).not.toContain("failed to register new resource");
    expect(code).toBe(1);
  });

  it("reports the provider's reason for refusing a function, once, with no stack trace", async () => {
    // The stack has only ServerPilot's credentials.
    const { code, output } = await runProgram("preview", `hosting.combell.getServicepacksOutput();`).finished;
    expect(output).toMatch(/error: hosting:combell:getServicepacks: .*combellApiKey/);
    expect(output.match(/error:/g)).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(code).toBe(1);
  });

  it("keeps in the state what was created before another resource failed", async () => {
    const { code, output } = await runProgram(
      "up",
      `new hosting.serverpilot.Server("good", { name: "good1" });
new hosting.serverpilot.Server("bad", { name: "Bad!" });`,
    ).finished;
    expect(output).toContain("error: hosting:serverpilot:Server bad: name:");
    expect(code).toBe(1);
    expect(savedStack().resources.map((r) => r.urn.split("::").at(-1))).toEqual(["good"]);
  });

  it("writes the state (API keys, passwords) readable by its owner only, whatever the file's mode was", async () => {
    expect(statSync(join(work, "stack.json")).mode & 0o777).toBe(0o644);
    const { code } = await runProgram("up", `new hosting.serverpilot.Server("web", { name: "web1" });`).finished;
    expect(code).toBe(0);
    expect(statSync(join(work, "stack.json")).mode & 0o777).toBe(0o600);
    expect(savedStack().resources).toHaveLength(1);
  });

  it("shows each changed value, secrets masked", async () => {
    await runProgram("up", `new hosting.serverpilot.Server("web", { name: "web1", firewall: true });`).finished;
    const { code, output } = await runProgram("preview", `new hosting.serverpilot.Server("web", { name: "web1", firewall: false });`).finished;
    expect(code).toBe(0);
    expect(output).toMatch(/^~ {2}hosting:serverpilot:Server web update {2}\[~firewall: true => false\]$/m);
  });

  it("as the engine, refuses to replace or destroy a protected resource until the program unprotects it", async () => {
    const server = (name: string, protect: boolean) => `new hosting.serverpilot.Server("web", { name: "${name}" }, { protect: ${protect} });`;
    const servers = () => [...sandbox.store.servers.values()].filter((s) => s.name === "web1").length;
    const before = servers();
    expect((await runProgram("up", server("web1", true)).finished).code).toBe(0);
    expect(savedStack().resources[0].protect).toBe(true);
    // A new name replaces a server.
    const replace = await runProgram("preview", server("web2", true)).finished;
    expect(replace.output).toMatch(/unable to replace resource "urn:\S+Server::web"\nas it is currently marked for protection\./);
    expect(replace.code).toBe(1);
    // Removed from the program, it would be deleted: the preview already refuses, as the engine's does.
    const removed = await runProgram("preview", "").finished;
    expect(removed.output).toMatch(/Server::web cannot be deleted because it is protected/);
    expect(removed.code).toBe(1);
    const destroy = await runProgram("destroy", server("web1", true)).finished;
    expect(destroy.output).toMatch(/Server::web cannot be deleted because it is protected\. To unprotect the resource, either remove the `protect` flag/);
    expect(destroy.code).toBe(1);
    expect(servers()).toBe(before + 1);
    expect((await runProgram("up", server("web1", false)).finished).code).toBe(0);
    expect(savedStack().resources[0].protect).toBeUndefined();
    expect((await runProgram("destroy", server("web1", false)).finished).code).toBe(0);
    expect(servers()).toBe(before);
  });

  it("on SIGINT cancels the running step, saves the state, stops the plugin and exits 130", async () => {
    sandbox.setActionDelay(60_000);
    const requestsBefore = sandbox.requests.length;
    const run = runProgram("up", `new hosting.serverpilot.Server("web", { name: "web1" });`);
    while (sandbox.requests.length === requestsBefore) await new Promise((resolve) => setTimeout(resolve, 20));
    const started = descendantsOf(run.child.pid!);
    expect(started.length).toBeGreaterThan(0);
    run.child.kill("SIGINT");
    const { code, output } = await run.finished;
    expect(output).toContain("error: interrupted by SIGINT");
    expect(output).toMatch(/error: hosting:serverpilot:Server web: .*cancelled.*kept in the state as \w+, so the next up can finish it/);
    expect(code).toBe(130);
    for (const process of started) expect(isRunning(process.pid)).toBe(false);
    // Cancelled half-way: the server exists at ServerPilot, so the state must know it.
    expect(savedStack().resources.map((r) => r.type)).toEqual(["hosting:serverpilot:Server"]);
  });
});

describe("run-program at a terminal", () => {
  // `script` gives the run a pseudo-terminal, where colour is allowed.
  const atTerminal = (env: NodeJS.ProcessEnv) =>
    new Promise<string>((resolve) => {
      const programPath = join(work, "index.js");
      writeFileSync(programPath, `const hosting = require(${JSON.stringify(SDK)});\nnew hosting.serverpilot.Server("web", { name: "web1" });`);
      const command = [process.execPath, RUNNER, "preview", programPath, join(work, "stack.json")].map((a) => `'${a}'`).join(" ");
      const child = spawn("script", ["-qec", command, "/dev/null"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.once("exit", () => resolve(output));
    });

  const hasScript = spawnSync("script", ["--version"]).status === 0;

  it.skipIf(!hasScript)("colours only when NO_COLOR is not set", async () => {
    const coloured = await atTerminal({ NO_COLOR: "" });
    expect(coloured).toContain("hosting:serverpilot:Server web create");
    expect(coloured).toMatch(/\x1b\[/);
    const plain = await atTerminal({ NO_COLOR: "1" });
    expect(plain).toContain("hosting:serverpilot:Server web create");
    expect(plain).not.toMatch(/\x1b\[/);
  });
});
