import { fieldOf, unwrap } from "../kit/introspect";
import type { Adopted, Reference } from "./adopted";

// An input that holds another adopted resource's id or name becomes a reference to it, as a
// program written by hand would have it: `serverId: server.id`, `accountId: account.id.apply(Number)`,
// a record's `domainName: domain.domainName`. The input's key says which kind it points to:
// `<kind>Id` an id, `<kind><Property>` that kind's property of the same key.

export function findReferences(resource: Adopted, all: readonly Adopted[]): Reference[] {
  const references: Reference[] = [];
  for (const [key, value] of Object.entries(resource.inputs)) {
    if (typeof value !== "string" && typeof value !== "number") continue;
    const lowerKey = key.toLowerCase();
    const target = all.find((other) => {
      if (other === resource || other.module !== resource.module || other.kind === resource.kind) return false;
      const kind = other.kind.toLowerCase();
      if (lowerKey === `${kind}id`) return other.id === String(value);
      return lowerKey.startsWith(kind) && other.inputs[key] === value;
    });
    if (!target) continue;
    const byId = lowerKey === `${target.kind.toLowerCase()}id`;
    const schema = fieldOf(resource.resource.inputs, key);
    const numeric = byId && schema !== undefined && ["integer", "number"].includes(unwrap(schema).base.kind);
    references.push({ key, target, property: byId ? "id" : key, numeric });
  }
  return references;
}

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
