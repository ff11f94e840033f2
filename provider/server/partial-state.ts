import { observedInputs, reconcileInputs } from "../kit/reconcile";
import type { Resource } from "../kit/resource";
import type { PropertyMap } from "../kit/values";
import { operationFor, type OperationSource } from "./operation";
import { stateOf } from "./state";

/** How long reading back a half-done resource may take: Cancel and timeouts must stay prompt. */
const OBSERVE_TIMEOUT_SECONDS = 10;

/**
 * The resource exists but the operation did not finish. The engine keeps it with this id and
 * these properties (ErrorResourceInitFailed), so the next `up` shows the difference and finishes
 * the job, or deletes it, instead of leaking it. Properties are already in wire form.
 */
export class PartialStateError extends Error {
  constructor(
    readonly id: string,
    readonly properties: PropertyMap,
    readonly inputs: PropertyMap,
    message: string,
  ) {
    super(message);
    this.name = "PartialStateError";
  }
}

/**
 * Records a resource as it really is after `error` interrupted an operation on it: what the
 * API reports now, reconciled with what was last known (write-only values the API never returns
 * keep their last known value). When even the read fails, the last known state stands: the id
 * is never lost. Every secret, declared or marked by the user, stays wrapped.
 */
export async function recordPartialState(options: {
  source: OperationSource;
  resource: Resource;
  urn: string;
  id: string;
  /** The state to fall back on and to reconcile with. */
  known: { inputs: PropertyMap; outputs: PropertyMap };
  error: unknown;
  userSecrets: ReadonlySet<string>;
  /** "created x, but then: ..." for a create; the error's own message for an update. */
  describe: (reason: string) => string;
}): Promise<PartialStateError> {
  const { resource, id, known } = options;
  const operation = operationFor(options.source, resource, options.urn, OBSERVE_TIMEOUT_SECONDS, { signal: undefined });
  const read = await operation.run((ctx) => resource.read(ctx, id)).catch(() => undefined);
  const observed = read?.pending ? undefined : read;
  const inputs = observed ? observedInputs(resource, observed.inputs as PropertyMap, known.inputs) : known.inputs;
  const outputs = observed ? reconcileInputs(resource.outputs, observed.outputs as PropertyMap, known.outputs) : known.outputs;
  const state = stateOf(resource, inputs, outputs, options.userSecrets);
  const reason = options.error instanceof Error ? options.error.message : String(options.error);
  return new PartialStateError(id, state.properties, state.inputs, options.describe(reason));
}
