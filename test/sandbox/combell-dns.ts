// DNS record validation, per type, from the OpenAPI's DnsRecord: the nine types
// of the real API; TTL 60-86400 (default 3600); priority 0-9999 (default 10)
// for MX and SRV; SRV's service, protocol (default TCP), target, port and weight
// (default 0) instead of record_name and content; content per type (IPv4, IPv6,
// a host name, CAA "{flag} {tag} {ca}", TLSA "{usage} {selector} {matching type}
// {data}", free TXT). A field that does not apply to the type is refused rather
// than ignored: the provider should not send what the API does not use.
//
// On update (PUT) the record keeps its type, and SRV's service, protocol,
// target and port cannot change ("Editing the value is not possible. You should
// add a new SRV record and delete the existing record."): a different value is a 400.
import { isIP } from "node:net";
import { Fields, hostnameProblem, type JsonObject } from "./combell-fields";
import { shown } from "./combell-errors";
import type { DnsRecordRecord } from "./combell-store";

export const DNS_TYPES = ["A", "AAAA", "CAA", "CNAME", "MX", "TXT", "SRV", "ALIAS", "TLSA"] as const;
export type DnsType = (typeof DNS_TYPES)[number];

const ALL_FIELDS = ["id", "type", "record_name", "ttl", "content", "priority", "service", "weight", "target", "protocol", "port"];
const NAMED = ["record_name", "ttl", "content"];
const APPLIES: Record<DnsType, readonly string[]> = {
  A: NAMED,
  AAAA: NAMED,
  CAA: NAMED,
  CNAME: NAMED,
  TXT: NAMED,
  ALIAS: NAMED,
  TLSA: NAMED,
  MX: [...NAMED, "priority"],
  SRV: ["ttl", "priority", "service", "weight", "target", "protocol", "port"],
};
export const SRV_FIXED = ["service", "protocol", "target", "port"] as const;
export const SRV_PROTOCOLS = ["TCP", "UDP", "TLS"];

const RECORD_NAME_LABEL = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/i;
const SERVICE = /^_?[a-z0-9](?:[a-z0-9-]{0,60}[a-z0-9])?$/i;
const CAA = /^(0|128) (issue|issuewild|iodef) (\S.*)$/;
const TLSA = /^([0-3]) ([01]) ([0-2]) ([0-9a-f]+)$/i;

function recordNameProblem(value: string): string | null {
  if (value === "" || value === "@") return null;
  if (value.length > 253 || !value.split(".").every((l) => RECORD_NAME_LABEL.test(l))) {
    return `must be empty, "@" or a name below the domain such as "www" or "_dmarc" (got ${shown(value)}).`;
  }
  return null;
}

const targetProblem = (value: string) =>
  value.endsWith(".") ? `must be a host name without a trailing dot (got ${shown(value)}).` : hostnameProblem(value, 2);

function contentProblem(type: DnsType, value: string): string | null {
  switch (type) {
    case "A":
      return isIP(value) === 4 ? null : `must be an IPv4 address for an A record (got ${shown(value)}).`;
    case "AAAA":
      return isIP(value) === 6 ? null : `must be an IPv6 address for an AAAA record (got ${shown(value)}).`;
    case "CNAME":
    case "ALIAS":
    case "MX":
      return targetProblem(value);
    case "CAA": {
      const match = CAA.exec(value);
      if (!match) return `must be "{flag} {tag} {ca}" with flag 0 or 128 and tag issue, issuewild or iodef, e.g. "0 issue letsencrypt.org" (got ${shown(value)}).`;
      const ca = match[3].replace(/^"(.*)"$/, "$1");
      if (match[2] === "iodef") return /^(mailto:|https?:\/\/)\S+$/.test(ca) ? null : `must give an iodef URL (mailto: or http(s)://) (got ${shown(value)}).`;
      return ca === ";" || hostnameProblem(ca, 2) === null ? null : `must give the CA's domain or ";" (got ${shown(value)}).`;
    }
    case "TLSA": {
      const match = TLSA.exec(value);
      if (!match) return `must be "{usage 0-3} {selector 0-1} {matching type 0-2} {hex data}" (got ${shown(value)}).`;
      const expected = match[3] === "1" ? 64 : match[3] === "2" ? 128 : null;
      if (expected !== null && match[4].length !== expected) {
        return `must carry ${expected} hex digits for matching type ${match[3]} (got ${match[4].length}).`;
      }
      return match[3] === "0" && match[4].length % 2 !== 0 ? "must carry an even number of hex digits." : null;
    }
    default:
      return null;
  }
}

