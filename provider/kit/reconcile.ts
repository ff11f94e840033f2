import type { z } from "zod";
import { sameValue } from "./diff";
import { metaOf } from "./fields";
import { fieldOf, unwrap } from "./introspect";
import type { Resource } from "./resource";
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
    } else if (base.kind === "map" && isObject(was) && isObject(now)) {
      out[key] = reconcileMap(base.values, now, was, metaOf(schema)?.writeOnly === true);
    } else if (sameValue(was, now, schema)) {
      out[key] = was;
    }
  }
  return out;
}

/**
 * A map key by key: a key the API reports keeps the last applied spelling of the same value. A
 * write-only map is one the API reports only in part (some keys, or none): the keys it leaves out
 * keep their last applied values.
 */
function reconcileMap(values: z.ZodType, observed: PropertyMap, prior: PropertyMap, writeOnly: boolean): PropertyMap {
  const out: PropertyMap = writeOnly ? { ...prior, ...observed } : { ...observed };
  for (const [key, now] of Object.entries(observed)) {
    if (prior[key] !== undefined && sameValue(prior[key], now, values)) out[key] = prior[key];
  }
  return out;
}

/**
 * For a resource that manages only the inputs the program sets (the settings of something that
 * exists anyway): what the API reports, cut down to the inputs, and the keys of map inputs, that
 * the last applied inputs have. Without prior inputs (an import) everything readable stands.
 */
export function managedInputs(shape: Record<string, z.ZodType>, observed: PropertyMap, prior: PropertyMap | undefined): PropertyMap {
  if (!prior) return observed;
  const out: PropertyMap = {};
  for (const [key, value] of Object.entries(observed)) {
    const was = prior[key];
    if (was === undefined || was === null || !fieldOf(shape, key)) continue;
    const { base } = unwrap(shape[key]);
    out[key] = base.kind === "map" && isObject(value) && isObject(was) ? Object.fromEntries(Object.entries(value).filter(([k]) => Object.hasOwn(was, k))) : value;
  }
  return out;
}

function isObject(value: unknown): value is PropertyMap {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The inputs a refresh (or the look after a failed operation) records: what the API reports,
 * reconciled with the last applied inputs, and for a resource that manages only what is set,
 * only that.
 */
export function observedInputs(resource: Pick<Resource, "inputs" | "managesOnlySetInputs">, observed: PropertyMap, prior: PropertyMap | undefined): PropertyMap {
  const inputs = reconcileInputs(resource.inputs, observed, prior);
  return resource.managesOnlySetInputs ? managedInputs(resource.inputs, inputs, prior) : inputs;
}
