import type { z } from "zod";
import { fieldOf, unwrap } from "./introspect";
import { containsUnknown, isUnknown, type PropertyMap } from "./values";

/**
 * Whether `values` are inputs of this shape, as the code written for checked inputs (rules,
 * unique keys) expects them. Previous inputs come from a state file that an older version, a
 * partial failure or a hand may have written: only those that fit are handed to that code. A
 * value not known yet (preview) fits where it stands for a value of the declared type.
 */
export function fitsDeclaration(shape: Record<string, z.ZodType>, values: PropertyMap): boolean {
  return Object.keys(shape).every((key) => fits(fieldOf(shape, key)!, values[key]));
}

/** The declared keys whose values are not of their declared type (fitsDeclaration's failures). */
export function unfitKeys(shape: Record<string, z.ZodType>, values: PropertyMap): string[] {
  return Object.keys(shape).filter((key) => !fits(fieldOf(shape, key)!, values[key]));
}

/**
 * The declared values that fit their declaration; the others left out, as if never recorded. What
 * Update and Delete hand their code: a recorded value it did not expect must not steer a request
 * (a domain recorded as a number deleting at the wrong path and finding nothing there), so the
 * code falls back on what the id says, or on the program's value, as for a value not recorded.
 */
export function fittingValues(shape: Record<string, z.ZodType>, values: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => !(key in shape) || fits(fieldOf(shape, key)!, value)));
}

function fits(schema: z.ZodType, given: unknown): boolean {
  const value = given === null ? undefined : given;
  if (isUnknown(value)) return true;
  if (!containsUnknown(value)) return schema.safeParse(value).success;
  // Known in part: each known part must fit where it stands.
  const { base } = unwrap(schema);
  if (base.kind === "object" && isObject(value)) return fitsDeclaration(base.shape, value);
  if (base.kind === "map" && isObject(value)) return Object.values(value).every((item) => fits(base.values, item));
  if (base.kind === "array" && Array.isArray(value)) return value.every((item) => fits(base.items, item));
  return false;
}

function isObject(value: unknown): value is PropertyMap {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
