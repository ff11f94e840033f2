// What the Pulumi engine does with a provider during `preview`, `up`, `refresh`, `import` and
// `destroy`, reduced to its steps: Check, then Create / Diff+Update / replace / Read / Delete,
// with a state of checked inputs and outputs kept as the engine keeps it (secrets wrapped).
import { PluginError, urnOf, type DiffResult, type PluginProcess, type Props } from "./plugin";

export interface ResourceState {
  urn: string;
  type: string;
  id: string;
  /** Checked inputs, as the engine stores them. */
  inputs: Props;
  /** Inputs and outputs. */
  outputs: Props;
  /** Why the last create or update did not finish; the next `up` updates it even without a diff. */
  initErrors?: string[];
  /** The `protect` option: the engine refuses to delete or replace the resource. */
  protect?: boolean;
}

export type StepOp = "create" | "update" | "replace" | "same" | "import" | "delete" | "refresh" | "gone";

export interface Step {
  op: StepOp;
  urn: string;
  diff?: DiffResult;
  /** The state after the step (for preview: the planned state, with unknowns). */
  state?: ResourceState;
  /** For an import: the inputs Read returned, before Check. */
  readInputs?: Props;
}

export class CheckFailedError extends Error {
  constructor(
    readonly urn: string,
    readonly failures: { property: string; reason: string }[],
  ) {
    super(`${urn} has problems:\n${failures.map((f) => `  ${f.property ? `${f.property}: ` : ""}${f.reason}`).join("\n")}`);
  }
}

/** What the engine says when a step would delete a protected resource. */
export class ProtectedError extends Error {
  constructor(urn: string, step: "deleted" | "replaced") {
    super(
      step === "replaced"
        ? // The step generator's words: only the program can unprotect what it would replace.
          `unable to replace resource "${urn}"\nas it is currently marked for protection. To unprotect the resource, ` +
            "remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`"
        : `resource ${urn} cannot be deleted because it is protected. To unprotect the resource, either remove the \`protect\` flag ` +
            `from the resource in your Pulumi program and run \`pulumi up\`, or use the command: \`pulumi state unprotect ${urn}\``,
    );
  }
}

export class Deployment {
  /** In registration order, as the engine's snapshot. */
  readonly state = new Map<string, ResourceState>();
  /**
   * Replaced resources not deleted yet, kept as the engine keeps them (`delete: true` in its
   * snapshot) when the replacement's create failed half-way or the old one's delete failed: the
   * next deployment deletes them first (the engine's GeneratePendingDeletes).
   */
  readonly pendingDeletes: ResourceState[] = [];

  constructor(
    readonly plugin: PluginProcess,
    readonly stack = "test",
    readonly project = "test",
  ) {}

  urn(type: string, name: string): string {
    return urnOf(type, name, this.stack, this.project);
  }

  /** One resource registration: what `up` (or `preview`) does for a resource in the program. */
  async register(
    type: string,
    name: string,
    inputs: Props,
    options: { preview?: boolean; importId?: string; timeout?: number; protect?: boolean } = {},
  ): Promise<Step> {
    const urn = this.urn(type, name);
    if (!options.preview) await this.deletePending();
    const old = this.state.get(urn);
    const protect = options.protect || undefined;
    if (options.importId && !old) return this.import(type, name, options.importId, inputs, protect);
    const checked = await this.plugin.check(urn, old?.inputs, inputs);
    if (checked.failures.length > 0) throw new CheckFailedError(urn, checked.failures);
    if (!old) {
      const created = await this.createOrRecord(urn, type, checked.inputs, { ...options, protect });
      return { op: "create", urn, state: created };
    }
    const diff = await this.plugin.diff(urn, old.id, old.outputs, checked.inputs, old.inputs);
    // As the engine's step generator: a resource with init errors gets an update even when the
    // diff is empty, so the provider can finish what was left undone.
    if (!diff.changes && !old.initErrors?.length) {
      // As the engine's SameStep: the program's inputs are recorded, with the old outputs.
      const same = { ...old, inputs: checked.inputs, protect };
      if (!options.preview) this.state.set(urn, same);
      return { op: "same", urn, diff, state: same };
    }
    if (diff.replaces.length > 0) {
      // As the engine: a program may unprotect and replace in one run, so both must be protected.
      if (old.protect && protect) throw new ProtectedError(urn, "replaced");
      if (options.preview) {
        const planned = await this.plugin.create(urn, checked.inputs, { preview: true });
        return { op: "replace", urn, diff, state: { urn, type, id: "", inputs: checked.inputs, outputs: planned.properties } };
      }
      if (diff.deleteBeforeReplace) {
        await this.plugin.delete(urn, old.id, old.outputs, { oldInputs: old.inputs, timeout: options.timeout });
        this.state.delete(urn);
        const created = await this.createOrRecord(urn, type, checked.inputs, { ...options, protect });
        return { op: "replace", urn, diff, state: created };
      }
      // As the engine: the old one is pending deletion from the moment its replacement's create
      // ran, half-done or not, until its delete succeeds.
      let created: ResourceState;
      try {
        created = await this.createOrRecord(urn, type, checked.inputs, { ...options, protect });
      } catch (error) {
        if (this.state.get(urn) !== old) this.pendingDeletes.push(old);
        throw error;
      }
      try {
        await this.plugin.delete(urn, old.id, old.outputs, { oldInputs: old.inputs, timeout: options.timeout });
      } catch (error) {
        this.pendingDeletes.push(old);
        throw error;
      }
      return { op: "replace", urn, diff, state: created };
    }
    let outputs: Props;
    try {
      outputs = await this.plugin.update(urn, old.id, old.outputs, checked.inputs, {
        preview: options.preview,
        timeout: options.timeout,
        oldInputs: old.inputs,
      });
    } catch (error) {
      // As the engine: a partial update keeps the program's inputs and the provider's properties.
      if (error instanceof PluginError && error.initFailure && !options.preview) {
        const { properties, reasons } = error.initFailure;
        this.state.set(urn, { urn, type, id: old.id, inputs: checked.inputs, outputs: properties, initErrors: reasons, protect });
      }
      throw error;
    }
    const next = { urn, type, id: old.id, inputs: checked.inputs, outputs, protect };
    if (!options.preview) this.state.set(urn, next);
    return { op: "update", urn, diff, state: next };
  }

