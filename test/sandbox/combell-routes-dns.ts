// DNS records of a zone: list (type, record_name and service filters, paged),
// create (201 with a Location of the new record, no body), read, update (200,
// no body) and delete (204). The filters work as the OpenAPI says: "Most other
// filters only apply when [type] is specified": record_name only with a type
// other than SRV, service only with type SRV; without type both are ignored.
import { reply } from "./base";
import { invalid, notFound } from "./combell-errors";
import { parseDnsRecord, sameName, zoneConflict } from "./combell-dns";
import { paged, queryValue } from "./combell-paging";
import { newRecordId } from "./combell-routes-accounts";
import { lower, noContent, zoneOf, type CombellState, type Route } from "./combell-state";
import { dnsRecordView, type DnsRecordRecord } from "./combell-store";

export function dnsRoutes(state: CombellState): Route[] {
  function recordOf(domainName: string, id: string): DnsRecordRecord {
    const record = zoneOf(state, domainName).get(id);
    if (!record) throw notFound(`DNS record ${id.slice(0, 64)} not found in ${domainName.slice(0, 253)}.`);
    return record;
  }

  return [
    {
      method: "GET",
      pattern: /^\/dns\/([^/]+)\/records$/,
      handle: ({ params: [domain], query }) => {
        const zone = zoneOf(state, domain);
        const type = queryValue(query, "type")?.toUpperCase();
        const recordName = queryValue(query, "record_name");
        const service = queryValue(query, "service");
        const records = [...zone.values()].filter((r) => {
          if (type === undefined) return true;
          if (r.type !== type) return false;
          if (type === "SRV") return service === undefined || lower(r.service ?? "") === lower(service);
          return recordName === undefined || sameName(r.record_name, recordName);
        });
        return paged(records, query, state.paging, dnsRecordView);
      },
    },
    {
      method: "POST",
      pattern: /^\/dns\/([^/]+)\/records$/,
      handle: ({ params: [domain], body }) => {
        const zone = zoneOf(state, domain);
        const input = parseDnsRecord(body);
        const conflict = zoneConflict(zone.values(), input);
        if (conflict) throw invalid(conflict.field, "already_exists", conflict.text);
        const record: DnsRecordRecord = { id: newRecordId(), ...input };
        zone.set(record.id, record);
        return reply(201, undefined, { location: `/v2/dns/${lower(domain)}/records/${record.id}` });
      },
    },
    {
      method: "GET",
      pattern: /^\/dns\/([^/]+)\/records\/([^/]+)$/,
      handle: ({ params: [domain, id] }) => dnsRecordView(recordOf(domain, id)),
    },
    {
      method: "PUT",
      pattern: /^\/dns\/([^/]+)\/records\/([^/]+)$/,
      handle: ({ params: [domain, id], body }) => {
        const record = recordOf(domain, id);
        const input = parseDnsRecord(body, record);
        const conflict = zoneConflict(zoneOf(state, domain).values(), input, record.id);
        if (conflict) throw invalid(conflict.field, "already_exists", conflict.text);
        Object.assign(record, input);
        return reply(200);
      },
    },
    {
      method: "DELETE",
      pattern: /^\/dns\/([^/]+)\/records\/([^/]+)$/,
      handle: ({ params: [domain, id] }) => {
        const record = recordOf(domain, id);
        zoneOf(state, domain).delete(record.id);
        return noContent();
      },
    },
  ];
}
