// Validation of every request body the ServerPilot API accepts, with the rules
// of the API document (and FACTS.md where the document is wrong: passwords are
// 8-200 characters even though its examples use 6). Each error message names
// the offending field, so a test can tell which rule fired. Unknown fields are
// rejected: a provider that sends a field the API does not know (or cannot
// change) is sending something the real service ignores or refuses.
import { badRequest } from "./serverpilot-errors";
import { MAX_DOMAINS_PER_APP, normaliseDomain, orderDomains } from "./serverpilot-domains";
import type { WordpressRecord } from "./serverpilot-records";

export type JsonObject = Record<string, unknown>;

export const RUNTIMES = ["php5.4", "php5.5", "php5.6", "php7.0", "php7.1", "php7.2"] as const;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const has = (body: JsonObject, key: string) => Object.prototype.hasOwnProperty.call(body, key);

const fieldName = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

function rejectUnknownFields(body: JsonObject, allowed: readonly string[], prefix = ""): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      const accepted = allowed.map((k) => `"${fieldName(prefix, k)}"`).join(", ");
      throw badRequest(`Unknown or read-only field "${fieldName(prefix, key)}"; this request accepts: ${accepted}.`);
    }
  }
}

function requireObject(body: JsonObject, key: string, prefix = ""): JsonObject {
  const name = fieldName(prefix, key);
  if (!has(body, key)) throw badRequest(`"${name}" is required.`);
  const value = body[key];
  if (!isObject(value)) throw badRequest(`"${name}" must be an object.`);
  return value;
}

function requireString(body: JsonObject, key: string, prefix = ""): string {
  const name = fieldName(prefix, key);
  if (!has(body, key) || body[key] === undefined) throw badRequest(`"${name}" is required.`);
  const value = body[key];
  if (typeof value !== "string") throw badRequest(`"${name}" must be a string.`);
  return value;
}

function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  if (!has(body, key)) return undefined;
  const value = body[key];
  if (typeof value !== "boolean") throw badRequest(`"${key}" must be a boolean (true or false).`);
  return value;
}

function checkLength(value: string, name: string, min: number, max: number): void {
  // Length in characters (code points), as a Python service counts them.
  const length = [...value].length;
  if (length < min || length > max) {
    throw badRequest(
      min === max
        ? `"${name}" must be exactly ${min} characters long.`
        : `"${name}" must be between ${min} and ${max} characters long (got ${length}).`,
    );
  }
}

function checkPassword(value: string, name: string): void {
  checkLength(value, name, 8, 200);
  if (value !== value.trim()) throw badRequest(`"${name}" must not have leading or trailing whitespace.`);
}

// ---- servers --------------------------------------------------------------

const SERVER_NAME = /^[a-z](?:[a-z0-9.-]*[a-z0-9])?$/;

export function parseServerCreate(body: JsonObject): { name: string } {
  rejectUnknownFields(body, ["name"]);
  const name = requireString(body, "name");
  checkLength(name, "name", 1, 255);
  if (!SERVER_NAME.test(name)) {
    throw badRequest(
      `"name" may only contain lowercase letters, digits, "." and "-", must start with a lowercase letter ` +
        `and end with a lowercase letter or digit (got "${name}").`,
    );
  }
  return { name };
}

export interface ServerUpdate {
  firewall?: boolean;
  autoupdates?: boolean;
  deny_unknown_domains?: boolean;
}

export function parseServerUpdate(body: JsonObject): ServerUpdate {
  rejectUnknownFields(body, ["firewall", "autoupdates", "deny_unknown_domains"]);
  const update: ServerUpdate = {};
  for (const key of ["firewall", "autoupdates", "deny_unknown_domains"] as const) {
    const value = optionalBoolean(body, key);
    if (value !== undefined) update[key] = value;
  }
  return update;
}

// ---- system users ---------------------------------------------------------

const SYSUSER_NAME = /^[a-z][a-z0-9-]*$/;

