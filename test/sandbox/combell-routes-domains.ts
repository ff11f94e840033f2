// Domains: list and detail, registration and transfer (each a provisioning
// job; the domain, and a DNS zone for it, exist once the job finishes), name
// servers and the renewal flag. The API deletes no domain.
import { notFound, validationFailed } from "./combell-errors";
import { domainProblem, emailProblem, Fields, hostnameProblem, isObject, type JsonObject } from "./combell-fields";
import { paged } from "./combell-paging";
import { accepted, lower, noContent, type CombellState, type Route } from "./combell-state";
import { domainDetailView, domainView, isoSeconds, type DomainRecord, type NameServerRecord } from "./combell-store";

export const DEFAULT_NAME_SERVERS = ["ns1.combell.net", "ns2.combell.net", "ns3.combell.net"];
const YEAR_MS = 365 * 24 * 3600 * 1000;

const REGISTRANT_FIELDS = [
  "first_name", "last_name", "address", "postal_code", "city", "country_code", "email",
  "fax", "phone", "language_code", "company_name", "enterprise_number", "extra_fields",
];
const PHONE = /^\+[0-9]{1,3}\.[0-9]{4,14}$/;
const phoneProblem = (v: string) => (PHONE.test(v) ? null : `must be written like "+32.123456789" (got "${v.slice(0, 32)}").`);

function parseRegistrant(f: Fields): Record<string, unknown> | null {
  const r = f.object("registrant", REGISTRANT_FIELDS);
  if (!r) return null;
  const text = (key: string, required = true) => r.string(key, { required, max: 255 });
  const registrant: Record<string, unknown> = {
    first_name: text("first_name"),
    last_name: text("last_name"),
    address: text("address"),
    postal_code: r.string("postal_code", { required: true, max: 16 }),
    city: text("city"),
    country_code: r.string("country_code", { required: true, check: (v) => (/^[A-Z]{2}$/.test(v) ? null : `must be an ISO country code such as "BE" (got "${v.slice(0, 8)}").`) }),
    email: r.string("email", { required: true, check: emailProblem }),
    fax: r.string("fax", { check: phoneProblem }) ?? null,
    phone: r.string("phone", { required: true, check: phoneProblem }),
    language_code: r.string("language_code", { check: (v) => (/^[a-z]{2}$/.test(v) ? null : `must be a language code such as "nl" (got "${v.slice(0, 8)}").`) }) ?? null,
    company_name: text("company_name", false) ?? null,
    enterprise_number: text("enterprise_number", false) ?? null,
  };
  // extra_fields (a list of objects) is checked by parseExtraFields.
  return registrant;
}

function parseExtraFields(body: JsonObject, f: Fields): { name: string; value: string }[] | undefined {
  const registrant = body.registrant;
  if (!isObject(registrant) || registrant.extra_fields === undefined || registrant.extra_fields === null) return undefined;
  const list = registrant.extra_fields;
  if (!Array.isArray(list)) return void f.fail("registrant.extra_fields", "invalid_type", "must be an array of {name, value} objects.");
  const out: { name: string; value: string }[] = [];
  list.forEach((item, i) => {
    const field = isObject(item) ? new Fields(item, ["name", "value"], `registrant.extra_fields[${i}]`, f.errors) : undefined;
    if (!field) return void f.fail(`registrant.extra_fields[${i}]`, "invalid_type", "must be an object with name and value.");
    const name = field.string("name", { required: true, max: 64 });
    const value = field.string("value", { required: true, max: 255 });
    if (name !== undefined && value !== undefined) out.push({ name, value });
  });
  return out;
}

function nameServers(f: Fields, required: boolean): string[] | undefined {
  const list = f.stringArray("name_servers", { required, min: required ? 1 : 0, max: 13, check: (v) => hostnameProblem(v, 2) });
  if (list && new Set(list.map(lower)).size !== list.length) f.fail("name_servers", "invalid_value", "lists a name server twice.");
  return list?.map(lower);
}

