import type { z } from "zod";

// Reads the shape of a zod type so the schema, the SDK and the diff can follow it. Only the
// constructs that Pulumi can express are handled; anything else is a programming error.

export type BaseKind =
  | { kind: "string"; enum?: string[]; maxLength?: number }
  | { kind: "integer" }
  | { kind: "number" }
  | { kind: "boolean" }
  | { kind: "array"; items: z.ZodType }
  | { kind: "object"; shape: Record<string, z.ZodType> }
  /** A map with string keys (z.record): a Pulumi map, `{ [key: string]: T }`. */
  | { kind: "map"; keys: z.ZodType; values: z.ZodType };

export interface Unwrapped {
  base: BaseKind;
  optional: boolean;
  defaultValue?: unknown;
}

type AnyDef = {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  defaultValue?: unknown;
  in?: z.ZodType;
};

const defOf = (schema: z.ZodType): AnyDef => (schema as unknown as { _zod: { def: AnyDef } })._zod.def;

/**
 * The declared type of a key that came from a user or an API. A shape is a plain object, so
 * `shape["constructor"]` would be Object's own constructor, not a declaration.
 */
export function fieldOf(shape: Record<string, z.ZodType>, key: string): z.ZodType | undefined {
  return Object.hasOwn(shape, key) ? shape[key] : undefined;
}

/** The declared type at a dotted path of nested objects ("user.password"), or undefined. */
export function fieldAt(shape: Record<string, z.ZodType>, path: string): z.ZodType | undefined {
  let schema: z.ZodType | undefined;
  let current: Record<string, z.ZodType> | undefined = shape;
  for (const key of path.split(".")) {
    schema = current ? fieldOf(current, key) : undefined;
    if (!schema) return undefined;
    const { base } = unwrap(schema);
    current = base.kind === "object" ? base.shape : undefined;
  }
  return schema;
}

// Check and Diff unwrap every field of every call; a declaration's types never change.
const unwrapped = new WeakMap<z.ZodType, Unwrapped>();

/** What a zod type declares once its optional, nullable, default and pipe wrappers are taken off. Shared: not to be changed. */
export function unwrap(schema: z.ZodType): Unwrapped {
  let known = unwrapped.get(schema);
  if (!known) unwrapped.set(schema, (known = Object.freeze(unwrapUncached(schema))));
  return known;
}

function unwrapUncached(schema: z.ZodType): Unwrapped {
  let optional = false;
  let defaultValue: unknown;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    switch (def.type) {
      case "optional":
      case "nullable":
        optional = true;
        current = def.innerType!;
        continue;
      case "default":
        optional = true;
        defaultValue = def.defaultValue;
        current = def.innerType!;
        continue;
      case "pipe":
        current = def.in!;
        continue;
      case "string": {
        const checks = (def as { checks?: { _zod: { def: { check?: string; maximum?: number } } }[] }).checks ?? [];
        const maxLength = checks.find((c) => c._zod.def.check === "max_length")?._zod.def.maximum;
        return { base: { kind: "string", ...(maxLength !== undefined ? { maxLength } : {}) }, optional, defaultValue };
      }
      case "enum":
        return { base: { kind: "string", enum: Object.values(def.entries!) }, optional, defaultValue };
      case "literal":
        return { base: { kind: typeof def.values![0] === "boolean" ? "boolean" : "string" } as BaseKind, optional, defaultValue };
      case "number": {
        // z.int() and z.number().int() both carry a number_format check whose format names "int".
        const checks = (def as { checks?: { _zod: { def: { format?: string } } }[] }).checks ?? [];
        const integer = checks.some((c) => c._zod.def.format?.includes("int"));
        return { base: { kind: integer ? "integer" : "number" }, optional, defaultValue };
      }
      case "boolean":
        return { base: { kind: "boolean" }, optional, defaultValue };
      case "array":
        return { base: { kind: "array", items: def.element! }, optional, defaultValue };
      case "object":
        return { base: { kind: "object", shape: def.shape! }, optional, defaultValue };
      case "record":
        return { base: { kind: "map", keys: def.keyType!, values: def.valueType! }, optional, defaultValue };
      default:
        throw new Error(`zod type "${def.type}" cannot be expressed in a Pulumi schema`);
    }
  }
}