export function parseSysuserCreate(body: JsonObject): { serverid: string; name: string; password: string | null } {
  rejectUnknownFields(body, ["serverid", "name", "password"]);
  const serverid = requireString(body, "serverid");
  const name = requireString(body, "name");
  checkLength(name, "name", 3, 32);
  if (!SYSUSER_NAME.test(name)) {
    throw badRequest(
      `"name" may only contain lowercase letters, digits and "-", and must start with a lowercase letter (got "${name}").`,
    );
  }
  // The password is optional: without one the user cannot log in with a password.
  let password: string | null = null;
  if (has(body, "password")) {
    password = requireString(body, "password");
    checkPassword(password, "password");
  }
  return { serverid, name, password };
}

export function parseSysuserUpdate(body: JsonObject): { password: string } {
  rejectUnknownFields(body, ["password"]);
  const password = requireString(body, "password");
  checkPassword(password, "password");
  return { password };
}

// ---- apps -----------------------------------------------------------------

const APP_NAME = /^[a-z0-9]+$/;
// Pragmatic address check: local part, "@", a valid host name with a dot.
const EMAIL = /^[^\s@]+@([^\s@]+)$/;

function checkRuntime(runtime: string): void {
  if (!(RUNTIMES as readonly string[]).includes(runtime)) {
    throw badRequest(`"runtime" must be one of ${RUNTIMES.join(", ")} (got "${runtime}").`);
  }
}

/** Validates and normalises a domain list (see serverpilot-domains.ts). */
function parseDomains(body: JsonObject): string[] {
  const value = body.domains;
  if (!Array.isArray(value)) throw badRequest(`"domains" must be an array of domain names.`);
  if (value.length > MAX_DOMAINS_PER_APP) {
    throw badRequest(`"domains" may contain at most ${MAX_DOMAINS_PER_APP} domains (got ${value.length}).`);
  }
  const normalised = value.map((domain, index) => {
    if (typeof domain !== "string") throw badRequest(`"domains[${index}]" must be a string.`);
    const valid = normaliseDomain(domain);
    if (valid === null) throw badRequest(`"domains[${index}]" is not a valid domain name (got "${domain}").`);
    return valid;
  });
  return orderDomains(normalised);
}

function parseWordpress(body: JsonObject): WordpressRecord {
  const wordpress = requireObject(body, "wordpress");
  const fields = ["site_title", "admin_user", "admin_password", "admin_email"] as const;
  rejectUnknownFields(wordpress, fields, "wordpress");
  const [siteTitle, adminUser, adminPassword, adminEmail] = fields.map((key) => requireString(wordpress, key, "wordpress"));
  checkLength(siteTitle, "wordpress.site_title", 1, 255);
  // WordPress user logins are at most 60 characters.
  checkLength(adminUser, "wordpress.admin_user", 1, 60);
  checkLength(adminPassword, "wordpress.admin_password", 8, 200);
  const emailHost = EMAIL.exec(adminEmail)?.[1];
  if (!emailHost || !emailHost.includes(".") || normaliseDomain(emailHost) === null) {
    throw badRequest(`"wordpress.admin_email" must be a valid email address (got "${adminEmail}").`);
  }
  return { site_title: siteTitle, admin_user: adminUser, admin_password: adminPassword, admin_email: adminEmail };
}

export interface AppCreate {
  name: string;
  sysuserid: string;
  runtime: string;
  domains: string[];
  wordpress: WordpressRecord | null;
}

export function parseAppCreate(body: JsonObject): AppCreate {
  rejectUnknownFields(body, ["name", "sysuserid", "runtime", "domains", "wordpress"]);
  const name = requireString(body, "name");
  checkLength(name, "name", 3, 30);
  if (!APP_NAME.test(name)) throw badRequest(`"name" may only contain lowercase letters and digits (got "${name}").`);
  const sysuserid = requireString(body, "sysuserid");
  const runtime = requireString(body, "runtime");
  checkRuntime(runtime);
  const domains = has(body, "domains") ? parseDomains(body) : [];
  const wordpress = has(body, "wordpress") ? parseWordpress(body) : null;
  return { name, sysuserid, runtime, domains, wordpress };
}

export function parseAppUpdate(body: JsonObject): { runtime?: string; domains?: string[] } {
  rejectUnknownFields(body, ["runtime", "domains"]);
  const update: { runtime?: string; domains?: string[] } = {};
  if (has(body, "runtime")) {
    update.runtime = requireString(body, "runtime");
    checkRuntime(update.runtime);
  }
  if (has(body, "domains")) update.domains = parseDomains(body);
  return update;
}

