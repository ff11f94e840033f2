import { z } from "zod";

/**
 * What a property means to Pulumi, beyond its zod type. Declared once next to the type; the
 * package schema, the SDK, Check, Diff and Read all read it from here.
 */
export interface FieldMeta {
  /** Shown in the schema, the SDK's doc comments and the docs. */
  description: string;
  /** Stored and returned as a Pulumi secret; scrubbed from every message. */
  secret?: boolean;
  /** Changing it recreates the resource (the API cannot change it in place). */
  replaceOnChanges?: boolean;
  /**
   * The API accepts it but never returns it (passwords). Refresh keeps the last applied value,
   * so the only diff it ever shows is one the user made.
   */
  writeOnly?: boolean;
  /**
   * Sent only when the resource is created: a later change is recorded in the state, with a
   * warning, and changes nothing in the API (an FTP password the API cannot change).
   */
  onlyAtCreate?: boolean;
  /** A list whose order the API does not keep: compared as a set, the user's order is kept. */
  unordered?: boolean;
  /** Makes values comparable before diffing, the way the API stores them (e.g. lowercase). */
  normalize?: (value: unknown) => unknown;
  /** Name of the schema type for a nested object, e.g. "AppWordpress". */
  typeName?: string;
}

export const fieldRegistry = z.registry<FieldMeta>();

// zod's registry merges a type's meta with its parents' on every lookup, and Check and Diff look
// up every field of every call. Declaring a field starts the cache afresh.
let metaCache = new WeakMap<z.ZodType, { meta: FieldMeta | undefined }>();

/** Attaches Pulumi meaning to a zod type. Call it on the outermost type (after .optional()). */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  fieldRegistry.add(schema, meta);
  metaCache = new WeakMap();
  return schema;
}

export function metaOf(schema: z.ZodType): FieldMeta | undefined {
  let known = metaCache.get(schema);
  if (!known) metaCache.set(schema, (known = { meta: fieldRegistry.get(schema) }));
  return known.meta;
}
