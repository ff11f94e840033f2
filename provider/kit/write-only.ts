import type { z } from "zod";
import { metaOf } from "./fields";
import { unwrap } from "./introspect";
import type { PropertyMap } from "./values";

// Write-only values (passwords) cannot be read back. After an import the provider does not know
// them, so it records which ones it could not read (`UNREADABLE_KEY` in the state): for those,
// the program's value is taken as the truth instead of showing a diff nobody can resolve.

/** Hidden state property listing the write-only paths an import could not read. */
export const UNREADABLE_KEY = "__unreadable";

export function writeOnlyPaths(shape: Record<string, z.ZodType>, prefix = ""): string[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    if (metaOf(schema)?.writeOnly) return [prefix + key];
    const { base } = unwrap(schema);
    return base.kind === "object" ? writeOnlyPaths(base.shape, `${prefix}${key}.`) : [];
  });
}

/** The value at a dotted path of nested objects ("user.password"); own properties only. */
export function valueAt(values: PropertyMap | undefined, path: string): unknown {
  let current: unknown = values;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, part)) return undefined;
    current = (current as PropertyMap)[part];
  }
  return current;
}

/** The write-only paths that `observed` inputs lack: what an import cannot know. */
export function unreadablePaths(shape: Record<string, z.ZodType>, observed: PropertyMap): string[] {
  return writeOnlyPaths(shape).filter((path) => {
    const parent = path.includes(".") ? valueAt(observed, path.slice(0, path.lastIndexOf("."))) : observed;
    return parent !== undefined && valueAt(observed, path) === undefined;
  });
}

/** The paths a state (or an import's inputs) marks unreadable; anything else under the key is no path. */
export function unreadableOf(values: PropertyMap | undefined): Set<string> {
  const marked = values?.[UNREADABLE_KEY];
  return new Set(Array.isArray(marked) ? marked.filter((path): path is string => typeof path === "string") : []);
}
