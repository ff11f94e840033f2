import type { Resource } from "../kit/resource";
import { declaredSecretStrings, wrapDeclaredSecrets } from "../kit/secrets";
import type { PropertyMap } from "../kit/values";
import { secrets } from "../http/redact";

// The state Pulumi stores for a resource, in wire form: inputs and outputs together, every
// declared secret and every value the user marked secret wrapped.

export function stateOf(
  resource: Pick<Resource, "inputs" | "outputs">,
  inputs: PropertyMap,
  outputs: PropertyMap,
  userSecrets: Iterable<string>,
): { properties: PropertyMap; inputs: PropertyMap } {
  const paths = [...userSecrets];
  const wrappedInputs = wrapDeclaredSecrets(resource.inputs, inputs, paths);
  return { inputs: wrappedInputs, properties: { ...wrappedInputs, ...wrapDeclaredSecrets(resource.outputs, outputs, paths) } };
}

/** The properties of `state` that `shape` declares. */
export function pick(shape: Resource["inputs"], state: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.keys(shape).filter((k) => k in state).map((k) => [k, state[k]]));
}

/** Registers every secret string for scrubbing: declared ones, and those that arrived wrapped. */
export function rememberSecrets(shape: Resource["inputs"], values: PropertyMap, arrivedSecret: Iterable<string> = []): void {
  for (const value of [...arrivedSecret, ...declaredSecretStrings(shape, values)]) secrets.add(value);
}
