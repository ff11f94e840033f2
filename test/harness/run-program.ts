// Runs a real Pulumi program without the Pulumi CLI, one operation per process as the CLI does:
//   node dist/test/harness/run-program.js <preview|up|refresh|destroy> <program.js> <stack.json>
// The program runs under @pulumi/pulumi's mocks; every resource it registers is forwarded to
// the plugin process through the engine stand-in (Check, Diff, Create, Update, Delete over
// gRPC), and the stack's state is kept in <stack.json> between operations.
//
// As the engine does, a failed step stops new steps and lets the running ones finish; SIGINT or
// SIGTERM also cancels those (the provider's Cancel). Either way the state of what was done is
// saved, so nothing created is forgotten.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { unknown as UnknownOutput } from "@pulumi/pulumi/output";
import { isSecret, secret, UNKNOWN } from "../support/secrets";
import { CheckFailedError, Deployment, type ResourceState, type Step } from "./deployment";
import { PluginError, PluginProcess, type CheckFailure, type Props } from "./plugin";
import { MockedResources, packageOf, type MockedResource } from "./other-packages";
import { changesBetween, changesFromDetailedDiff, showChange, type PropertyChange } from "./property-changes";
import { ResourceLog } from "./resource-log";
import { recordSecret, ScanRecord } from "./scan-record";
import { writeSecretFile } from "./secret-file";
import { stderrStyle, stdoutStyle } from "./terminal-style";

/** What `<stack.json>` holds: the stack's config (as `pulumi config` would) and its state. */
export interface StackFile {
  project: string;
  stack: string;
  /** "project:key" or "hosting:key" -> value. */
  config: Record<string, string>;
  /** Keys whose values are secrets. */
  secretConfig: string[];
  resources: ResourceState[];
  /** Resources of other packages, answered by the mocks (see other-packages.ts). */
  mocked?: MockedResource[];
  outputs: Props;
}

type Operation = "preview" | "up" | "refresh" | "destroy";

/** A step the provider (or the engine stand-in) refused: the message says which resource and why. */
export class StepFailedError extends Error {
  constructor(
    readonly type: string,
    readonly name: string,
    readonly failure: unknown,
  ) {
    super(`${type} ${name}: ${reasonOf(failure)}`);
  }
}

/** A function (invoke) the provider refused: which one and why. */
export class InvokeFailedError extends Error {
  constructor(
    readonly token: string,
    readonly failure: unknown,
  ) {
    super(`${token}: ${reasonOf(failure)}`);
  }
}

/** The operation was stopped by a signal; the process should end with 128 + the signal's number. */
export class InterruptedError extends Error {
  constructor(readonly signal: "SIGINT" | "SIGTERM") {
    super(`interrupted by ${signal}`);
  }
  get exitCode(): number {
    return this.signal === "SIGINT" ? 130 : 143;
  }
}

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

