// The building blocks of request validation: required and optional fields of
// a JSON object, unknown fields, lengths and passwords. Each error names the
// field (prefixed for nested objects, e.g. "user.password").
import { badRequest, shown } from "./serverpilot-errors";

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const has = (body: JsonObject, key: string) => Object.prototype.hasOwnProperty.call(body, key);

const fieldName = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

export function rejectUnknownFields(body: JsonObject, allowed: readonly string[], prefix = ""): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      const accepted = allowed.map((k) => `"${fieldName(prefix, k)}"`).join(", ");
      throw badRequest(`Unknown or read-only field ${shown(fieldName(prefix, key))}; this request accepts: ${accepted}.`);
    }
  }
}

export function requireObject(body: JsonObject, key: string, prefix = ""): JsonObject {
  const name = fieldName(prefix, key);
  if (!has(body, key)) throw badRequest(`"${name}" is required.`);
  const value = body[key];
  if (!isObject(value)) throw badRequest(`"${name}" must be an object.`);
  return value;
}

export function requireString(body: JsonObject, key: string, prefix = ""): string {
  const name = fieldName(prefix, key);
  if (!has(body, key) || body[key] === undefined) throw badRequest(`"${name}" is required.`);
  const value = body[key];
  if (typeof value !== "string") throw badRequest(`"${name}" must be a string.`);
  return value;
}

export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  if (!has(body, key)) return undefined;
  const value = body[key];
  if (typeof value !== "boolean") throw badRequest(`"${key}" must be a boolean (true or false).`);
  return value;
}

/** Length in characters (code points), as a Python service counts them. */
function codePoints(value: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < value.length - 1; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return value.length - surrogatePairs;
}

export function checkLength(value: string, name: string, min: number, max: number): void {
  const length = codePoints(value);
  if (length < min || length > max) {
    throw badRequest(
      min === max
        ? `"${name}" must be exactly ${min} characters long.`
        : `"${name}" must be between ${min} and ${max} characters long (got ${length}).`,
    );
  }
}

export function checkPassword(value: string, name: string): void {
  checkLength(value, name, 8, 200);
  if (value !== value.trim()) throw badRequest(`"${name}" must not have leading or trailing whitespace.`);
}
