// Servicepacks, accounts and provisioning jobs. An account is created by a job;
// when it finishes the account exists, and with it what its servicepack
// contains: a Linux hosting named after the identifier (linux_hosting), a DNS
// zone for it (dns). The API deletes no account.
import { randomInt, randomUUID } from "node:crypto";
import { reply } from "./base";
import { invalid, notFound } from "./combell-errors";
import { domainProblem, Fields, passwordProblem } from "./combell-fields";
import { paged, queryValue } from "./combell-paging";
import { accepted, accountById, lower, type CombellState, type Route } from "./combell-state";
import {
  accountDetailView,
  accountView,
  ASSET_TYPES,
  isoSeconds,
  servicepackView,
  type AccountRecord,
  type AssetType,
  type DnsRecordRecord,
  type LinuxHostingRecord,
  type ServicepackRecord,
} from "./combell-store";

export const DEFAULT_PHP_VERSIONS = ["7.4", "8.0", "8.1", "8.2", "8.3"];
export const DEFAULT_PHP_VERSION = "8.2";
/** Where a hosting account's mail is delivered, for the MX record of a new zone. */
export const DEFAULT_MX = "mx.mailprotect.be";

/** Asset types whose account identifier is a domain name. */
const DOMAIN_ASSETS: readonly AssetType[] = ["linux_hosting", "windows_hosting", "dns", "mailbox", "domain"];

function newHosting(account: AccountRecord, pack: ServicepackRecord): LinuxHostingRecord {
  const domain = account.identifier;
  return {
    domain_name: domain,
    servicepack_id: pack.id,
    account_id: account.id,
    max_size: 10240,
    actual_size: 0,
    ip: `10.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`,
    ip_type: "shared",
    ftp_enabled: true,
    ftp_username: domain,
    ssh_enabled: false,
    ssh_host: `ssh.${domain}`,
    ssh_username: domain,
    php_version: DEFAULT_PHP_VERSION,
    available_php_versions: [...DEFAULT_PHP_VERSIONS],
    gzip_enabled: true,
    php_memory_limit: 256,
    apcu: { enabled: false, apcu_size: 0 },
    sites: [
      {
        name: domain,
        path: "/www",
        host_headers: [
          { name: domain, enabled: true },
          { name: `www.${domain}`, enabled: true },
        ],
        ssl_enabled: false,
        https_redirect_enabled: false,
        http2_enabled: false,
        letsencrypt_hostnames: [],
        subsite: false,
      },
    ],
    ssh_keys: [],
  };
}

export const newRecordId = () => randomUUID().replaceAll("-", "");

function defaultRecords(hosting: LinuxHostingRecord | undefined, mail: boolean): DnsRecordRecord[] {
  const base = { ttl: 3600, priority: null, service: null, weight: null, target: null, protocol: null, port: null };
  const records: DnsRecordRecord[] = [];
  if (hosting) {
    records.push({ ...base, id: newRecordId(), type: "A", record_name: "", content: hosting.ip });
    records.push({ ...base, id: newRecordId(), type: "A", record_name: "www", content: hosting.ip });
  }
  if (mail) records.push({ ...base, id: newRecordId(), type: "MX", record_name: "", content: DEFAULT_MX, priority: 10 });
  return records;
}

