// Runs a real Pulumi program without the Pulumi CLI, one operation per process as the CLI does:
//   node dist/test/harness/run-program.js <preview|up|refresh|destroy> <program.js> <stack.json>
// The program runs under @pulumi/pulumi's mocks; every resource it registers is forwarded to
// the plugin process through the engine stand-in (Check, Diff, Create, Update, Delete over
// gRPC), and the stack's state is kept in <stack.json> between operations.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { unknown as UnknownOutput } from "@pulumi/pulumi/output";
import { isSecret, secret, UNKNOWN } from "../support/secrets";
import { Deployment, type ResourceState, type Step } from "./deployment";
import { PluginProcess, type Props } from "./plugin";
import { changesBetween, changesFromDetailedDiff, showChange, type PropertyChange } from "./property-changes";
import { ResourceLog } from "./resource-log";
import { writeSecretFile } from "./secret-file";
import { stdoutStyle } from "./terminal-style";

/** What `<stack.json>` holds: the stack's config (as `pulumi config` would) and its state. */
export interface StackFile {
  project: string;
  stack: string;
  /** "project:key" or "hosting:key" -> value. */
  config: Record<string, string>;
  /** Keys whose values are secrets. */
  secretConfig: string[];
  resources: ResourceState[];
  outputs: Props;
}

type Operation = "preview" | "up" | "refresh" | "destroy";

const symbols: Record<string, string> = {
  create: stdoutStyle.green("+ "),
  update: stdoutStyle.yellow("~ "),
  replace: stdoutStyle.magenta("+-"),
  delete: stdoutStyle.red("- "),
  same: "  ",
  import: stdoutStyle.cyan("= "),
  refresh: stdoutStyle.yellow("~ "),
  gone: stdoutStyle.red("- "),
};

export async function runOperation(operation: Operation, programPath: string, stackPath: string): Promise<Step[]> {
  const stack = JSON.parse(readFileSync(stackPath, "utf8")) as StackFile;
  const log = new ResourceLog((line) => console.log(line));
  const plugin = await PluginProcess.start({ onLog: (entry) => log.add(entry) });
  try {
    const providerConfig = Object.fromEntries(
      Object.entries(stack.config)
        .filter(([key]) => key.startsWith("hosting:"))
        .map(([key, value]) => [key.replace(/^hosting:/, "hosting:config:"), value]),
    );
    await plugin.configure(providerConfig);
    const deployment = new Deployment(plugin, stack.stack, stack.project);
    for (const resource of stack.resources) deployment.state.set(resource.urn, resource);

    const steps: Step[] = [];
    const report = (step: Step, type: string, changes: PropertyChange[] = []) => {
      steps.push(step);
      const symbol = step.op === "refresh" && changes.length === 0 ? "  " : symbols[step.op];
      const shown = changes.length > 0 ? `  [${changes.map(showChange).join(", ")}]` : "";
      console.log(`${symbol} ${type} ${step.urn.split("::").at(-1)} ${step.op}${shown}`);
      log.showUnder(step.urn);
    };

    if (operation === "refresh") {
      for (const urn of [...deployment.state.keys()]) {
        const before = deployment.state.get(urn)!;
        const step = await deployment.refresh(urn);
        report(step, before.type, step.state ? changesBetween(before.outputs, step.state.outputs) : []);
      }
    } else if (operation === "destroy") {
      for (const urn of [...deployment.state.keys()].reverse()) {
        const type = deployment.state.get(urn)!.type;
        report(await deployment.delete(urn), type);
      }
      stack.outputs = {};
    } else {
      const preview = operation === "preview";
      const registered = new Set<string>();
      await pulumi.runtime.setMocks(
        {
          async newResource(args) {
            // Components (the stack among them) and providers have no provider-side life of their own.
            if (!args.custom) return { id: undefined, state: args.inputs };
            if (args.type.startsWith("pulumi:providers:")) return { id: "default", state: args.inputs };
            const before = deployment.state.get(deployment.urn(args.type, args.name));
            const inputs = toWire(args.inputs);
            const step = await deployment.register(args.type, args.name, inputs, { preview, importId: args.id || undefined });
            registered.add(step.urn);
            report(step, args.type, changesOf(step, before, inputs));
            return { id: step.state?.id || undefined, state: step.state?.outputs ?? {} };
          },
          async call(args) {
            const { result, failures } = await plugin.invoke(args.token, toWire(args.inputs));
            if (failures.length > 0) throw new Error(failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
            return result;
          },
        },
        stack.project,
        stack.stack,
        preview,
      );
      pulumi.runtime.setAllConfig(stack.config, stack.secretConfig);
      // The module's exports, not runInPulumiStack's result: that one has lost which values are secret.
      let exported: Record<string, unknown> = {};
      await pulumi.runtime.runInPulumiStack(async () => (exported = require(resolve(programPath))));
      // Every registration the program started must finish before deletes are decided.
      await (require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> }).waitForRPCs();
      // Resources the program no longer declares are deleted, dependents first.
      for (const urn of [...deployment.state.keys()].reverse()) {
        if (registered.has(urn)) continue;
        const type = deployment.state.get(urn)!.type;
        report(preview ? { op: "delete", urn } : await deployment.delete(urn), type);
      }
      const outputs = await resolveOutputs(exported);
      if (!preview) stack.outputs = outputs;
      printOutputs(outputs);
    }
    log.flush();
    if (operation !== "preview") {
      stack.resources = [...deployment.state.values()];
      writeSecretFile(stackPath, JSON.stringify(stack, null, 2));
    }
    const counts = new Map<string, number>();
    for (const step of steps) counts.set(step.op, (counts.get(step.op) ?? 0) + 1);
    console.log(`Resources: ${[...counts].map(([op, n]) => `${n} ${op}`).join(", ") || "none"}`);
    return steps;
  } finally {
    await plugin.stop();
  }
}

