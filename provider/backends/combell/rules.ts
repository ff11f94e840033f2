import { z } from "zod";
import { boundedString } from "../../kit/strings";

// The reseller API's validation rules, as the document and the OpenAPI description's field texts
// state them (the OpenAPI schemas carry no patterns), as zod types whose messages name the rule.
// Every pattern runs only on values already cut to their maximum length, and none backtracks.

const PASSWORD_FORBIDDEN = ["*", "€", "$", "&", "+", "}", "{", "'", '"', "\\"];

export const PASSWORD_RULE =
  "8 to 20 characters with at least one letter and one digit, no spaces and none of * € $ & + } { ' \" \\";

/**
 * The password rule of accounts (FTP), mailboxes and MySQL users: "between 8-20 characters; a
 * mix of letters and digits; at least one digit (0-9); at least one letter (a-z); no spaces;
 * none of * € $ & + } { ' \" \\". Other characters (! # - ...) are allowed; a letter of either
 * case counts, as "a-z" names the alphabet rather than the case.
 */
export const password = () =>
  boundedString(20, "must be 8 to 20 characters")
    .min(8, "must be 8 to 20 characters")
    .refine((v) => /[0-9]/.test(v), "must contain at least one digit (0-9)")
    .refine((v) => /[a-z]/i.test(v), "must contain at least one letter (a-z)")
    .refine((v) => !/\s/.test(v), "must not contain spaces")
    .refine((v) => !PASSWORD_FORBIDDEN.some((c) => v.includes(c)), `must not contain any of ${PASSWORD_FORBIDDEN.join(" ")}`);

/** An id the API hands out as an int32. */
export const int32Id = (what: string) =>
  z
    .number()
    .int(`must be ${what}, a whole number`)
    .min(1, `must be ${what}, a positive number`)
    .max(2_147_483_647, `must be ${what}, at most 2147483647`);

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/i;

/** How DNS and the API compare names: without case or a trailing dot. */
export function normalizeHostName(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/** A fully qualified host name of two labels or more, optionally with a trailing dot. */
export function isHostName(value: string): boolean {
  const name = normalizeHostName(value) as string;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split(".");
  return labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

/** A domain the account owns: example.com, shop.example.be. */
export const domainName = () => boundedString(254).refine(isHostName, "must be a domain name such as example.com");

/** Everything the document says about an account's identifier: it exists (a domain name for hosting accounts). */
export const identifier = () => boundedString(255, "must be 1 to 255 characters").min(1, "must be 1 to 255 characters");

/**
 * The name a MySQL database is asked for; the API prefixes it (ID111125_ + tests). The document
 * gives no rule: letters, digits and "_" keep it a plain MySQL name, and 48 leave room for the
 * prefix within MySQL's 64 characters.
 */
export const databaseName = () =>
  boundedString(48, "must be 1 to 48 letters, digits and '_'").regex(/^[A-Za-z0-9_]{1,48}$/, "must be 1 to 48 letters, digits and '_'");

/** The name Combell provisioned, without its account prefix: ID111125_tests -> tests. */
export function unprefixedDatabaseName(provisioned: string): string {
  const separator = provisioned.indexOf("_");
  return separator > 0 && separator < provisioned.length - 1 ? provisioned.slice(separator + 1) : provisioned;
}

/** A record's name within its domain: "@" or "" for the domain itself, "www", "*.shop", "_25._tcp". */
export function isRecordName(value: string): boolean {
  if (value === "" || value === "@") return true;
  return value.split(".").every((label, i) => (i === 0 && label === "*") || LABEL.test(label));
}

/** How the API compares a record name: without case, "" and "@" both the domain itself. */
export function normalizeRecordName(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return value === "" ? "@" : value.toLowerCase();
}
