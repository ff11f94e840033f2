// How Pulumi property values look on the wire, and how they look to the rest of the provider.
//
// On the wire (google.protobuf.Struct) a secret is an object tagged with the special signature
// key, and a value not yet known during preview is a sentinel string. Below this layer a value
// is plain JSON; secrecy travels beside it as a set of top-level property names, and unknowns
// are recognised with `isUnknown`.

/** The key that marks an object as a special Pulumi value. */
export const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
/** The signature of a secret value. */
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
/** What the engine sends for a value it does not know yet (preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type PropertyMap = Record<string, unknown>;

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value or anything inside it is not known yet. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

function isSecretWrapper(value: unknown): value is { value: unknown } {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as Record<string, unknown>)[SIGNATURE_KEY] === SECRET_SIGNATURE
  );
}

export interface UnwrappedProperties {
  values: PropertyMap;
  /**
   * Where secrets were, as property paths ("password", "user.password"). A secret inside a list
   * marks the whole list.
   */
  secretPaths: Set<string>;
  /** Every string found inside a secret, so it can be scrubbed from messages. */
  secretStrings: string[];
}

/** Removes secret wrappers, remembering where they were. */
export function unwrapSecrets(properties: PropertyMap | undefined): UnwrappedProperties {
  const secretPaths = new Set<string>();
  const secretStrings: string[] = [];
  const collectStrings = (v: unknown): void => {
    if (typeof v === "string") secretStrings.push(v);
    else if (Array.isArray(v)) v.forEach(collectStrings);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(collectStrings);
  };
  const strip = (v: unknown, path: string, inList: boolean): unknown => {
    if (isSecretWrapper(v)) {
      secretPaths.add(path);
      const inner = strip(v.value, path, inList);
      collectStrings(inner);
      return inner;
    }
    if (Array.isArray(v)) return v.map((item) => strip(item, path, true));
    if (v !== null && typeof v === "object") {
      const out: PropertyMap = {};
      for (const [k, item] of Object.entries(v)) out[k] = strip(item, inList ? path : `${path}.${k}`, inList);
      return out;
    }
    return v;
  };
  const values: PropertyMap = {};
  for (const [key, value] of Object.entries(properties ?? {})) values[key] = strip(value, key, false);
  return { values, secretPaths, secretStrings };
}

export function wrapSecret(value: unknown): unknown {
  if (value === undefined || value === null || isSecretWrapper(value)) return value;
  return { [SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}