/** What a create or update asks for: the record without its id. */
export type DnsInput = Omit<DnsRecordRecord, "id">;

/**
 * Checks a DnsRecord body; `existing` for a PUT. Throws the 400 listing every
 * problem, or returns the record as it will be stored (defaults applied).
 */
export function parseDnsRecord(body: JsonObject, existing?: DnsRecordRecord): DnsInput {
  const f = new Fields(body, ALL_FIELDS);
  f.string("id", { check: (id) => (existing && id !== existing.id ? `must be the id of the record in the path ("${existing.id}") or left out.` : null) });
  const type = f.string("type", {
    required: true,
    check: (t) => (DNS_TYPES.includes(t as DnsType) ? null : `must be one of ${DNS_TYPES.join(", ")} (got ${shown(t)}).`),
  }) as DnsType | undefined;
  if (type === undefined) return f.done() as never;
  if (existing && type !== existing.type) f.fail("type", "not_editable", `cannot change from ${existing.type} to ${type}; add a new record and delete this one.`);

  const applies = APPLIES[type];
  for (const key of ALL_FIELDS.filter((k) => k !== "id" && k !== "type" && !applies.includes(k))) {
    if (f.given(key)) f.fail(key, "not_applicable", `does not apply to ${type} records; leave it out.`);
  }
  const ttl = f.integer("ttl", { min: 60, max: 86400 }) ?? 3600;
  const input: DnsInput = { type, record_name: null, ttl, content: null, priority: null, service: null, weight: null, target: null, protocol: null, port: null };

  if (type === "SRV") {
    input.priority = f.integer("priority", { min: 0, max: 9999 }) ?? 10;
    input.weight = f.integer("weight", { min: 0, max: 65535 }) ?? 0;
    const required = !existing;
    input.service = f.string("service", { required, max: 63, check: (s) => (SERVICE.test(s) ? null : `must be a service name such as "_sip" (got ${shown(s)}).`) }) ?? null;
    input.protocol = f.string("protocol", { check: (p) => (SRV_PROTOCOLS.includes(p) ? null : `must be one of ${SRV_PROTOCOLS.join(", ")} (got ${shown(p)}).`) }) ?? null;
    input.target = f.string("target", { required, check: targetProblem }) ?? null;
    input.port = f.integer("port", { required, min: 1, max: 65535 }) ?? null;
    if (existing) {
      for (const key of SRV_FIXED) {
        if (f.given(key) && input[key] !== null && input[key] !== existing[key]) {
          f.fail(key, "not_editable", `of an SRV record cannot be changed (it is ${shown(existing[key])}); add a new SRV record and delete this one.`);
        }
        input[key] = existing[key] as never;
      }
    } else {
      input.protocol ??= "TCP";
    }
  } else {
    input.record_name = f.string("record_name", { check: recordNameProblem }) ?? "";
    const maxContent = type === "TXT" ? 4096 : 512;
    input.content = f.string("content", { required: true, max: maxContent, check: (c) => contentProblem(type, c) }) ?? null;
    if (type === "MX") input.priority = f.integer("priority", { min: 0, max: 9999 }) ?? 10;
  }
  f.done();
  return input;
}

/** "" and "@" both name the domain itself; names compare without case. */
export const sameName = (a: string | null, b: string | null) => (a === "@" ? "" : (a ?? "").toLowerCase()) === (b === "@" ? "" : (b ?? "").toLowerCase());

/** Why the record cannot join the zone (a duplicate, a CNAME clash), or null. */
export function zoneConflict(zone: Iterable<DnsRecordRecord>, input: DnsInput, ignoreId?: string): { field: string; text: string } | null {
  for (const other of zone) {
    if (other.id === ignoreId) continue;
    if (input.type === "SRV" || other.type === "SRV") {
      const same = other.type === input.type && SRV_FIXED.every((k) => String(other[k]).toLowerCase() === String(input[k]).toLowerCase());
      if (same) return { field: "service", text: `duplicates an existing SRV record with the same service, protocol, target and port (id "${other.id}").` };
      continue;
    }
    if (!sameName(other.record_name, input.record_name)) continue;
    if (other.type === "CNAME" || input.type === "CNAME") {
      return { field: "record_name", text: `is already used by a ${other.type} record (id "${other.id}"); a CNAME cannot share its name with other records.` };
    }
    if (other.type === input.type && (other.content ?? "").toLowerCase() === (input.content ?? "").toLowerCase()) {
      return { field: "content", text: `duplicates an existing ${input.type} record with the same name and content (id "${other.id}").` };
    }
  }
  return null;
}
