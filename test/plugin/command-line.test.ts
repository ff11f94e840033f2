// The plugin binary's command line, as a person or the engine meets it: the real binary,
// spawned. The engine passes `[--logtostderr] [-v=N] [--tracing X] <engine address>` (the
// Pulumi CLI's buildPluginArguments); anything else must fail fast, never serve or hang.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLUGIN_PATH } from "../harness/plugin";
import { packageRoot } from "../../provider/version";

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const HANG_LIMIT_MS = 10_000;

/** Runs the plugin to its end; a plugin still running after the limit is killed and fails the test. */
function runToEnd(args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(PLUGIN_PATH, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`plugin ${args.join(" ")} still running after ${HANG_LIMIT_MS} ms; stdout: ${stdout}`));
    }, HANG_LIMIT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the plugin and resolves with its first stdout line, then stops it. */
function firstLineWhileServing(args: string[]): Promise<{ line: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PLUGIN_PATH, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const exitedEarly = (code: number | null) => reject(new Error(`plugin exited with ${code} before serving: ${stderr}`));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline < 0) return;
      child.off("exit", exitedEarly);
      child.once("exit", () => resolve({ line: stdout.slice(0, newline), stderr }));
      child.kill("SIGTERM");
    });
    child.once("exit", exitedEarly);
  });
}

const version = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version as string;

describe("pulumi-resource-hosting's command line", () => {
  it("--help explains how the engine runs it, on stdout, and exits 0", async () => {
    const { code, stdout, stderr } = await runToEnd(["--help"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("Usage: pulumi-resource-hosting [--logtostderr] [-v=N] [--tracing <address>] <engine address>");
    expect(stdout).toMatch(/Pulumi engine starts it/);
    expect(stdout).toMatch(/never run it by hand/);
  });

  it("--version prints the package version and exits 0", async () => {
    expect(await runToEnd(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each([
    [["hello"], '"hello" is not an engine address'],
    [["127.0.0.1"], '"127.0.0.1" is not an engine address'],
    [["127.0.0.1:0"], '"127.0.0.1:0" is not an engine address'],
    [["127.0.0.1:70000"], '"127.0.0.1:70000" is not an engine address'],
    [["::1:1234"], '"::1:1234" is not an engine address'],
    [["[::1]"], '"[::1]" is not an engine address'],
    [["--bogus"], 'unknown flag "--bogus"'],
    [["-v"], 'unknown flag "-v"'],
    [["-v", "3", "127.0.0.1:1234"], 'unknown flag "-v"'],
    [["-v=loud"], '"-v=loud": the level must be a whole number'],
    [["--tracing=127.0.0.1:1"], 'unknown flag "--tracing=127.0.0.1:1"'],
    [["--tracing"], "--tracing needs the tracing endpoint after it"],
    [["--tracing", "--logtostderr", "127.0.0.1:1234"], "--tracing needs the tracing endpoint after it"],
    [["127.0.0.1:1234", "127.0.0.1:5678"], 'unexpected second engine address "127.0.0.1:5678"'],
  ])("refuses %j with exit code 2, naming the argument on stderr", async (args, message) => {
    const { code, stdout, stderr } = await runToEnd(args);
    expect(stdout).toBe("");
    expect(stderr).toContain(`pulumi-resource-hosting: ${message}`);
    expect(stderr).toContain("--help");
    expect(code).toBe(2);
  });

  it.each([
    [["127.0.0.1:1234"]],
    [["[::1]:1234"]],
    [["localhost:1234"]],
    [["--logtostderr", "-v=9", "--tracing", "127.0.0.1:4318", "127.0.0.1:1234"]],
    [[]],
  ])("serves with %j: its port is the first line of stdout", async (args) => {
    const { line, stderr } = await firstLineWhileServing(args);
    expect(line).toMatch(/^\d+$/);
    expect(stderr).toBe("");
  });
});
