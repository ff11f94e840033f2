// Validation of every request body the ServerPilot API accepts, with the rules
// of the API document (and FACTS.md where the document is wrong: passwords are
// 8-200 characters even though its examples use 6). Each error message names
// the offending field, so a test can tell which rule fired. Unknown fields are
// rejected: a provider that sends a field the API does not know (or cannot
// change) is sending something the real service ignores or refuses.
//
// Every pattern here runs only after a length check, and each is a single
// character class (or runs of disjoint ones), so none can backtrack badly.
import { badRequest, shown } from "./serverpilot-errors";
import {
  checkLength,
  checkPassword,
  has,
  optionalBoolean,
  rejectUnknownFields,
  requireObject,
  requireString,
  type JsonObject,
} from "./serverpilot-fields";
import { MAX_DOMAINS_PER_APP, normaliseDomain, orderDomains } from "./serverpilot-domains";
import { checkRuntimeForm } from "./serverpilot-runtimes";
import type { WordpressRecord } from "./serverpilot-records";

// ---- servers --------------------------------------------------------------

// The first and last characters are checked apart: a lowercase letter, and a letter or digit.
const SERVER_NAME_CHARACTERS = /^[a-z0-9.-]+$/;

function validServerName(name: string): boolean {
  const first = name[0];
  const last = name[name.length - 1];
  return first >= "a" && first <= "z" && !(last === "." || last === "-") && SERVER_NAME_CHARACTERS.test(name);
}

export function parseServerCreate(body: JsonObject): { name: string } {
  rejectUnknownFields(body, ["name"]);
  const name = requireString(body, "name");
  checkLength(name, "name", 1, 255);
  if (!validServerName(name)) {
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
    if (valid === null) throw badRequest(`"domains[${index}]" is not a valid domain name (got ${shown(domain)}).`);
    return valid;
  });
  return orderDomains(normalised);
}

/**
 * The document's WordPress rules and no others: four required strings, the
 * password 8 to 200 characters. Lengths of the title and user, or the form of
 * the email, are WordPress's business, and the document does not say the API
 * checks them; an emulator that did would pass providers that add such checks
 * and fail those that do not, for no documented reason.
 */
function parseWordpress(body: JsonObject): WordpressRecord {
  const wordpress = requireObject(body, "wordpress");
  const fields = ["site_title", "admin_user", "admin_password", "admin_email"] as const;
  rejectUnknownFields(wordpress, fields, "wordpress");
  const [siteTitle, adminUser, adminPassword, adminEmail] = fields.map((key) => requireString(wordpress, key, "wordpress"));
  for (const [key, value] of [["site_title", siteTitle], ["admin_user", adminUser], ["admin_email", adminEmail]] as const) {
    if (value === "") throw badRequest(`"wordpress.${key}" must not be empty.`);
  }
  checkLength(adminPassword, "wordpress.admin_password", 8, 200);
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
  checkRuntimeForm(runtime);
  const domains = has(body, "domains") ? parseDomains(body) : [];
  const wordpress = has(body, "wordpress") ? parseWordpress(body) : null;
  return { name, sysuserid, runtime, domains, wordpress };
}

export function parseAppUpdate(body: JsonObject): { runtime?: string; domains?: string[] } {
  rejectUnknownFields(body, ["runtime", "domains"]);
  const update: { runtime?: string; domains?: string[] } = {};
  if (has(body, "runtime")) {
    update.runtime = requireString(body, "runtime");
    checkRuntimeForm(update.runtime);
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
