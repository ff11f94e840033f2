import { fieldOf, unwrap } from "../kit/introspect";
import type { Adopted, Reference } from "./adopted";
import { positionsBy } from "./positions";

// An input that holds another adopted resource's id or name becomes a reference to it, as a
// program written by hand would have it: `serverId: server.id`, `accountId: account.id.apply(Number)`,
// a record's `domainName: domain.domainName`. The input's key says which kind it points to:
// `<kind>Id` an id, `<kind><Property>` that kind's property of the same key.

/**
 * What each resource refers to among `all`: the first of them, in their order, that its input
 * names. Indexed by kind and id, and by kind and input value, so that thousands of records of
 * one domain link in one pass.
 */
export function referenceFinder(all: readonly Adopted[]): (resource: Adopted) => Reference[] {
  const kinds = new Map<string, Set<string>>();
  for (const other of all) kinds.set(other.module, (kinds.get(other.module) ?? new Set()).add(other.kind.toLowerCase()));
  const kindOf = (other: Adopted) => `${other.module}\0${other.kind.toLowerCase()}`;
  const byId = positionsBy(all, (other) => [`${kindOf(other)}\0${other.id}`]);
  const byInput = positionsBy(all, (other) =>
    Object.entries(other.inputs).flatMap(([key, value]) => (typeof value === "string" || typeof value === "number" ? [`${kindOf(other)}\0${inputKey(key, value)}`] : [])),
  );
  return (resource) => {
    const references: Reference[] = [];
    const own = resource.kind.toLowerCase();
    for (const [key, value] of Object.entries(resource.inputs)) {
      if (typeof value !== "string" && typeof value !== "number") continue;
      const lowerKey = key.toLowerCase();
      let first: number | undefined;
      for (const kind of kinds.get(resource.module) ?? []) {
        if (kind === own) continue;
        // `<kind>Id` holds that kind's id; any other `<kind>...` key, that kind's input of the same key.
        const found =
          lowerKey === `${kind}id`
            ? byId.get(`${resource.module}\0${kind}\0${String(value)}`)
            : lowerKey.startsWith(kind)
              ? byInput.get(`${resource.module}\0${kind}\0${inputKey(key, value)}`)
              : undefined;
        if (found && (first === undefined || found[0] < first)) first = found[0];
      }
      if (first === undefined) continue;
      const target = all[first];
      const byIdReference = lowerKey === `${target.kind.toLowerCase()}id`;
      const schema = fieldOf(resource.resource.inputs, key);
      const numeric = byIdReference && schema !== undefined && ["integer", "number"].includes(unwrap(schema).base.kind);
      references.push({ key, target, property: byIdReference ? "id" : key, numeric });
    }
    return references;
  };
}

/** An input's key and value, told apart by type as === tells 7 from "7". */
const inputKey = (key: string, value: string | number) => `${key}\0${typeof value}\0${value}`;

/** The resources in an order where each comes after those it refers to; otherwise as found. */
export function dependencyOrder(resources: readonly Adopted[]): Adopted[] {
  const placed = new Set<Adopted>();
  const ordered: Adopted[] = [];
  const visit = (resource: Adopted, path: Set<Adopted>) => {
    if (placed.has(resource) || path.has(resource)) return;
    path.add(resource);
    for (const reference of resource.references) visit(reference.target, path);
    placed.add(resource);
    ordered.push(resource);
  };
  for (const resource of resources) visit(resource, new Set());
  return ordered;
}
