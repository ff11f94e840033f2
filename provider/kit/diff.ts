import type { z } from "zod";
import { metaOf } from "./fields";
import { fitsDeclaration } from "./fits";
import { fieldOf, unwrap } from "./introspect";
import { keyPath } from "./paths";
import type { Resource } from "./resource";
import { containsUnknown, isUnknown, UNKNOWN, type PropertyMap } from "./values";
import { valueAt } from "./write-only";

export type ChangeKind = "add" | "update" | "delete";

export interface PropertyChange {
  kind: ChangeKind;
  replace: boolean;
}

export interface DiffResult {
  /** Property path ("user.password", "domains") -> what changes there. */
  detailedDiff: Record<string, PropertyChange>;
  /** Top-level properties whose change forces a replacement. */
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Why the recorded state forces a replacement whatever the inputs (replaceWhen), if it does. */
  beyondRepair?: { output: string; reason: string };
}

/** The diff as an update sees it: which inputs the engine was told would change. */
export class Changes {
  constructor(readonly detailed: Readonly<Record<string, PropertyChange>>) {}

  /** True when `path` or anything inside it changes ("user" covers "user.password"). */
  has(path: string): boolean {
    return Object.keys(this.detailed).some((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  }

  get paths(): string[] {
    return Object.keys(this.detailed);
  }
}

/**
 * Compares the inputs last applied with the inputs now checked. Only inputs are compared:
 * outputs that drift on their own (timestamps, addresses) never show as changes, and a
 * write-only secret differs only when the user changed it. A value not known yet (preview) is
 * a change, and a replacement when a replace-on-change field may be inside it. For a resource
 * that manages only the inputs the program sets, an input (or map key) it stops setting is none.
 */
export function diffInputs(
  declaration: Pick<Resource, "inputs" | "uniqueKeys" | "managesOnlySetInputs" | "replaceWhen">,
  olds: PropertyMap,
  news: PropertyMap,
  /** Write-only paths whose old value was never known (imported): the program's value stands. */
  unreadable: ReadonlySet<string> = new Set(),
  /** The recorded state, outputs included, for `replaceWhen`. */
  recorded: PropertyMap = {},
): DiffResult {
  const detailedDiff: Record<string, PropertyChange> = {};
  diffShape(declaration.inputs, olds, news, "", false, detailedDiff);
  const beyondRepair = declaration.replaceWhen?.(recorded as never);
  if (beyondRepair) detailedDiff[beyondRepair.output] = { kind: "update", replace: true };
  for (const path of unreadable) if (valueAt(olds, path) === undefined) delete detailedDiff[path];
  // What the program stops setting is left as it is, which changes nothing.
  if (declaration.managesOnlySetInputs) for (const [path, change] of Object.entries(detailedDiff)) if (change.kind === "delete") delete detailedDiff[path];
  const replaces = [
    ...new Set(Object.entries(detailedDiff).filter(([, c]) => c.replace).map(([path]) => path.split(/[.[]/)[0])),
  ];
  let deleteBeforeReplace = false;
  // Old inputs that no longer fit the declaration hold no key that can be compared.
  if (replaces.length > 0 && declaration.uniqueKeys && fitsDeclaration(declaration.inputs, olds) && fitsDeclaration(declaration.inputs, news)) {
    // The replacement would be created under a unique name the old one still holds. A key not
    // known yet (the sentinel shows inside it) cannot be compared; one known and kept decides.
    const before = declaration.uniqueKeys(olds as never);
    const after = declaration.uniqueKeys(news as never);
    deleteBeforeReplace = after.some((key, i) => !key.includes(UNKNOWN) && key === before[i]);
  }
  return { detailedDiff, replaces, deleteBeforeReplace, ...(beyondRepair ? { beyondRepair } : {}) };
}

function diffShape(
  shape: Record<string, z.ZodType>,
  olds: PropertyMap,
  news: PropertyMap,
  prefix: string,
  parentReplaces: boolean,
  out: Record<string, PropertyChange>,
): void {
  for (const [key, schema] of Object.entries(shape)) {
    const replace = parentReplaces || metaOf(schema)?.replaceOnChanges === true;
    const path = prefix + key;
    const before = olds?.[key] ?? undefined;
    const after = news?.[key] ?? undefined;
    const { base } = unwrap(schema);
    if (base.kind === "object" && isPlainObject(before) && isPlainObject(after)) {
      // Field by field, so a password change inside `user` is not a replacement of it, and a
      // replace-on-change field stays one when its neighbour is not known yet.
      diffShape(base.shape, before, after, `${path}.`, replace, out);
      continue;
    }
    if (base.kind === "map" && isPlainObject(before) && isPlainObject(after)) {
      // Key by key, so a setting of one host name changes only that host name.
      diffMap(base.values, before, after, path, replace, out);
      continue;
    }
    if (isUnknown(after)) {
      out[path] = { kind: before === undefined ? "add" : "update", replace: replace || mayReplace(schema) };
      continue;
    }
    if (containsUnknown(after)) {
      out[path] = { kind: before === undefined ? "add" : "update", replace };
      continue;
    }
    if (sameValue(before, after, schema)) continue;
    const kind: ChangeKind = before === undefined ? "add" : after === undefined ? "delete" : "update";
    out[path] = { kind, replace };
  }
}

function diffMap(
  values: z.ZodType,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  property: string,
  replace: boolean,
  out: Record<string, PropertyChange>,
): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key] ?? undefined;
    const now = after[key] ?? undefined;
    const path = keyPath(property, key);
    if (containsUnknown(now)) {
      out[path] = { kind: was === undefined ? "add" : "update", replace: replace || (isUnknown(now) && mayReplace(values)) };
      continue;
    }
    if (sameValue(was, now, values)) continue;
    out[path] = { kind: was === undefined ? "add" : now === undefined ? "delete" : "update", replace };
  }
}

/** Whether a whole unknown value of this type could hold a replace-on-change change. */
function mayReplace(schema: z.ZodType): boolean {
  if (metaOf(schema)?.replaceOnChanges) return true;
  const { base } = unwrap(schema);
  return base.kind === "object" && Object.values(base.shape).some(mayReplace);
}

/** Equality as the API sees it: normalised at every depth, and order-free for unordered lists. */
export function sameValue(a: unknown, b: unknown, schema: z.ZodType): boolean {
  return canonical(a, schema) === canonical(b, schema);
}

function canonical(value: unknown, schema: z.ZodType): string {
  if (value === undefined || value === null) return "null";
  const meta = metaOf(schema);
  const v = meta?.normalize ? normalized(meta.normalize, value) : value;
  const { base } = unwrap(schema);
  if (base.kind === "object" && isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined && v[k] !== null).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${fieldOf(base.shape, k) ? canonical(v[k], base.shape[k]) : stableStringify(v[k])}`).join(",")}}`;
  }
  if (base.kind === "map" && isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined && v[k] !== null).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k], base.values)}`).join(",")}}`;
  }
  if (base.kind === "array" && Array.isArray(v)) {
    const items = v.map((item) => canonical(item, base.items));
    return `[${(meta?.unordered ? items.sort() : items).join(",")}]`;
  }
  return stableStringify(v);
}

/**
 * A field's normalize is written for the values its type allows, while an old value comes from a
 * state that an older version or a hand may have written: one it cannot normalise compares as it is.
 */
function normalized(normalize: (value: unknown) => unknown, value: unknown): unknown {
  try {
    return normalize(value);
  } catch {
    return value;
  }
}

export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