  /** `pulumi import` / the `import` option: Read with only the id, then Check and Diff the program against it. */
  async import(type: string, name: string, id: string, programInputs?: Props, protect?: boolean): Promise<Step> {
    const urn = this.urn(type, name);
    const read = await this.plugin.read(urn, id);
    if (!read.id) throw new Error(`resource ${id} of type ${type} does not exist`);
    // As the engine does: the read inputs are the olds of Check.
    const checked = await this.plugin.check(urn, read.inputs, programInputs ?? read.inputs);
    if (checked.failures.length > 0) throw new CheckFailedError(urn, checked.failures);
    const diff = await this.plugin.diff(urn, read.id, read.properties, checked.inputs, read.inputs);
    // As the engine does: the checked inputs become the state's inputs.
    const state = { urn, type, id: read.id, inputs: checked.inputs, outputs: read.properties, protect };
    this.state.set(urn, state);
    return { op: "import", urn, diff, state, readInputs: read.inputs };
  }

  /** `pulumi refresh` for one resource: Read with the stored state. */
  async refresh(urn: string): Promise<Step> {
    const old = this.state.get(urn)!;
    let read: Awaited<ReturnType<PluginProcess["read"]>>;
    try {
      read = await this.plugin.read(urn, old.id, old.outputs, old.inputs);
    } catch (error) {
      // As the engine: a resource Read finds unfinished is kept as it says, still marked unfinished.
      if (!(error instanceof PluginError && error.initFailure)) throw error;
      const { id, properties, inputs, reasons } = error.initFailure;
      const state = { ...old, id: id || old.id, inputs, outputs: properties, initErrors: reasons };
      this.state.set(urn, state);
      return { op: "refresh", urn, state };
    }
    if (!read.id) {
      this.state.delete(urn);
      return { op: "gone", urn };
    }
    // As the engine: the id Read returns is recorded (a provisional id becomes the real one),
    // and a Read that succeeds clears the resource's init errors.
    const state = { ...old, id: read.id, inputs: read.inputs, outputs: read.properties, initErrors: undefined };
    this.state.set(urn, state);
    return { op: "refresh", urn, state };
  }

  /** As the engine's DeleteStep, which refuses a protected resource in a preview too. */
  async delete(urn: string, options: { timeout?: number; preview?: boolean } = {}): Promise<Step> {
    const old = this.state.get(urn)!;
    if (old.protect) throw new ProtectedError(urn, "deleted");
    if (options.preview) return { op: "delete", urn };
    await this.plugin.delete(urn, old.id, old.outputs, { oldInputs: old.inputs, timeout: options.timeout });
    this.state.delete(urn);
    return { op: "delete", urn };
  }

  /** What the previous deployment left pending deletion, oldest first; one that fails stays pending. */
  async deletePending(options: { timeout?: number } = {}): Promise<void> {
    while (this.pendingDeletes.length > 0) {
      const old = this.pendingDeletes[0];
      await this.plugin.delete(old.urn, old.id, old.outputs, { oldInputs: old.inputs, timeout: options.timeout });
      this.pendingDeletes.shift();
    }
  }

  /** `pulumi destroy`: what is pending deletion, then dependents first (reverse registration order). */
  async destroyAll(): Promise<Step[]> {
    await this.deletePending();
    const steps: Step[] = [];
    for (const urn of [...this.state.keys()].reverse()) steps.push(await this.delete(urn));
    return steps;
  }

  private async createOrRecord(
    urn: string,
    type: string,
    inputs: Props,
    options: { preview?: boolean; timeout?: number; protect?: boolean },
  ): Promise<ResourceState> {
    const { protect } = options;
    try {
      const created = await this.plugin.create(urn, inputs, options);
      const state = { urn, type, id: created.id, inputs, outputs: created.properties, protect };
      if (!options.preview) this.state.set(urn, state);
      return state;
    } catch (error) {
      // The engine keeps a half-created resource, so the next `up` can finish or delete it. Like
      // the engine (provider_plugin.go), it keeps the program's inputs, not the error's.
      if (error instanceof PluginError && error.initFailure) {
        const { id, properties, reasons } = error.initFailure;
        this.state.set(urn, { urn, type, id, inputs, outputs: properties, initErrors: reasons, protect });
      }
      throw error;
    }
  }
}
