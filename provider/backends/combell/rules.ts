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
  // A top-level label of digits only would make 192.0.2.1 a host name.
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && !/^[0-9]+$/.test(labels.at(-1)!);
}

/** A domain the account owns: example.com, shop.example.be. */
export const domainName = () => boundedString(254).refine(isHostName, "must be a domain name such as example.com");

/** Everything the document says about an account's identifier: it exists (a domain name for hosting accounts). */
export const identifier = () => boundedString(255, "must be 1 to 255 characters").min(1, "must be 1 to 255 characters");

/**
 * The name a MySQL database is asked for; the API prefixes it (ID111125_ + tests). The document
 * gives no rule for it, but the provisioned name is also its user's, and Combell's rule for MySQL
 * user names is 2 to 14 lowercase letters and digits. Lowercase only also keeps a name Combell
 * might lowercase from reading back as another one, which would replace (drop) the database.
 */
export const databaseName = () =>
  boundedString(14, "must be 2 to 14 lowercase letters and digits").regex(/^[a-z0-9]{2,14}$/, "must be 2 to 14 lowercase letters and digits");

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

const REGISTRABLE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * A domain to register or transfer: "only pass the domain part and the tld" (abc.com), so no
 * scheme, path, port or trailing dot; labels of letters, digits and "-" (an IDN in its xn-- form).
 */
export const registrableDomainName = () =>
  boundedString(253).refine((value) => {
    const labels = value.split(".");
    return labels.length >= 2 && labels.every((label) => REGISTRABLE_LABEL.test(label)) && !/^[0-9]+$/.test(labels[labels.length - 1]);
  }, "must be a domain name of its domain part and TLD only, such as example.com (no www., scheme or trailing dot)");

/** A name server's host name: ns1.example.net. */
export const nameServer = () => boundedString(254).refine(isHostName, "must be a name server's host name such as ns1.example.net");

const EMAIL_LOCAL = /^[A-Za-z0-9!#%'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#%'*+/=?^_`{|}~-]+)*$/;

/** An e-mail address such as info@example.com: a local part of at most 64 characters and a domain. */
export function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf("@");
  if (at < 1) return false;
  const local = value.slice(0, at);
  return local.length <= 64 && EMAIL_LOCAL.test(local) && isHostName(value.slice(at + 1));
}

export const emailAddress = () => boundedString(254).refine(isEmailAddress, "must be an e-mail address such as info@example.com");

/** How mail systems compare an address: without case. */
export function normalizeEmailAddress(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

/** A host name used as a map key (a site, a host name of a hosting), kept lowercase as the API shows it. */
export const hostNameKey = (what: string) =>
  boundedString(253)
    .refine(isHostName, `must be ${what} such as www.example.com`)
    .transform((value) => normalizeHostName(value) as string);

/** An int32 setting. */
export const int32 = () => z.number().int("must be a whole number").min(-2_147_483_648, "must fit in 32 bits").max(2_147_483_647, "must fit in 32 bits");

/** An OpenSSH public key on one line: "<type> <base64> [comment]", such as ssh-ed25519 AAAAC3... me@laptop. */
export const publicKey = () =>
  boundedString(16384).refine(
    (value) => /^[A-Za-z0-9@._-]{1,64} [A-Za-z0-9+/]{16,}={0,2}(?: [^\r\n]*)?$/.test(normalizePublicKey(value) as string),
    'must be an OpenSSH public key on one line, "<type> <base64> [comment]", such as ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... me@laptop',
  );

/** How a public key is compared: the key itself, without surrounding blanks or runs of spaces. */
export function normalizePublicKey(value: unknown): unknown {
  return typeof value === "string" ? value.trim().replace(/[ \t]+/g, " ") : value;
}

/** A public key's type and data, without its comment: what names the key. */
export function publicKeyData(value: string): string {
  return (normalizePublicKey(value) as string).split(" ").slice(0, 2).join(" ");
}