function changesOf(step: Step, before: ResourceState | undefined, programInputs: Props): PropertyChange[] {
  if (!step.diff?.changes) return [];
  const old = before ?? step.state!;
  // An import's state is what was read; the new values are the program's.
  const news = step.op === "import" ? programInputs : step.state!.inputs;
  return Object.keys(step.diff.detailedDiff).length > 0
    ? changesFromDetailedDiff(step.diff.detailedDiff, old, news)
    : changesBetween(old.inputs, news);
}

/** Mocks hand inputs over deserialised; unknowns must go back to the wire sentinel. */
function toWire(value: unknown): any {
  if (value === UnknownOutput) return UNKNOWN;
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
}

async function resolveOutputs(exported: Record<string, unknown>): Promise<Props> {
  const out: Props = {};
  for (const [key, value] of Object.entries(exported)) {
    if (!pulumi.Output.isInstance(value)) {
      out[key] = value;
      continue;
    }
    const internal = value as unknown as { promise(withUnknowns?: boolean): Promise<unknown>; isKnown: Promise<boolean>; isSecret: Promise<boolean> };
    const [resolved, known, secretValue] = await Promise.all([internal.promise(true), internal.isKnown, internal.isSecret]);
    out[key] = !known ? UNKNOWN : secretValue ? secret(resolved) : resolved;
  }
  return out;
}

function printOutputs(outputs: Props): void {
  const entries = Object.entries(outputs);
  if (entries.length === 0) return;
  console.log("Outputs:");
  for (const [key, value] of entries) {
    const shown =
      value === UNKNOWN
        ? "output<string> (known after up)"
        : isSecret(value)
          ? "[secret]"
          : JSON.stringify(value);
    console.log(`    ${key}: ${shown}`);
  }
}

if (require.main === module) {
  const [operation, program, stackFile] = process.argv.slice(2);
  if (!["preview", "up", "refresh", "destroy"].includes(operation) || !program || !stackFile) {
    console.error("usage: run-program <preview|up|refresh|destroy> <program.js> <stack.json>");
    process.exit(2);
  }
  runOperation(operation as Operation, program, stackFile).then(
    () => process.exit(0),
    (error) => {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