export function domainRoutes(state: CombellState): Route[] {
  const { store, jobs } = state;

  function domainOf(name: string): DomainRecord {
    const domain = store.domains.get(lower(name));
    if (!domain) throw notFound(`Domain ${name.slice(0, 253)} not found.`);
    return domain;
  }

  function startDomainJob(body: JsonObject, origin: DomainRecord["origin"]) {
    const allowed = ["domain_name", "name_servers", "registrant", ...(origin === "transfer" ? ["auth_code"] : [])];
    const f = new Fields(body, allowed);
    const name = f.string("domain_name", { required: true, check: domainProblem })?.toLowerCase();
    const authCode = origin === "transfer" ? f.string("auth_code", { required: true, max: 255 }) : undefined;
    const servers = nameServers(f, false);
    const registrant = parseRegistrant(f);
    const extra = parseExtraFields(body, f);
    if (registrant && extra) registrant.extra_fields = extra;
    if (name !== undefined && name.endsWith(".ca") && registrant?.country_code !== "CA") {
      f.fail("domain_name", "invalid_value", "with extension .ca is only available for registrants with country code CA.");
    }
    if (name !== undefined && (store.domains.has(name) || jobs.isReserved(`domain:${name}`))) {
      f.fail("domain_name", "already_exists", `"${name}" is already in your portfolio (or being ${origin === "transfer" ? "transferred" : "registered"}).`);
    }
    f.done();
    const job = jobs.start({
      kind: origin === "transfer" ? "domain_transfer" : "domain_registration",
      reserves: [`domain:${name}`],
      finish: () => {
        const ns: NameServerRecord[] = (servers && servers.length > 0 ? servers : DEFAULT_NAME_SERVERS).map((n) => ({ name: n, ip: null }));
        store.domains.set(name!, {
          domain_name: name!,
          expiration_date: isoSeconds(state.clock() + YEAR_MS),
          will_renew: true,
          can_toggle_renew: true,
          name_servers: ns,
          registrant,
          origin,
          auth_code: authCode ?? null,
        });
        if (!store.dnsZones.has(name!)) store.dnsZones.set(name!, new Map());
        return [`/v2/domains/${name}`];
      },
    });
    return accepted(job, state);
  }

  return [
    {
      method: "GET",
      pattern: /^\/domains$/,
      handle: ({ query }) => paged([...store.domains.values()], query, state.paging, domainView),
    },
    {
      method: "POST",
      pattern: /^\/domains\/registrations$/,
      handle: ({ body }) => startDomainJob(body, "registration"),
    },
    {
      method: "POST",
      pattern: /^\/domains\/transfers$/,
      handle: ({ body }) => startDomainJob(body, "transfer"),
    },
    {
      method: "GET",
      pattern: /^\/domains\/([^/]+)$/,
      handle: ({ params: [name] }) => domainDetailView(domainOf(name)),
    },
    {
      method: "PUT",
      pattern: /^\/domains\/([^/]+)\/nameservers$/,
      handle: ({ params: [name], body }) => {
        const domain = domainOf(name);
        const f = new Fields(body, ["domain_name", "name_servers"]);
        f.string("domain_name", { check: (v) => (lower(v) === domain.domain_name ? null : `must be the domain of the path ("${domain.domain_name}") or left out.`) });
        const servers = nameServers(f, true);
        f.done();
        domain.name_servers = servers!.map((n) => ({ name: n, ip: null }));
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/domains\/([^/]+)\/renew$/,
      handle: ({ params: [name], body }) => {
        const domain = domainOf(name);
        const f = new Fields(body, ["will_renew"]);
        const willRenew = f.boolean("will_renew", true);
        f.done();
        if (!domain.can_toggle_renew) {
          throw validationFailed([{ error_code: "renew_not_toggleable", error_text: `The renewal of ${domain.domain_name} cannot be changed now (can_toggle_renew is false: unpaid invoices, or the renewal starts within a month).` }]);
        }
        domain.will_renew = willRenew!;
        return noContent();
      },
    },
  ];
}