export async function runOperation(
  operation: Operation,
  programPath: string,
  stackPath: string,
  options: { signal?: AbortSignal } = {},
): Promise<Step[]> {
  const stack = JSON.parse(readFileSync(stackPath, "utf8")) as StackFile;
  for (const key of stack.secretConfig) recordSecret(`stack config ${key} (secret)`, stack.config[key]);
  const log = new ResourceLog((line) => console.log(line));
  const plugin = await PluginProcess.start({ onLog: (entry) => log.add(entry) });
  // However this process ends, the plugin must not outlive it.
  const killPlugin = () => plugin.child.kill("SIGKILL");
  process.once("exit", killPlugin);
  const failure = new FirstFailure();
  const interrupt = () => {
    failure.record(options.signal!.reason);
    plugin.cancel().catch(() => undefined);
  };
  if (options.signal?.aborted) failure.record(options.signal.reason);
  options.signal?.addEventListener("abort", interrupt);
  // What @pulumi/pulumi rejects after a failed registration (the resource's outputs, its
  // dependents) is the same failure again; anything else is the program's own error.
  const onUnhandled = (error: unknown) => failure.record(error);
  process.on("unhandledRejection", onUnhandled);
  try {
    const providerConfig = Object.fromEntries(
      Object.entries(stack.config)
        .filter(([key]) => key.startsWith("hosting:"))
        .map(([key, value]) => [key.replace(/^hosting:/, "hosting:config:"), value]),
    );
    await plugin.configure(providerConfig);
    const deployment = new Deployment(plugin, stack.stack, stack.project);
    for (const resource of stack.resources) deployment.state.set(resource.urn, resource);
    const mocked = new MockedResources(stack.mocked);
    const reportMocked = (resource: MockedResource, op: keyof typeof symbols) =>
      console.log(`${symbols[op]} ${resource.type} ${resource.name} ${op} (mocked: no ${packageOf(resource.type)} plugin on this machine)`);

    const steps: Step[] = [];
    const report = (step: Step, type: string, changes: PropertyChange[] = []) => {
      steps.push(step);
      const symbol = step.op === "refresh" && changes.length === 0 ? "  " : symbols[step.op];
      const shown = changes.length > 0 ? `  [${changes.map(showChange).join(", ")}]` : "";
      console.log(`${symbol} ${type} ${step.urn.split("::").at(-1)} ${step.op}${shown}`);
      log.showUnder(step.urn);
    };
    /** One step outside the program (refresh, delete), not started once the run is stopping. */
    const attempt = async (urn: string, run: () => Promise<Step>, changes: (step: Step) => PropertyChange[] = () => []) => {
      if (failure.happened) return;
      const { type } = deployment.state.get(urn)!;
      try {
        const step = await run();
        report(step, type, changes(step));
      } catch (error) {
        log.flush(urn);
        failure.recordStep(new StepFailedError(type, urn.split("::").at(-1)!, error));
      }
    };

    if (operation === "refresh") {
      for (const urn of [...deployment.state.keys()]) {
        const before = deployment.state.get(urn)!;
        await attempt(urn, () => deployment.refresh(urn), (step) => (step.state ? changesBetween(before.outputs, step.state.outputs) : []));
      }
    } else if (operation === "destroy") {
      for (const resource of mocked.recorded().reverse()) reportMocked(resource, "delete");
      stack.mocked = [];
      for (const urn of [...deployment.state.keys()].reverse()) await attempt(urn, () => deployment.delete(urn));
      if (!failure.happened) stack.outputs = {};
    } else {
      const preview = operation === "preview";
      const registered = new Set<string>();
      const running = new Set<Promise<unknown>>();
      await pulumi.runtime.setMocks(
        {
          async newResource(args) {
            // Components (the stack among them) and providers have no provider-side life of their own.
            if (!args.custom) return { id: undefined, state: args.inputs };
            if (packageOf(args.type) !== "hosting") {
              const resource: MockedResource = { urn: deployment.urn(args.type, args.name), type: args.type, name: args.name, id: args.name, inputs: args.inputs, ...(args.provider ? { provider: args.provider } : {}) };
              const op = mocked.register(resource);
              reportMocked(resource, op);
              return { id: preview && op === "create" ? undefined : resource.id, state: args.inputs };
            }
            if (args.type.startsWith("pulumi:providers:")) return { id: "default", state: args.inputs };
            if (failure.happened) throw new Error(`${args.type} ${args.name} not started: the run is stopping`);
            const urn = deployment.urn(args.type, args.name);
            const before = deployment.state.get(urn);
            const inputs = toWire(args.inputs);
            const protect = protectedRegistrations.has(`${args.type}::${args.name}`);
            const registering = deployment.register(args.type, args.name, inputs, { preview, importId: args.id || undefined, protect });
            running.add(registering);
            try {
              const step = await registering;
              registered.add(step.urn);
              report(step, args.type, changesOf(step, before, inputs));
              return { id: step.state?.id || undefined, state: step.state?.outputs ?? {} };
            } catch (error) {
              log.flush(urn);
              failure.recordStep(new StepFailedError(args.type, args.name, error));
              throw error;
            } finally {
              running.delete(registering);
            }
          },
          async call(args) {
            try {
              const { result, failures } = await plugin.invoke(args.token, toWire(args.inputs));
              if (failures.length > 0) throw new CheckFailedError(args.token, failures);
              return result;
            } catch (error) {
              const failed = new InvokeFailedError(args.token, error);
              failure.record(failed);
              // @pulumi/pulumi reports a failed invoke by the error's gRPC `details` alone.
              throw Object.assign(new Error(failed.message), { details: failed.message });
            }
          },
        },
        stack.project,
        stack.stack,
        preview,
      );
      const protectedRegistrations = recordProtectOption();
      pulumi.runtime.setAllConfig(stack.config, stack.secretConfig);
      // The module's exports, not runInPulumiStack's result: that one has lost which values are secret.
      let exported: Record<string, unknown> = {};
      const program = (async () => {
        await pulumi.runtime.runInPulumiStack(async () => (exported = require(resolve(programPath))));
        // Every registration the program started must finish before deletes are decided.
        await (require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> }).waitForRPCs();
      })();
      await Promise.race([program.catch((error) => failure.record(error)), failure.settled]);
      while (running.size > 0) await Promise.allSettled([...running]);
      if (!failure.happened) {
        // Resources the program no longer declares are deleted, dependents first.
        for (const urn of [...deployment.state.keys()].reverse()) {
          if (registered.has(urn)) continue;
          await attempt(urn, () => deployment.delete(urn, { preview }));
        }
      }
      if (!failure.happened) {
        for (const resource of mocked.dropped().reverse()) reportMocked(resource, "delete");
        if (!preview) stack.mocked = mocked.registered();
        const outputs = await resolveOutputs(exported);
        if (!preview) stack.outputs = outputs;
        printOutputs(outputs);
      }
    }
    log.flush();
    if (operation !== "preview") {
      stack.resources = [...deployment.state.values()];
      writeSecretFile(stackPath, JSON.stringify(stack, null, 2));
      recordStack(operation, stack);
    }
    const counts = new Map<string, number>();
    for (const step of steps) counts.set(step.op, (counts.get(step.op) ?? 0) + 1);
    console.log(`Resources: ${[...counts].map(([op, n]) => `${n} ${op}`).join(", ") || "none"}`);
    if (failure.happened) throw failure.error;
    return steps;
  } finally {
    // After a failure, its consequences keep being rejected until the process exits.
    if (!failure.happened) process.off("unhandledRejection", onUnhandled);
    options.signal?.removeEventListener("abort", interrupt);
    await plugin.stop();
    process.off("exit", killPlugin);
  }
}

