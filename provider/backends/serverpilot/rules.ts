import { z } from "zod";

// The validation rules of the ServerPilot document, as zod types with messages that name the
// rule. The document's 6-character example passwords are wrong: the rule (8 to 200) stands.

/** The WordPress admin password's rule: only its length. */
export const passwordLength = () => z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters");

/** System user and database user passwords: the length, and no surrounding whitespace. */
export const password = () => passwordLength().refine((v) => v.trim() === v, "must not start or end with whitespace");

export const serverName = () =>
  z
    .string()
    .min(1, "must be 1 to 255 characters")
    .max(255, "must be 1 to 255 characters")
    .regex(
      /^[a-z]([a-z0-9.-]*[a-z0-9])?$/,
      "may contain only lowercase letters, digits, '.' and '-', must start with a letter and end with a letter or digit (e.g. www.store2)",
    );

export const sysUserName = () =>
  z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{2,31}$/,
      "must be 3 to 32 characters of lowercase letters, digits and '-', starting with a letter (e.g. user-32)",
    );

export const appName = () => z.string().regex(/^[a-z0-9]{3,30}$/, "must be 3 to 30 characters of lowercase letters and digits");

export const databaseName = () =>
  z.string().regex(/^[a-z0-9-]{3,64}$/, "must be 3 to 64 characters of lowercase letters, digits and '-'");

export const databaseUserName = () => z.string().min(1, "must not be empty").max(16, "must be at most 16 characters");

export const runtimes = ["php5.4", "php5.5", "php5.6", "php7.0", "php7.1", "php7.2"] as const;

export const domainName = () =>
  z
    .string()
    .max(253, "must be at most 253 characters")
    .regex(
      /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]$/,
      "must be a domain name such as example.com",
    );

/** ServerPilot's later limit of domains per app. */
export const MAX_DOMAINS_PER_APP = 300;

export const email = () => z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "must be an email address");
