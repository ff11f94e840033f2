import type { z } from "zod";
import { metaOf } from "./fields";
import { fieldOf, unwrap } from "./introspect";
import { wrapSecret, type PropertyMap } from "./values";

/**
 * Wraps every declared secret, at any depth and inside lists, plus every path that arrived
 * secret (the user's `pulumi.secret(...)`): a value that arrived secret leaves secret, and
 * nothing else is hidden. What the wire carries as null (null, a number that is not finite)
 * hides nothing and is not wrapped, so that checked inputs check again unchanged.
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
    const schema = fieldOf(shape, key);
    if (paths.includes(key)) {
      out[key] = secretUnlessNull(value);
      continue;
    }
    const nested = pathsUnder(paths, key);
    out[key] = schema ? wrapValue(schema, value, nested) : nested.length > 0 && isObject(value) ? wrapDeclaredSecrets({}, value, nested) : value;
  }
  return out;
}

function wrapValue(schema: z.ZodType, value: unknown, nestedPaths: string[]): unknown {
  if (metaOf(schema)?.secret) return secretUnlessNull(value);
  const { base } = unwrap(schema);
  if (base.kind === "object" && isObject(value)) return wrapDeclaredSecrets(base.shape, value, nestedPaths);
  if (base.kind === "array" && Array.isArray(value)) return value.map((item) => (item === undefined || item === null ? item : wrapValue(base.items, item, [])));
  if (base.kind === "map" && isObject(value)) {
    // A value the user made secret keeps its mark: "http2.shop.example.com" is the entry "shop.example.com".
    return Object.fromEntries(
      Object.entries(value).map(([k, item]) => {
        if (item === undefined || item === null) return [k, item];
        if (nestedPaths.includes(k)) return [k, secretUnlessNull(item)];
        return [k, wrapValue(base.values, item, pathsUnder(nestedPaths, k))];
      }),
    );
  }
  return value;
}

/** The paths below `key`, relative to it: "user.password" under "user" is "password". */
const pathsUnder = (paths: readonly string[], key: string) => paths.filter((p) => p.startsWith(`${key}.`)).map((p) => p.slice(key.length + 1));

const carriedAsNull = (value: unknown) => value === null || (typeof value === "number" && !Number.isFinite(value));
const secretUnlessNull = (value: unknown) => (carriedAsNull(value) ? value : wrapSecret(value));

/** Every string inside a declared secret, at any depth and inside lists, so it can be scrubbed from messages. */
export function declaredSecretStrings(shape: Record<string, z.ZodType>, values: PropertyMap): string[] {
  return Object.entries(shape).flatMap(([key, schema]) => secretStringsIn(schema, values[key]));
}

function secretStringsIn(schema: z.ZodType, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (metaOf(schema)?.secret) return typeof value === "string" ? [value] : [];
  const { base } = unwrap(schema);
  if (base.kind === "object" && isObject(value)) return declaredSecretStrings(base.shape, value);
  if (base.kind === "array" && Array.isArray(value)) return value.flatMap((item) => secretStringsIn(base.items, item));
  if (base.kind === "map" && isObject(value)) return Object.values(value).flatMap((item) => secretStringsIn(base.values, item));
  return [];
}

/** The names of the fields declared secret at any depth of `shape`; a list's or a map's items go by their field's name. */
export function declaredSecretNames(shape: Record<string, z.ZodType>): string[] {
  return Object.entries(shape).flatMap(([key, schema]) => secretNamesIn(key, schema));
}

function secretNamesIn(key: string, schema: z.ZodType): string[] {
  const { base } = unwrap(schema);
  const nested =
    base.kind === "object" ? declaredSecretNames(base.shape) : base.kind === "array" ? secretNamesIn(key, base.items) : base.kind === "map" ? secretNamesIn(key, base.values) : [];
  return metaOf(schema)?.secret ? [key, ...nested] : nested;
}

function isObject(value: unknown): value is PropertyMap {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
