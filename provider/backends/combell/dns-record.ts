import { z } from "zod";
import { field, metaOf } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { boundedString } from "../../kit/strings";
import type { DnsRecordBody, DnsRecordData } from "./answers";
import { combellApi } from "./api";
import { domainScopedId, notADomainScopedId, parseDomainScopedId } from "./domain-scoped-id";
import { FIELDS_OF, RECORD_TYPES, recordDefaults, recordRules, type RecordType, type TypedField, type TypedValues } from "./dns-record-rules";
import { domainName, isHostName, isRecordName, normalizeHostName, normalizeRecordName } from "./rules";

// SRV's service, protocol, target and port "cannot be edited" (the OpenAPI; the document says it
// of service and protocol): a change replaces the record. They are SRV's alone, refused on every
// other type, so marking them replace-on-change always is exactly "replaces where it applies".
const SRV_REPLACES = "Only for SRV records; the API cannot edit it, so a change replaces the record.";

const inputs = {
  domainName: field(domainName(), {
    description: "The domain whose zone holds the record, such as example.com.",
    replaceOnChanges: true,
    normalize: normalizeHostName,
  }),
  type: field(z.enum(RECORD_TYPES), { description: "The record type.", replaceOnChanges: true }),
  recordName: field(boundedString(253).refine(isRecordName, 'must be "@" or a name within the domain such as www, *.shop or _25._tcp').optional(), {
    description:
      'The host name the record defines, within the domain: "@" (the default) or "" for the domain itself, "www", "*.shop"; for TLSA port, protocol and host such as _25._tcp. For every type but SRV.',
    normalize: normalizeRecordName,
  }),
  ttl: field(z.number().int().min(60, "must be 60 to 86400 seconds").max(86400, "must be 60 to 86400 seconds").default(3600), {
    description: "How long resolvers may cache the record, 60 to 86400 seconds.",
  }),
  content: field(boundedString(4096).optional(), {
    description:
      'The record data, required for every type but SRV: A an IPv4 address; AAAA an IPv6 address; CNAME and ALIAS the canonical name; MX the mail host\'s name; TXT free text; CAA "{flag} {tag} {ca}" (flag 0 or 128, tag issue, issuewild or iodef); TLSA "{usage} {selector} {matching type} {data}".',
  }),
  priority: field(z.number().int().min(0, "must be 0 to 9999").max(9999, "must be 0 to 9999").optional(), {
    description: "For MX and SRV records: lower is preferred, 0 to 9999 (default 10).",
  }),
  service: field(boundedString(63).regex(/^_?[A-Za-z0-9-]{1,62}$/, "must be a service name of letters, digits and '-', such as _sip").optional(), {
    description: `The symbolic name of the service, such as _sip, required for SRV records. ${SRV_REPLACES}`,
    replaceOnChanges: true,
  }),
  target: field(boundedString(254).refine(isHostName, "must be a host name such as sip.example.com").optional(), {
    description: `The host name of the machine providing the service, required for SRV records. ${SRV_REPLACES}`,
    replaceOnChanges: true,
    normalize: normalizeHostName,
  }),
  protocol: field(boundedString(16).regex(/^(tcp|udp|tls)$/i, "must be TCP, UDP or TLS").optional(), {
    description: `The service's protocol: TCP (the default), UDP or TLS. ${SRV_REPLACES}`,
    replaceOnChanges: true,
    normalize: (value) => (typeof value === "string" ? value.toUpperCase() : value),
  }),
  port: field(z.number().int().min(1, "must be 1 to 65535").max(65535, "must be 1 to 65535").optional(), {
    description: `The service's port, 1 to 65535, required for SRV records. ${SRV_REPLACES}`,
    replaceOnChanges: true,
  }),
  weight: field(z.number().int().min(0, "must be 0 to 65535").max(65535, "must be 0 to 65535").optional(), {
    description: "For SRV records: among records of the same priority, higher is preferred, 0 to 65535 (default 0).",
  }),
};

const outputs = {
  recordId: field(z.string(), { description: "The record's id within the domain." }),
};

type RecordInputs = z.infer<z.ZodObject<typeof inputs>>;

const API_NAMES: Record<TypedField, keyof DnsRecordData> = {
  recordName: "record_name",
  content: "content",
  priority: "priority",
  service: "service",
  target: "target",
  protocol: "protocol",
  port: "port",
  weight: "weight",
};

/** The id Pulumi keeps: the domain and the API's record id. */
export const recordIdOf = domainScopedId;

const notARecordId = (id: string) => notADomainScopedId(id, "a DNS record", "domainName/recordId", "example.com/12345");

function parseId(id: string): { domain: string; recordId: string } | undefined {
  const parsed = parseDomainScopedId(id);
  return parsed && { domain: parsed.domain, recordId: parsed.name };
}

function fieldsOf(type: string): readonly TypedField[] {
  return FIELDS_OF[type as RecordType] ?? FIELDS_OF.A;
}

/** The API's record as the provider sees it: only the properties its type has. */
export function recordFromApi(domain: string, data: DnsRecordData) {
  const type = data.type.toUpperCase();
  const typed: TypedValues = {};
  for (const name of fieldsOf(type)) {
    const value = data[API_NAMES[name]];
    if (value !== null && value !== undefined) (typed as Record<string, unknown>)[name] = value;
  }
  if (fieldsOf(type).includes("recordName")) typed.recordName = data.record_name || "@";
  return {
    id: recordIdOf(domain, data.id),
    inputs: { domainName: domain, type: type as RecordType, ttl: data.ttl ?? 3600, ...typed },
    outputs: { recordId: data.id },
  };
}

