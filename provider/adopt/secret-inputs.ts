import type { z } from "zod";
import { metaOf } from "../kit/fields";
import { unwrap } from "../kit/introspect";
import type { PropertyMap } from "../kit/values";

// A secret input (a password, an auth code) is never written into a file adoption makes: the
// program reads it from the stack's config instead. Write-only ones the API never returns
// (a database's password) cannot be recovered at all: the user sets them again.

/**
 * The secret inputs the program must set: those Read returned (dropped from `inputs` here, so
 * their values go nowhere) and the required ones it could not read. Nested objects are followed
 * where Read returned them.
 */
export function takeSecretInputs(shape: Record<string, z.ZodType>, inputs: PropertyMap, prefix = ""): string[] {
  const paths: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const meta = metaOf(schema);
    const { base, optional } = unwrap(schema);
    const value = inputs[key];
    if (meta?.secret || meta?.writeOnly) {
      if (value !== undefined || !optional) paths.push(prefix + key);
      delete inputs[key];
    } else if (base.kind === "object" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      paths.push(...takeSecretInputs(base.shape, value as PropertyMap, `${prefix}${key}.`));
    }
  }
  return paths;
}

/** Only the values a program would write: no undefined or null leaves. */
export function definedOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(definedOnly);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as PropertyMap)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, definedOnly(v)]),
  );
}
