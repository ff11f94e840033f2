import type { z } from "zod";
import { sameValue } from "./diff";
import { metaOf } from "./fields";
import { unwrap } from "./introspect";
import type { PropertyMap } from "./values";

/**
 * Merges what the API reports with what was last applied, so that refresh shows only real
 * drift: a value the API merely spells differently (another order, another case) keeps the
 * user's spelling, and a write-only value the API never returns keeps the last applied one.
 */
export function reconcileInputs(
  shape: Record<string, z.ZodType>,
  observed: PropertyMap,
  prior: PropertyMap | undefined,
): PropertyMap {
  if (!prior) return observed;
  const out: PropertyMap = { ...observed };
  for (const [key, schema] of Object.entries(shape)) {
    const was = prior[key];
    const now = observed[key];
    if (was === undefined) continue;
    if (now === undefined) {
      if (metaOf(schema)?.writeOnly) out[key] = was;
      continue;
    }
    const { base } = unwrap(schema);
    if (base.kind === "object" && isObject(was) && isObject(now)) {
      out[key] = reconcileInputs(base.shape, now, was);
    } else if (sameValue(was, now, schema)) {
      out[key] = was;
    }
  }
  return out;
}

function isObject(value: unknown): value is PropertyMap {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