/** The stack file as the secret scan sees it: its secret config is encrypted in a real stack, the rest is plain. */
function recordStack(operation: Operation, stack: StackFile): void {
  const record = ScanRecord.open("stack");
  const plainConfig = Object.fromEntries(Object.entries(stack.config).filter(([key]) => !stack.secretConfig.includes(key)));
  record.props(`stack after ${operation}: config`, plainConfig);
  for (const resource of stack.resources) record.props(`stack after ${operation}: ${resource.urn}`, resource);
  for (const resource of stack.mocked ?? []) record.props(`stack after ${operation}: ${resource.urn} (mocked)`, resource);
  record.props(`stack after ${operation}: outputs`, stack.outputs);
  record.close();
}

/** The first thing that went wrong stops the run; steps already running may fail after it. */
class FirstFailure {
  happened = false;
  error: unknown;
  private announce!: () => void;
  /** Resolves when the first failure is recorded. */
  readonly settled = new Promise<void>((resolve) => (this.announce = resolve));

  /** False when another failure came first. */
  record(error: unknown): boolean {
    if (this.happened) return false;
    this.happened = true;
    this.error = error;
    this.announce();
    return true;
  }

  /** A step of its own that failed after the first failure: the user needs its reason too. */
  recordStep(error: StepFailedError): void {
    if (!this.record(error)) console.error(`${stderrStyle.red("error:")} ${error.message}`);
  }
}

/**
 * The mocks' newResource does not see a resource's options; the monitor's request does. Which
 * registrations asked for `protect`, as "type::name".
 */
function recordProtectOption(): Set<string> {
  const monitor = (require("@pulumi/pulumi/runtime/settings") as { getMonitor(): any }).getMonitor();
  const protectedRegistrations = new Set<string>();
  const registerResource = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: any, callback: unknown) => {
    if (request.getProtect()) protectedRegistrations.add(`${request.getType()}::${request.getName()}`);
    return registerResource(request, callback);
  };
  return protectedRegistrations;
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

function reasonOf(cause: unknown): string {
  const failures: CheckFailure[] | undefined =
    cause instanceof CheckFailedError ? cause.failures : cause instanceof PluginError && cause.propertyErrors?.length ? cause.propertyErrors : undefined;
  if (failures) {
    const lines = failures.map((f) => `${f.property ? `${f.property}: ` : ""}${f.reason}`);
    return lines.length === 1 ? lines[0] : `${lines.length} problems:\n${lines.map((line) => `    ${line}`).join("\n")}`;
  }
  if (cause instanceof PluginError && cause.initFailure) {
    return `${cause.message} (kept in the state as ${cause.initFailure.id}, so the next up can finish it)`;
  }
  return cause instanceof Error ? cause.message : String(cause);
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

/** A provider's refusal is the user's to act on: its message, no stack. Anything else is a bug: its stack. */
function describeFailure(error: unknown): string {
  if (error instanceof StepFailedError || error instanceof InvokeFailedError || error instanceof InterruptedError || error instanceof PluginError) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

if (require.main === module) {
  const [operation, program, stackFile] = process.argv.slice(2);
  if (!["preview", "up", "refresh", "destroy"].includes(operation) || !program || !stackFile) {
    console.error("usage: run-program <preview|up|refresh|destroy> <program.js> <stack.json>");
    process.exit(2);
  }
  const stopping = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      const interrupted = new InterruptedError(signal);
      // A second signal does not wait for the running steps.
      if (stopping.signal.aborted) process.exit(interrupted.exitCode);
      stopping.abort(interrupted);
    });
  }
  runOperation(operation as Operation, program, stackFile, { signal: stopping.signal }).then(
    () => process.exit(0),
    (error) => {
      console.error(`${stderrStyle.red("error:")} ${describeFailure(error)}`);
      process.exit(error instanceof InterruptedError ? error.exitCode : 1);
    },
  );
}
