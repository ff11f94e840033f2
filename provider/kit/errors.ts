import type { PropertyMap } from "./values";

/** A property that breaks a rule. `property` is a path such as "user.password". */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** Bad input found after Check (for example, rejected by the API): names the property and the rule. */
export class InputError extends Error {
  constructor(readonly failures: CheckFailure[]) {
    super(failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason)).join("; "));
    this.name = "InputError";
  }
}

/**
 * The resource exists but a later step of creating it failed. Pulumi keeps it in the state with
 * this id and these properties, so the next `up` repairs or deletes it instead of leaking it.
 */
export class ResourceInitError extends Error {
  constructor(
    readonly id: string,
    readonly state: { inputs: PropertyMap; outputs: PropertyMap },
    readonly reason: string,
  ) {
    super(reason);
    this.name = "ResourceInitError";
  }
}

/**
 * Runs the steps that follow the API's create answer (waiting for the action, applying settings
 * the create call cannot take). A failure there leaves a resource that exists, so it becomes a
 * ResourceInitError carrying the id: Pulumi records it, and the provider reads its real state.
 */
export async function finishCreate(
  id: string,
  inputs: object,
  knownOutputs: PropertyMap,
  steps: () => Promise<void>,
): Promise<void> {
  try {
    await steps();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ResourceInitError(id, { inputs: inputs as PropertyMap, outputs: knownOutputs }, `created ${id}, but then: ${reason}`);
  }
}
