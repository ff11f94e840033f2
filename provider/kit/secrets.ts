import type { z } from "zod";
import { metaOf } from "./fields";
import { unwrap } from "./introspect";
import { wrapSecret, type PropertyMap } from "./values";

/**
 * Wraps every declared secret, at any depth, plus every path that arrived secret (the user's
 * `pulumi.secret(...)`): a value that arrived secret leaves secret, and nothing else is hidden.
 */
export function wrapDeclaredSecrets(
  shape: Record<string, z.ZodType>,
  values: PropertyMap,
  secretPaths: Iterable<string> = [],
): PropertyMap {
  const paths = [...secretPaths];
  const out: PropertyMap = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const schema = shape[key];
    if (paths.includes(key) || (schema && metaOf(schema)?.secret)) {
      out[key] = wrapSecret(value);
      continue;
    }
    const base = schema ? unwrap(schema).base : undefined;
    const nested = paths.filter((p) => p.startsWith(`${key}.`)).map((p) => p.slice(key.length + 1));
    const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
    out[key] = isObject && (base?.kind === "object" || nested.length > 0)
      ? wrapDeclaredSecrets(base?.kind === "object" ? base.shape : {}, value as PropertyMap, nested)
      : value;
  }
  return out;
}

/** Every string inside a declared secret, so it can be scrubbed from messages. */
export function declaredSecretStrings(shape: Record<string, z.ZodType>, values: PropertyMap): string[] {
  const found: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    if (metaOf(schema)?.secret) {
      if (typeof value === "string") found.push(value);
      continue;
    }
    const { base } = unwrap(schema);
    if (base.kind === "object" && typeof value === "object" && !Array.isArray(value)) {
      found.push(...declaredSecretStrings(base.shape, value as PropertyMap));
    }
  }
  return found;
}
