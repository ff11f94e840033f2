import type { Found } from "./adopted";
import { positionsBy } from "./positions";

// Pulumi names derived from what the API calls a resource (its name, identifier, address, a DNS
// record's domain, name and type), readable and unique within each type. Equal names are told
// apart by -2, -3... in the order of their ids, so a second run over the same account names
// everything the same way.

/** Inputs that name a resource, matched by their key; a record's type comes last. */
const NAMING_KEY = /^(name|identifier|emailAddress|database)$|Name$/;
const MAX_NAME = 60;

/** "john_mydb" -> "john-mydb", "www.example.com" -> "www-example-com", "@" -> "". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_NAME)
    .replace(/-+$/, "");
}

/** The name the API's own names give, before duplicates are told apart. */
export function baseName(found: Found): string {
  const keys = Object.keys(found.resource.inputs);
  const naming = [...keys.filter((k) => NAMING_KEY.test(k)), ...keys.filter((k) => k === "type")];
  const parts = naming.map((k) => found.inputs[k]).filter((v): v is string | number => typeof v === "string" || typeof v === "number");
  return slug(parts.map(String).join("-")) || slug(found.id) || found.kind.toLowerCase();
}

/** A unique name per resource type, and a unique variable for the program. */
export function nameAll(found: Found[]): { name: string; variable: string }[] {
  const names: string[] = new Array(found.length);
  for (const indexes of positionsBy(found, (f) => [f.resource.token]).values()) {
    const bases = new Map(indexes.map((i) => [i, baseName(found[i])]));
    const ordered = [...indexes].sort((a, b) => compare(bases.get(a)!, bases.get(b)!) || compare(found[a].id, found[b].id));
    const given = distinct(ordered.map((i) => bases.get(i)!), "-");
    ordered.forEach((i, n) => (names[i] = given[n]));
  }
  const variables = distinct(found.map((f, i) => variableName(f.kind, names[i])));
  return found.map((_, i) => ({ name: names[i], variable: variables[i] }));
}

/** "Server", "web-1" -> "serverWeb_1" (and "web1" -> "serverWeb1"): a valid identifier. */
export function variableName(kind: string, name: string): string {
  // A word of digits keeps its hyphen as "_": "web-1" and "web1" must not be one variable.
  const words = name
    .split("-")
    .filter(Boolean)
    .map((w, i) => (/^[0-9]/.test(w) ? (i === 0 ? w : `_${w}`) : w.charAt(0).toUpperCase() + w.slice(1)));
  return `${kind.charAt(0).toLowerCase()}${kind.slice(1)}${words.join("")}`;
}

/**
 * The wanted strings made unique: the first to want one has it, the others get "-2", "-3"... (or
 * "_2" for identifiers and config keys, which two kinds may spell alike: "Dns" "record-x" and
 * "DnsRecord" "x"). A string someone wants as their own is never handed to another, so "www-a-2"
 * never takes a real "www-a-2"; each one's numbering goes on where it stood, so thousands of
 * equal names are numbered in one pass.
 */
export function distinct(wanted: readonly string[], separator = "_"): string[] {
  const own = new Set(wanted);
  const taken = new Set<string>();
  const next = new Map<string, number>();
  return wanted.map((want) => {
    let given = want;
    let n = next.get(want) ?? 2;
    while (taken.has(given) || (given !== want && own.has(given))) given = `${want}${separator}${n++}`;
    next.set(want, n);
    taken.add(given);
    return given;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
