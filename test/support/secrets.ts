// Secret values as they travel on the wire between the engine and the plugin.
export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function secret<T>(value: T): { [SIG]: string; value: T } {
  return { [SIG]: SECRET_SIG, value };
}

export function isSecret(value: unknown): boolean {
  return value !== null && typeof value === "object" && (value as Record<string, unknown>)[SIG] === SECRET_SIG;
}

/** The value inside a secret wrapper, at any depth. */
export function reveal(value: unknown): any {
  if (isSecret(value)) return reveal((value as { value: unknown }).value);
  if (Array.isArray(value)) return value.map(reveal);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  }
  return value;
}

/** The JSON of a value with every secret's content replaced, as a plain-text state would show. */
export function plainText(value: unknown): string {
  const strip = (v: unknown): unknown => {
    if (isSecret(v)) return "[secret]";
    if (Array.isArray(v)) return v.map(strip);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  return JSON.stringify(strip(value));
}
