import { boundedString } from "../../kit/strings";

// The validation rules of the ServerPilot document, as zod types with messages that name the
// rule. Every pattern sees only values already cut to their maximum length, and none can
// backtrack. The document's 6-character example passwords are wrong: the rule (8 to 200) stands.

/** The WordPress admin password's rule: only its length. */
export const passwordLength = () => boundedString(200).min(8, "must be at least 8 characters");

/** System user and database user passwords: the length, and no surrounding whitespace. */
export const password = () => passwordLength().refine((v) => v.trim() === v, "must not start or end with whitespace");

export const serverName = () =>
  boundedString(255, "must be 1 to 255 characters")
    .min(1, "must be 1 to 255 characters")
    .regex(
      /^[a-z](?:[a-z0-9.-]*[a-z0-9])?$/,
      "may contain only lowercase letters, digits, '.' and '-', must start with a letter and end with a letter or digit (e.g. www.store2)",
    );

export const sysUserName = () =>
  boundedString(32, "must be 3 to 32 characters of lowercase letters, digits and '-', starting with a letter (e.g. user-32)").regex(
    /^[a-z][a-z0-9-]{2,31}$/,
    "must be 3 to 32 characters of lowercase letters, digits and '-', starting with a letter (e.g. user-32)",
  );

export const appName = () =>
  boundedString(30, "must be 3 to 30 characters of lowercase letters and digits").regex(
    /^[a-z0-9]{3,30}$/,
    "must be 3 to 30 characters of lowercase letters and digits",
  );

export const databaseName = () =>
  boundedString(64, "must be 3 to 64 characters of lowercase letters, digits and '-'").regex(
    /^[a-z0-9-]{3,64}$/,
    "must be 3 to 64 characters of lowercase letters, digits and '-'",
  );

export const databaseUserName = () => boundedString(16).min(1, "must not be empty");

/** An id the API handed out (16 characters in the document); only its presence is checked. */
export const apiId = (what: string) => boundedString(255).min(1, `must be ${what}`);

/**
 * The document lists php5.4 to php7.2, long retired; ServerPilot offers newer PHP since. Any
 * phpX.Y passes here; the server's own list of runtimes is checked before anything changes.
 */
export const runtime = () => boundedString(16).regex(/^php\d{1,2}\.\d{1,2}$/, "must be a PHP runtime such as php8.3");

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** How ServerPilot stores a domain: lowercase, without a trailing dot. */
export function normalizeDomain(domain: string): string {
  const lower = domain.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/** A host name, optionally a "*." wildcard, optionally with a trailing dot (dropped by ServerPilot). */
export function isDomainName(domain: string): boolean {
  const name = normalizeDomain(domain);
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split(".");
  if (labels.length < 2) return false;
  const [first, ...rest] = labels;
  if (first !== "*" && !LABEL.test(first)) return false;
  return rest.every((label) => LABEL.test(label)) && /[a-z]/.test(rest.at(-1)!);
}

export const domainName = () => boundedString(254).refine(isDomainName, "must be a domain name such as example.com or *.example.com");

/** ServerPilot's later limit of domains per app. */
export const MAX_DOMAINS_PER_APP = 300;

/**
 * PEM text as it compares: the API may hand it back with other line endings or without the
 * final newline, which is not a change.
 */
export function normalizePem(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

/** Up to 64 KiB of PEM text that holds `marker`. */
export const pem = (marker: string, message: string) => boundedString(65_536).refine((v) => v.includes(marker), message);

export const nonEmpty = (max = 255) => boundedString(max).min(1, "must not be empty");
