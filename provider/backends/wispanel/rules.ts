import { boundedString } from "../../kit/strings";

// The rules of WisPanel's databases document, as zod types with messages that name the rule.
// Every pattern sees only values already cut to their maximum length, and none can backtrack.

const IDENTIFIER = /^[a-zA-Z0-9_]+$/;
const IDENTIFIER_RULE = "may contain only letters, digits and '_' ([a-zA-Z0-9_])";

/** The document's 400: "Invalid database name (only [a-zA-Z0-9_] allowed)". MySQL's 64 include the owner's prefix. */
export const databaseName = () =>
  boundedString(64, "must be at most 64 characters (MySQL's limit, which the owner prefix also counts against)")
    .min(1, "must not be empty")
    .regex(IDENTIFIER, IDENTIFIER_RULE);

/** The user is prefixed like the name; MariaDB's user names hold at most 80 characters. */
export const databaseUser = () =>
  boundedString(80, "must be at most 80 characters (MariaDB's limit, which the owner prefix also counts against)")
    .min(1, "must not be empty")
    .regex(IDENTIFIER, IDENTIFIER_RULE);

/**
 * The document sets no floor; 8 is the least a database password exposed to remote hosts should
 * have, and a secret of a few characters could not be masked in logs and errors without
 * mangling every other word (the redactor leaves values that short alone).
 */
export const password = () => boundedString(256).min(8, "must be at least 8 characters");

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** How the panel stores a domain: lowercase, without a trailing dot. */
export function normalizeDomain(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = value.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

export function isDomainName(value: string): boolean {
  const name = normalizeDomain(value) as string;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split(".");
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && /[a-z]/.test(labels.at(-1)!);
}

export const domainName = () => boundedString(254).refine(isDomainName, "must be a domain name such as example.com");

/**
 * A MySQL account's host part: "%" for any host (the document's), an address, a name, or a
 * pattern with % and _ wildcards (10.0.0.%), or a network and mask (10.0.0.0/255.255.255.0).
 */
export const remoteHost = () =>
  boundedString(255)
    .min(1, 'must not be empty; "%" allows any remote host')
    .regex(/^[A-Za-z0-9.:%_\/-]+$/, 'must be a host name, an IP address or a pattern such as 10.0.0.% ("%" allows any remote host)');
