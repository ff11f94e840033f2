// The building blocks of request validation for the reseller API: a body is a
// JSON object whose fields are checked one by one, every problem collected, so
// a 400 lists each offending field (as validation_errors) rather than only the
// first. Unknown fields are refused: a provider that sends a field the API does
// not know is sending something the real service ignores or refuses. JSON null
// counts as "not given" (the API's .NET models have nullable fields).
//
// Every pattern here runs only after a length check, and each is a single
// character class or a simple repetition of disjoint ones, so none can backtrack badly.
import { validationFailed, shown, type ValidationError } from "./combell-errors";

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const INT32_MAX = 2_147_483_647;

/** Length in characters (code points), as the API's .NET side counts them for passwords. */
export function codePoints(value: string): number {
  return [...value].length;
}

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** Returns what is wrong with the value (after "<field> "), or null. */
  check?: (value: string) => string | null;
}

export interface IntegerRule {
  required?: boolean;
  min?: number;
  max?: number;
}

export interface ArrayRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** Per item: what is wrong with it, or null. */
  check?: (value: string) => string | null;
}

export class Fields {
  constructor(
    private readonly body: JsonObject,
    allowed: readonly string[],
    private readonly prefix = "",
    readonly errors: ValidationError[] = [],
  ) {
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) {
        this.fail(key, "unknown_field", `is not a field of this request; it accepts ${allowed.map((k) => `"${this.name(k)}"`).join(", ")}.`);
      }
    }
  }

  name(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  fail(key: string, code: string, text: string): void {
    this.errors.push({ error_code: code, error_text: `"${this.name(key)}" ${text}` });
  }

  given(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.body, key) && this.body[key] !== null && this.body[key] !== undefined;
  }

  private missing(key: string, required: boolean | undefined): boolean {
    if (this.given(key)) return false;
    if (required) this.fail(key, "required", "is required.");
    return true;
  }

  string(key: string, rule: StringRule = {}): string | undefined {
    if (this.missing(key, rule.required)) return undefined;
    const value = this.body[key];
    if (typeof value !== "string") return void this.fail(key, "invalid_type", `must be a string (got ${shown(value)}).`);
    const length = codePoints(value);
    if (rule.required && value.trim() === "") return void this.fail(key, "required", "is required and may not be empty.");
    if (rule.min !== undefined && length < rule.min) {
      return void this.fail(key, "too_short", `must be at least ${rule.min} characters long (got ${length}).`);
    }
    if (rule.max !== undefined && length > rule.max) {
      return void this.fail(key, "too_long", `must be at most ${rule.max} characters long (got ${length}).`);
    }
    const problem = rule.check?.(value);
    if (problem) return void this.fail(key, "invalid_value", problem);
    return value;
  }

  integer(key: string, rule: IntegerRule = {}): number | undefined {
    if (this.missing(key, rule.required)) return undefined;
    const value = this.body[key];
    if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
      return void this.fail(key, "invalid_type", `must be a 32-bit integer (got ${shown(value)}).`);
    }
    const { min, max } = rule;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      return void this.fail(key, "out_of_range", `must be ${range} (got ${value}).`);
    }
    return value;
  }

  boolean(key: string, required = false): boolean | undefined {
    if (this.missing(key, required)) return undefined;
    const value = this.body[key];
    if (typeof value !== "boolean") return void this.fail(key, "invalid_type", `must be true or false (got ${shown(value)}).`);
    return value;
  }

  stringArray(key: string, rule: ArrayRule = {}): string[] | undefined {
    if (this.missing(key, rule.required)) return undefined;
    const value = this.body[key];
    if (!Array.isArray(value)) return void this.fail(key, "invalid_type", `must be an array of strings (got ${shown(value)}).`);
    if (rule.min !== undefined && value.length < rule.min) {
      return void this.fail(key, "too_short", `must have at least ${rule.min} item(s) (got ${value.length}).`);
    }
    if (rule.max !== undefined && value.length > rule.max) {
      return void this.fail(key, "too_long", `must have at most ${rule.max} items (got ${value.length}).`);
    }
    let ok = true;
    value.forEach((item, index) => {
      const problem = typeof item !== "string" ? `must be a string (got ${shown(item)}).` : rule.check?.(item);
      if (problem) {
        ok = false;
        this.fail(`${key}[${index}]`, typeof item !== "string" ? "invalid_type" : "invalid_value", problem);
      }
    });
    return ok ? (value as string[]) : undefined;
  }

  /** A nested object checked with its own allowed fields; its errors join these. */
  object(key: string, allowed: readonly string[], required = false): Fields | undefined {
    if (this.missing(key, required)) return undefined;
    const value = this.body[key];
    if (!isObject(value)) return void this.fail(key, "invalid_type", `must be an object (got ${shown(value)}).`);
    return new Fields(value, allowed, this.name(key), this.errors);
  }

  /** Throws the 400 with every problem found so far. */
  done(): void {
    if (this.errors.length > 0) throw validationFailed(this.errors);
  }
}

// ---- value rules --------------------------------------------------------------

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A host name of dot-separated labels; `minLabels` 2 for a domain name (domain part and TLD). */
export function hostnameProblem(value: string, minLabels = 1): string | null {
  if (value.length > 253) return `must be a host name of at most 253 characters (got ${value.length}).`;
  const labels = value.split(".");
  if (labels.length < minLabels || !labels.every((l) => LABEL.test(l)) || /^[0-9]+$/.test(labels[labels.length - 1])) {
    return minLabels >= 2
      ? `must be a domain name such as "example.com" (domain part and TLD, no scheme or trailing dot; got ${shown(value)}).`
      : `must be a host name such as "ns1.example.com" (got ${shown(value)}).`;
  }
  return null;
}

export const domainProblem = (value: string) => hostnameProblem(value, 2);

const EMAIL_LOCAL = /^[a-z0-9!#%'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#%'*+/=?^_`{|}~-]+)*$/i;

export function emailProblem(value: string): string | null {
  const at = value.lastIndexOf("@");
  const local = value.slice(0, at);
  if (at < 1 || local.length > 64 || !EMAIL_LOCAL.test(local) || domainProblem(value.slice(at + 1)) !== null) {
    return `must be an e-mail address such as "info@example.com" (got ${shown(value)}).`;
  }
  return null;
}

// The document's password rule (accounts' FTP, mailboxes, MySQL users): 8-20
// characters, at least one digit and one letter, no spaces, none of * € $ & + } { ' " \.
// Other characters (!, @, #, ...) are allowed: the rule lists the forbidden ones.
const FORBIDDEN_PASSWORD_CHARACTERS = ["*", "€", "$", "&", "+", "}", "{", "'", '"', "\\"];

export function passwordProblem(value: string): string | null {
  const length = codePoints(value);
  if (length < 8 || length > 20) return `must be between 8 and 20 characters long (got ${length}).`;
  if (/\s/.test(value)) return "cannot contain spaces.";
  const forbidden = FORBIDDEN_PASSWORD_CHARACTERS.filter((c) => value.includes(c));
  if (forbidden.length > 0) return `cannot contain the characters ${forbidden.join(" ")} (the API forbids * € $ & + } { ' " \\).`;
  if (!/[0-9]/.test(value)) return "must contain at least one digit (0-9).";
  if (!/[a-z]/i.test(value)) return "must contain at least one letter (a-z).";
  return null;
}

/** The password checks as a StringRule (the length is part of the rule's message). */
export const PASSWORD: StringRule = { required: true, check: passwordProblem };