/** The record as the API takes it, with only the properties its type has. */
function recordToApi(args: RecordInputs): DnsRecordBody {
  const body: DnsRecordBody = { type: args.type, ttl: args.ttl };
  for (const name of FIELDS_OF[args.type]) {
    // Sent as compared (protocol in capitals, a target without its trailing dot), which Combell requires.
    const value = metaOf(inputs[name])?.normalize?.(args[name]) ?? args[name];
    if (value !== undefined) (body as Record<string, unknown>)[API_NAMES[name]] = value;
  }
  return body;
}

/** Whether a listed record is the one these inputs ask for: its type, TTL and every property of its type, compared as Combell stores them. */
function isRecordOf(args: RecordInputs, listed: DnsRecordData): boolean {
  const found = recordFromApi(args.domainName, listed).inputs as Record<string, unknown>;
  const same = (name: TypedField) => {
    const normalize = (value: unknown) => String(metaOf(inputs[name])?.normalize?.(value) ?? value ?? "").toLowerCase();
    return normalize(found[name]) === normalize(args[name]);
  };
  return found.type === args.type && found.ttl === args.ttl && FIELDS_OF[args.type].every(same);
}

export const DnsRecord = defineResource({
  token: "hosting:combell:DnsRecord",
  importId: "<domainName>/<recordId>",
  importExample: "example.com/12345",
  example: `
new hosting.combell.DnsRecord("www", { domainName: "example.com", type: "A", recordName: "www", content: "203.0.113.10", ttl: 3600 });
new hosting.combell.DnsRecord("mail", { domainName: "example.com", type: "MX", recordName: "@", content: "mail.example.com", priority: 10 });
new hosting.combell.DnsRecord("sip", {
  domainName: "example.com",
  type: "SRV",
  service: "_sip",
  protocol: "TCP",
  target: "sip.example.com",
  port: 5060,
  priority: 10,
  weight: 60,
});
`,
  description:
    "A DNS record in the zone of a domain the reseller account manages: A, AAAA, CAA, CNAME, MX, TXT, SRV, ALIAS or TLSA. Which properties a record has depends on its type, and any other is refused: SRV records have service, protocol, target, port, priority and weight (changing service, protocol, target or port replaces the record); every other type has recordName and content, and MX also priority. Other changes are made in place. Its id is `domainName/recordId` (example.com/12345), as `pulumi import` takes it.",
  api: combellApi,
  inputs,
  outputs,
  // Replacing a record under the same name deletes the old one first: a CNAME cannot share its
  // name with any other record. SRV records are keyed by everything a replacement changes.
  uniqueKeys: (args) =>
    args.type === "SRV"
      ? [`${args.domainName}/SRV/${args.service}/${args.protocol}/${args.target}/${args.port}`]
      : [`${args.domainName}/${normalizeRecordName(args.recordName ?? "@")}`],
  defaults: (args) => recordDefaults(args.type),
  rules: (args) => recordRules(args.type, args),
  async create(ctx, args) {
    const client = ctx.client;
    // The API refuses a second record of the same name and content (or SRV target), and records
    // carry no creation time: one with every input of the program's is the one asked for.
    const recordId = await createOnce(ctx, {
      api: "Combell",
      subject: `${args.type} record ${args.type === "SRV" ? `${args.service}.${args.protocol}` : (args.recordName ?? "@")} in ${args.domainName}`,
      token: "hosting:combell:DnsRecord",
      importId: `${args.domainName}/<record id>`,
      create: () => client.createDnsRecord(args.domainName, recordToApi(args), ctx),
      candidates: async (look) => (await client.listDnsRecords(args.domainName, { type: args.type }, look)).filter((r) => isRecordOf(args, r)).map((r) => r.id),
      describe: (found) => `the record: recorded as ${recordIdOf(args.domainName, found)}`,
    });
    const id = recordIdOf(args.domainName, recordId);
    ctx.created(id, { recordId });
    return { id, outputs: { recordId } };
  },
  async read(ctx, id) {
    const parsed = parseId(id);
    if (!parsed) throw notARecordId(id);
    const data = await ctx.client.getDnsRecord(parsed.domain, parsed.recordId, ctx);
    return data && recordFromApi(parsed.domain, data);
  },
  async update(ctx, id, olds, news) {
    const recordId = olds.outputs.recordId ?? parseId(id)?.recordId;
    if (typeof recordId !== "string") throw notARecordId(id);
    await ctx.client.updateDnsRecord(news.domainName, recordId, recordToApi(news), ctx);
    return { recordId };
  },
  async delete(ctx, id, olds) {
    const recordId = olds.outputs.recordId ?? parseId(id)?.recordId;
    // Nothing says which record: not done silently, or it would stay in the zone unseen.
    if (recordId === undefined) throw notARecordId(id);
    const domain = olds.inputs.domainName ?? parseId(id)?.domain;
    if (typeof domain !== "string") throw notARecordId(id);
    await ctx.client.deleteDnsRecord(domain, recordId, ctx);
  },
});
