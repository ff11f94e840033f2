import type { z } from "zod";
import { metaOf } from "../kit/fields";
import { unwrap } from "../kit/introspect";
import type { PropertyMap } from "../kit/values";

// A secret input (a password, an auth code) is never written into a file adoption makes: the
// program reads it from the stack's config instead. Write-only ones the API never returns
// (a database's password, a mailbox's account) cannot be recovered at all: the user sets them
// again, in the config.

/** An input the program reads from the stack's config instead of holding its value. */
export interface ConfigInput {
  path: string;
  secret: boolean;
  kind: "string" | "number" | "boolean";
}

/**
 * The inputs the program must take from its config: every secret one (those Read returned are
 * dropped from `inputs` here, so their values go nowhere), and the required write-only ones
 * Read could not return (a mailbox's account). Nested objects are followed where Read returned
 * them; a write-only value Read did return (a setting it can see) stays as it is.
 */
export function takeConfigInputs(shape: Record<string, z.ZodType>, inputs: PropertyMap, prefix = ""): ConfigInput[] {
  const taken: ConfigInput[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const meta = metaOf(schema);
    const { base, optional } = unwrap(schema);
    const value = inputs[key];
    const kind = base.kind === "integer" || base.kind === "number" ? "number" : base.kind === "boolean" ? "boolean" : "string";
    if (meta?.secret) {
      if (value !== undefined || !optional) taken.push({ path: prefix + key, secret: true, kind });
      delete inputs[key];
    } else if (meta?.writeOnly && value === undefined && !optional) {
      taken.push({ path: prefix + key, secret: false, kind });
    } else if (base.kind === "object" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      taken.push(...takeConfigInputs(base.shape, value as PropertyMap, `${prefix}${key}.`));
    }
  }
  return taken;
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
