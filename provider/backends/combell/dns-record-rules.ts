import { isIPv4, isIPv6 } from "node:net";
import type { CheckFailure } from "../../kit/errors";
import { isHostName } from "./rules";

// Which properties a DNS record has depends on its type, as the OpenAPI description's DnsRecord
// fields say: record_name "applies to A, AAAA, MX, CNAME, TXT, CAA, ALIAS and TLSA records ...
// does not apply for SRV records"; content is "variable data depending on the record type" and
// "SRV: does not apply"; priority is "for MX or SRV records"; service, target, protocol, port
// and weight are SRV's. A property that does not apply is refused rather than silently dropped.

export const RECORD_TYPES = ["A", "AAAA", "CAA", "CNAME", "MX", "TXT", "SRV", "ALIAS", "TLSA"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The properties that depend on the type. `domainName`, `type` and `ttl` apply to every record. */
export const TYPED_FIELDS = ["recordName", "content", "priority", "service", "target", "protocol", "port", "weight"] as const;
export type TypedField = (typeof TYPED_FIELDS)[number];

export interface TypedValues {
  recordName?: string;
  content?: string;
  priority?: number;
  service?: string;
  target?: string;
  protocol?: string;
  port?: number;
  weight?: number;
}

const NAMED: TypedField[] = ["recordName", "content"];
const SRV: TypedField[] = ["service", "protocol", "target", "port", "priority", "weight"];

/** Per type, the properties it has. */
export const FIELDS_OF: Record<RecordType, readonly TypedField[]> = {
  A: NAMED,
  AAAA: NAMED,
  CAA: NAMED,
  CNAME: NAMED,
  MX: [...NAMED, "priority"],
  TXT: NAMED,
  SRV,
  ALIAS: NAMED,
  TLSA: NAMED,
};

/** Per type, the properties it cannot do without. */
const REQUIRED_OF: Record<RecordType, readonly TypedField[]> = {
  ...(Object.fromEntries(RECORD_TYPES.map((t) => [t, ["content"]])) as Record<RecordType, TypedField[]>),
  SRV: ["service", "target", "port"],
};

/** The API's defaults, for the types that have the property: priority 10, weight 0, protocol TCP, and "@" (the domain itself) for a name. */
export function recordDefaults(type: RecordType): TypedValues {
  if (type === "SRV") return { priority: 10, weight: 0, protocol: "TCP" };
  return { recordName: "@", ...(type === "MX" ? { priority: 10 } : {}) };
}

/** The types a property applies to, for messages: "MX and SRV". */
function typesWith(field: TypedField): string {
  const types = RECORD_TYPES.filter((t) => FIELDS_OF[t].includes(field));
  return types.length === 1 ? types[0] : `${types.slice(0, -1).join(", ")} and ${types.at(-1)}`;
}

const CAA = /^(0|128) (issue|issuewild|iodef) \S.*$/;
const TLSA = /^[0-3] [01] ([0-2]) ([0-9a-f]+)$/i;
/** Hex digits of a TLSA record's data by matching type: the full record (any, whole bytes), SHA-256, SHA-512. */
const TLSA_DIGITS: Record<string, (n: number) => boolean> = { "0": (n) => n % 2 === 0, "1": (n) => n === 64, "2": (n) => n === 128 };

/** A host name in a record's content, as Combell takes it: without the trailing dot zone files use. */
function hostContentProblem(content: string, what: string): string | undefined {
  if (!isHostName(content)) return what;
  return content.endsWith(".") ? `${what}, without the trailing dot` : undefined;
}

/** What `content` must be for the type, or undefined when it is fine. */
function contentProblem(type: RecordType, content: string): string | undefined {
  switch (type) {
    case "A":
      return isIPv4(content) ? undefined : "must be an IPv4 address for an A record, such as 192.0.2.10";
    case "AAAA":
      return isIPv6(content) ? undefined : "must be an IPv6 address for an AAAA record, such as 2001:db8::10";
    case "CNAME":
    case "ALIAS":
      return hostContentProblem(content, `must be the canonical host name for ${type === "ALIAS" ? "an" : "a"} ${type} record, such as www.example.net`);
    case "MX":
      return hostContentProblem(content, "must be the fully qualified name of the mail host for an MX record, such as mail.example.com");
    case "CAA":
      return CAA.test(content) ? undefined : 'must be "{flag} {tag} {ca}" for a CAA record: flag 0 or 128, tag issue, issuewild or iodef, such as 0 issue letsencrypt.org';
    case "TLSA": {
      const match = TLSA.exec(content);
      if (!match) {
        return 'must be "{usage} {selector} {matching type} {data}" for a TLSA record: usage 0-3, selector 0-1, matching type 0-2 and hexadecimal data';
      }
      return TLSA_DIGITS[match[1]!]!(match[2]!.length)
        ? undefined
        : "must have data of 64 hex digits for matching type 1 (SHA-256), 128 for 2 (SHA-512), or whole bytes for 0";
    }
    default:
      return content.length > 0 ? undefined : "must not be empty";
  }
}

/** Every rule of a record that depends on its type; each failure names its property. */
export function recordRules(type: RecordType, values: TypedValues): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const has = FIELDS_OF[type];
  for (const field of TYPED_FIELDS) {
    const value = values[field];
    if (value === undefined) {
      if (REQUIRED_OF[type].includes(field)) failures.push({ property: field, reason: `is required for ${type} records` });
    } else if (!has.includes(field)) {
      failures.push({ property: field, reason: `does not apply to ${type} records; it is for ${typesWith(field)} records` });
    }
  }
  if (typeof values.content === "string" && has.includes("content")) {
    const problem = contentProblem(type, values.content);
    if (problem) failures.push({ property: "content", reason: problem });
  }
  return failures;
}
