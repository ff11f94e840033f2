import type { z } from "zod";
import { metaOf } from "./fields";
import { unwrap } from "./introspect";
import { wrapSecret, type PropertyMap } from "./values";

/**
 * Wraps every declared secret, at any depth, plus the top-level properties the user made secret
 * themselves (`pulumi.secret(...)`): a value that arrived secret leaves secret.
 */
export function wrapDeclaredSecrets(
  shape: Record<string, z.ZodType>,
  values: PropertyMap,
  alsoSecret: Iterable<string> = [],
): PropertyMap {
  const extra = new Set(alsoSecret);
  const out: PropertyMap = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const schema = shape[key];
    if (extra.has(key) || (schema && metaOf(schema)?.secret)) {
      out[key] = wrapSecret(value);
      continue;
    }
    const base = schema ? unwrap(schema).base : undefined;
    out[key] =
      base?.kind === "object" && value !== null && typeof value === "object" && !Array.isArray(value)
        ? wrapDeclaredSecrets(base.shape, value as PropertyMap)
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
