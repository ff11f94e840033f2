import { z } from "zod";
import { fieldOf, unwrap } from "./introspect";
import { keyPath } from "./paths";

/**
 * No input string is longer than this unless its field declares another maximum. Checked before
 * any rule runs, so a megabyte pasted into a name is refused at once instead of being fed to a
 * pattern.
 */
export const MAX_INPUT_LENGTH = 65_536;

/**
 * A string of at most `max` characters. The length check aborts the parse, so the rules chained
 * after it (patterns above all) only ever see short values.
 */
export function boundedString(max: number, message = `must be at most ${max} characters`): z.ZodString {
  return z.string().max(max, { message, abort: true });
}

export interface TooLong {
  path: string;
  max: number;
}

/**
 * The first string in `value` longer than its field allows (the field's own maximum, or
 * MAX_INPUT_LENGTH), following the declared shape at any depth.
 */
export function firstTooLong(value: unknown, schema: z.ZodType | undefined, path: string): TooLong | undefined {
  const base = schema ? unwrap(schema).base : undefined;
  if (typeof value === "string") {
    const max = base?.kind === "string" && base.maxLength !== undefined ? Math.min(base.maxLength, MAX_INPUT_LENGTH) : MAX_INPUT_LENGTH;
    return value.length > max ? { path, max } : undefined;
  }
  if (Array.isArray(value)) {
    const items = base?.kind === "array" ? base.items : undefined;
    for (let i = 0; i < value.length; i++) {
      const found = firstTooLong(value[i], items, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object" && base?.kind === "map") {
    for (const [key, item] of Object.entries(value)) {
      const found = firstTooLong(key, base.keys, `${path}[key]`) ?? firstTooLong(item, base.values, keyPath(path, key));
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    const shape = base?.kind === "object" ? base.shape : {};
    for (const [key, item] of Object.entries(value)) {
      const found = firstTooLong(item, fieldOf(shape, key), `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
