// An example program run as a user runs it, one operation per process: the built runner
// (dist/test/harness/run-program.js) on the built example (dist/examples/<name>/index.js), with
// the stack's config and state in a file of its own between operations.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StackFile } from "../harness/run-program";
import { ScanRecord } from "../harness/scan-record";
import { writeSecretFile } from "../harness/secret-file";
import { packageRoot } from "../../provider/version";

export interface ExampleRun {
  code: number | null;
  /** Everything the runner printed, stdout and stderr interleaved, as a terminal shows it. */
  output: string;
}

export function runExample(example: string, operation: "preview" | "up" | "refresh" | "destroy", stackFile: string): Promise<ExampleRun> {
  const runner = join(packageRoot(), "dist/test/harness/run-program.js");
  const program = join(packageRoot(), `dist/examples/${example}/index.js`);
  const child = spawn(process.execPath, [runner, operation, program, stackFile], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  return new Promise((resolve) =>
    // "close", not "exit": the output is whole only once both streams have ended.
    child.once("close", (code) => {
      const record = ScanRecord.open("example");
      record.text(`${example} ${operation} output`, output);
      record.close();
      resolve({ code, output });
    }),
  );
}

/** A new stack with no resources yet: `pulumi config set` for each key, `--secret` for those in `secretConfig`. */
export function writeNewStack(stackFile: string, project: string, config: Record<string, string>, secretConfig: string[]): void {
  const stack: StackFile = { project, stack: "dev", config, secretConfig, resources: [], outputs: {} };
  writeSecretFile(stackFile, JSON.stringify(stack, null, 2));
}

/** `pulumi config set` on a stack that already has state. */
export function setConfig(stackFile: string, key: string, value: string): void {
  const stack = readStack(stackFile);
  stack.config[key] = value;
  writeSecretFile(stackFile, JSON.stringify(stack, null, 2));
}

export function readStack(stackFile: string): StackFile {
  return JSON.parse(readFileSync(stackFile, "utf8")) as StackFile;
}