export function accountRoutes(state: CombellState): Route[] {
  const { store, jobs } = state;

  function createAccount(body: Record<string, unknown>) {
    const f = new Fields(body, ["identifier", "servicepack_id", "ftp_password"]);
    const identifier = f.string("identifier", { required: true, max: 253 });
    const servicepackId = f.integer("servicepack_id", { required: true, min: 1 });
    const ftpPassword = f.string("ftp_password", { check: passwordProblem });
    const pack = servicepackId === undefined ? undefined : store.servicepacks.get(servicepackId);
    if (servicepackId !== undefined && !pack) {
      const known = [...store.servicepacks.keys()].join(", ");
      f.fail("servicepack_id", "invalid_value", `is not a servicepack of this reseller (GET /servicepacks lists ${known}).`);
    }
    const hosting = pack?.assets.includes("linux_hosting") ?? false;
    // The OpenAPI makes ftp_password optional: it "applies only if the servicepack contains hosting".
    const domainBased = pack?.assets.some((a) => DOMAIN_ASSETS.includes(a)) ?? false;
    const name = identifier === undefined ? undefined : lower(identifier);
    if (name !== undefined && domainBased) {
      const problem = domainProblem(name);
      if (problem) f.fail("identifier", "invalid_value", `${problem} Servicepack ${pack!.id} needs a domain name.`);
    }
    if (name !== undefined) {
      const taken = [...store.accounts.values()].some((a) => lower(a.identifier) === name) || jobs.isReserved(`account:${name}`);
      if (taken || (hosting && store.linuxHostings.has(name))) f.fail("identifier", "already_exists", `"${name}" is already used by another account.`);
    }
    f.done();
    return { identifier: domainBased ? name! : identifier!, pack: pack!, ftpPassword: ftpPassword ?? null };
  }

  return [
    {
      method: "GET",
      pattern: /^\/servicepacks$/,
      handle: ({ query }) => paged([...store.servicepacks.values()], query, state.paging, servicepackView),
    },
    {
      method: "GET",
      pattern: /^\/accounts$/,
      handle: ({ query }) => {
        const identifier = queryValue(query, "identifier");
        const assetType = queryValue(query, "asset_type");
        if (assetType !== undefined && !ASSET_TYPES.includes(assetType as AssetType)) {
          throw invalid("asset_type", "invalid_value", `must be one of ${ASSET_TYPES.join(", ")} (got "${assetType.slice(0, 32)}").`);
        }
        const accounts = [...store.accounts.values()].filter(
          (a) =>
            (identifier === undefined || lower(a.identifier) === lower(identifier)) &&
            (assetType === undefined || (store.servicepacks.get(a.servicepack_id)?.assets.includes(assetType as AssetType) ?? false)),
        );
        return paged(accounts, query, state.paging, accountView);
      },
    },
    {
      method: "POST",
      pattern: /^\/accounts$/,
      handle: ({ body }) => {
        const { identifier, pack, ftpPassword } = createAccount(body);
        const job = jobs.start({
          kind: "account",
          reserves: [`account:${lower(identifier)}`],
          finish: () => {
            const account: AccountRecord = { id: state.nextAccountId(), identifier, servicepack_id: pack.id, addons: [], ftp_password: ftpPassword };
            store.accounts.set(account.id, account);
            let hosting: LinuxHostingRecord | undefined;
            if (pack.assets.includes("linux_hosting")) {
              hosting = newHosting(account, pack);
              store.linuxHostings.set(hosting.domain_name, hosting);
            }
            if (pack.assets.includes("dns") && !store.dnsZones.has(identifier)) {
              const records = defaultRecords(hosting, pack.assets.includes("mailbox"));
              store.dnsZones.set(identifier, new Map(records.map((r) => [r.id, r])));
            }
            return [`/v2/accounts/${account.id}`];
          },
        });
        return accepted(job, state);
      },
    },
    {
      method: "GET",
      pattern: /^\/accounts\/([^/]+)$/,
      handle: ({ params: [id] }) => accountDetailView(accountById(state, id), store),
    },
    {
      method: "GET",
      pattern: /^\/provisioningjobs\/([^/]+)$/,
      handle: async ({ params: [id] }) => {
        const job = store.jobs.get(lower(id));
        if (!job) throw notFound(`Provisioning job ${id.slice(0, 64)} not found.`);
        await jobs.settle(job);
        if (job.status === "finished") {
          const links = [...job.resource_links];
          return reply(201, { id: job.id, resource_links: links }, links.length > 0 ? { location: links[0] } : {});
        }
        const body = { id: job.id, status: job.status, completion: { estimate: isoSeconds(job.due_at) } };
        return reply(200, body, job.status === "ongoing" ? { "retry-after": String(state.retryAfterSeconds) } : {});
      },
    },
  ];
}
