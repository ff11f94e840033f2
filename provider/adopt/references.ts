import { fieldOf, unwrap } from "../kit/introspect";
import type { Adopted, Reference } from "./adopted";

// An input that holds another adopted resource's id or name becomes a reference to it, as a
// program written by hand would have it: `serverId: server.id`, `accountId: account.id.apply(Number)`,
// a record's `domainName: domain.domainName`. The input's key says which kind it points to:
// `<kind>Id` an id, `<kind><Property>` that kind's property of the same key.

/**
 * What each resource refers to among `all`: the first of them, in their order, that its input
 * names. Looked up by id and by input value, so that thousands of records link in one pass.
 */
export function referenceFinder(all: readonly Adopted[]): (resource: Adopted) => Reference[] {
  const byId = new Map<string, number[]>();
  const byInput = new Map<string, number[]>();
  const index = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  for (const [i, other] of all.entries()) {
    index(byId, other.id, i);
    for (const [key, value] of Object.entries(other.inputs)) if (typeof value === "string" || typeof value === "number") index(byInput, inputKey(key, value), i);
  }
  return (resource) => {
    const references: Reference[] = [];
    for (const [key, value] of Object.entries(resource.inputs)) {
      if (typeof value !== "string" && typeof value !== "number") continue;
      const lowerKey = key.toLowerCase();
      const candidates = [...(byId.get(String(value)) ?? []), ...(byInput.get(inputKey(key, value)) ?? [])].sort((a, b) => a - b);
      const target = candidates
        .map((i) => all[i])
        .find((other) => {
          if (other === resource || other.module !== resource.module || other.kind === resource.kind) return false;
          const kind = other.kind.toLowerCase();
          if (lowerKey === `${kind}id`) return other.id === String(value);
          return lowerKey.startsWith(kind) && other.inputs[key] === value;
        });
      if (!target) continue;
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