// ---- SSL --------------------------------------------------------------------

export type SslRequest =
  | { kind: "custom"; key: string; cert: string; cacerts: string | null }
  | { kind: "auto" }
  | { kind: "force"; force: boolean };

/**
 * POST /apps/:id/ssl has three forms, and the document says they may not be
 * mixed: a custom certificate, {"auto": true}, or {"force": bool} alone.
 */
export function parseSslRequest(body: JsonObject): SslRequest {
  rejectUnknownFields(body, ["key", "cert", "cacerts", "auto", "force"]);
  const present = Object.keys(body);
  if (has(body, "force")) {
    const others = present.filter((k) => k !== "force");
    if (others.length > 0) {
      throw badRequest(
        `"force" cannot be combined with ${others.map((k) => `"${k}"`).join(", ")}: ` +
          `ForceSSL must be changed in a separate request after SSL is enabled.`,
      );
    }
    const force = optionalBoolean(body, "force") as boolean;
    return { kind: "force", force };
  }
  if (has(body, "auto")) {
    const others = present.filter((k) => k !== "auto");
    if (others.length > 0) {
      throw badRequest(`"auto" cannot be combined with a custom certificate (${others.map((k) => `"${k}"`).join(", ")}).`);
    }
    if (body.auto !== true) {
      throw badRequest(`"auto" must be true; AutoSSL is disabled by deleting SSL (DELETE /apps/:id/ssl).`);
    }
    return { kind: "auto" };
  }
  if (present.length === 0) {
    throw badRequest(`The request needs either "key", "cert" and "cacerts", or "auto": true, or "force".`);
  }
  const key = requireString(body, "key");
  if (!key.includes("-----BEGIN") || !key.includes("PRIVATE KEY-----")) {
    throw badRequest(`"key" must be a PEM private key ("-----BEGIN ... PRIVATE KEY-----").`);
  }
  const cert = requireString(body, "cert");
  if (!cert.includes("-----BEGIN CERTIFICATE-----")) {
    throw badRequest(`"cert" must be a PEM certificate ("-----BEGIN CERTIFICATE-----").`);
  }
  // "cacerts" is required, but null is an accepted value ("If none, null is acceptable").
  if (!has(body, "cacerts")) throw badRequest(`"cacerts" is required (use null when there are no CA certificates).`);
  const cacerts = body.cacerts;
  if (cacerts !== null) {
    if (typeof cacerts !== "string") throw badRequest(`"cacerts" must be a string or null.`);
    if (!cacerts.includes("-----BEGIN CERTIFICATE-----")) {
      throw badRequest(`"cacerts" must be PEM certificates ("-----BEGIN CERTIFICATE-----") or null.`);
    }
  }
  return { kind: "custom", key, cert, cacerts };
}

// ---- databases --------------------------------------------------------------

const DB_NAME = /^[a-z0-9-]+$/;

export function parseDbCreate(body: JsonObject): { appid: string; name: string; user: { name: string; password: string } } {
  rejectUnknownFields(body, ["appid", "name", "user"]);
  const appid = requireString(body, "appid");
  const name = requireString(body, "name");
  checkLength(name, "name", 3, 64);
  if (!DB_NAME.test(name)) throw badRequest(`"name" may only contain lowercase letters, digits and "-" (got "${name}").`);
  const user = requireObject(body, "user");
  rejectUnknownFields(user, ["name", "password"], "user");
  const userName = requireString(user, "name", "user");
  checkLength(userName, "user.name", 1, 16);
  const password = requireString(user, "password", "user");
  checkPassword(password, "user.password");
  return { appid, name, user: { name: userName, password } };
}

export function parseDbUpdate(body: JsonObject): { user: { id: string; password: string } } {
  rejectUnknownFields(body, ["user"]);
  const user = requireObject(body, "user");
  rejectUnknownFields(user, ["id", "password"], "user");
  const id = requireString(user, "id", "user");
  const password = requireString(user, "password", "user");
  checkPassword(password, "user.password");
  return { user: { id, password } };
}
