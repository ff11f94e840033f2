// What the reseller API emulator stores, and how each record is shown. Records
// may carry more than the API shows (passwords, settings the API only writes);
// the views decide what leaves the emulator, with exactly the OpenAPI's fields.
// Tests may read and change every record out of band: GETs show the change.

/** The OpenAPI's AssetType. */
export const ASSET_TYPES = ["domain", "linux_hosting", "mysql", "dns", "mailbox", "windows_hosting"] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export interface ServicepackRecord {
  id: number;
  name: string;
  /** What an account of this pack contains: not shown by GET /servicepacks, but it decides the rest. */
  assets: AssetType[];
}

export const DEFAULT_SERVICEPACKS: readonly ServicepackRecord[] = [
  { id: 3001, name: "Linux hosting Basic", assets: ["linux_hosting", "mysql", "dns", "mailbox"] },
  { id: 3002, name: "Mail only", assets: ["dns", "mailbox"] },
  { id: 3003, name: "Domain name", assets: ["domain", "dns"] },
];

export interface AccountRecord {
  id: number;
  identifier: string;
  servicepack_id: number;
  addons: { id: number; name: string }[];
  /** Never shown; kept so a test can check what the provider sent. */
  ftp_password: string | null;
}

export interface NameServerRecord {
  name: string;
  ip: string | null;
}

export interface DomainRecord {
  domain_name: string;
  expiration_date: string;
  will_renew: boolean | null;
  can_toggle_renew: boolean;
  name_servers: NameServerRecord[];
  registrant: Record<string, unknown> | null;
  /** How it came: registration or transfer (with its auth code, never shown). */
  origin: "registration" | "transfer";
  auth_code: string | null;
}

export interface DnsRecordRecord {
  id: string;
  type: string;
  record_name: string | null;
  ttl: number;
  content: string | null;
  priority: number | null;
  service: string | null;
  weight: number | null;
  target: string | null;
  protocol: string | null;
  port: number | null;
}

export interface HostHeaderRecord {
  name: string;
  enabled: boolean;
}

export interface SiteRecord {
  name: string;
  path: string;
  host_headers: HostHeaderRecord[];
  ssl_enabled: boolean;
  https_redirect_enabled: boolean;
  http2_enabled: boolean;
  /** Host names with Let's Encrypt enabled (the API only writes this). */
  letsencrypt_hostnames: string[];
  /** False for the hosting's main site, which cannot be deleted. */
  subsite: boolean;
}

export interface SshKeyRecord {
  fingerprint: string;
  public_key: string;
}

export interface LinuxHostingRecord {
  domain_name: string;
  servicepack_id: number;
  account_id: number;
  max_size: number;
  actual_size: number;
  ip: string;
  ip_type: "dedicated" | "shared";
  ftp_enabled: boolean;
  ftp_username: string;
  ssh_enabled: boolean;
  ssh_host: string;
  ssh_username: string;
  php_version: string;
  available_php_versions: string[];
  gzip_enabled: boolean;
  php_memory_limit: number;
  apcu: { enabled: boolean; apcu_size: number };
  sites: SiteRecord[];
  ssh_keys: SshKeyRecord[];
}

export interface MailboxRecord {
  name: string;
  account_id: number;
  /** Never shown. */
  password: string;
  max_size: number;
  actual_size: number;
  auto_reply: { enabled: boolean; subject: string | null; message: string | null };
  auto_forward: { enabled: boolean; email_addresses: string[]; copy_to_myself: boolean };
}

export interface MysqlUserRecord {
  name: string;
  /** Never shown. */
  password: string;
  rights: "read_and_write" | "read_only";
  enabled: boolean;
}

export interface MysqlDatabaseRecord {
  name: string;
  hostname: string;
  account_id: number;
  max_size: number;
  actual_size: number;
  users: MysqlUserRecord[];
}

export type JobStatus = "ongoing" | "cancelled" | "failed" | "finished";

export interface JobRecord {
  id: string;
  /** What it provisions, e.g. "account", "mysql_database"; for tests. */
  kind: string;
  status: JobStatus;
  /** Clock times in ms. */
  created_at: number;
  due_at: number;
  /** What the job ends in when due (failNextJob sets "failed" or "cancelled"). */
  outcome: Exclude<JobStatus, "ongoing">;
  /** Set when finished. */
  resource_links: string[];
  /** Why it failed, when it did (never shown: the API gives no reason). */
  failure: string | null;
}

export interface CombellStore {
  servicepacks: Map<number, ServicepackRecord>;
  /** By id. */
  accounts: Map<number, AccountRecord>;
  /** By domain name (lowercase). */
  domains: Map<string, DomainRecord>;
  /** DNS zones by domain name (lowercase), each its records by id. */
  dnsZones: Map<string, Map<string, DnsRecordRecord>>;
  /** By domain name (lowercase). */
  linuxHostings: Map<string, LinuxHostingRecord>;
  /** By e-mail address (lowercase). */
  mailboxes: Map<string, MailboxRecord>;
  /** By provisioned name, e.g. "ID100001_shop". */
  mysqlDatabases: Map<string, MysqlDatabaseRecord>;
  jobs: Map<string, JobRecord>;
}

export function emptyStore(servicepacks: readonly ServicepackRecord[]): CombellStore {
  return {
    servicepacks: new Map(servicepacks.map((p) => [p.id, { ...p, assets: [...p.assets] }])),
    accounts: new Map(),
    domains: new Map(),
    dnsZones: new Map(),
    linuxHostings: new Map(),
    mailboxes: new Map(),
    mysqlDatabases: new Map(),
    jobs: new Map(),
  };
}

/** ISO-8601 without milliseconds, as the API writes datetimes ("2019-07-01T19:41:18Z"). */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

// ---- views ----------------------------------------------------------------------

export const servicepackView = (p: ServicepackRecord) => ({ id: p.id, name: p.name });

export const accountView = (a: AccountRecord) => ({ id: a.id, identifier: a.identifier, servicepack_id: a.servicepack_id });

export function accountDetailView(a: AccountRecord, store: CombellStore) {
  const pack = store.servicepacks.get(a.servicepack_id);
  return {
    id: a.id,
    identifier: a.identifier,
    servicepack: pack ? servicepackView(pack) : { id: a.servicepack_id, name: null },
    addons: a.addons.map((addon) => ({ ...addon })),
  };
}

export const domainView = (d: DomainRecord) => ({ domain_name: d.domain_name, expiration_date: d.expiration_date, will_renew: d.will_renew });

export const domainDetailView = (d: DomainRecord) => ({
  ...domainView(d),
  name_servers: d.name_servers.map((ns) => ({ ...ns })),
  registrant: d.registrant ? { ...d.registrant } : null,
  can_toggle_renew: d.can_toggle_renew,
});

export const dnsRecordView = (r: DnsRecordRecord) => ({
  id: r.id,
  type: r.type,
  record_name: r.record_name,
  ttl: r.ttl,
  content: r.content,
  priority: r.priority,
  service: r.service,
  weight: r.weight,
  target: r.target,
  protocol: r.protocol,
  port: r.port,
});

export const linuxHostingView = (h: LinuxHostingRecord) => ({ domain_name: h.domain_name, servicepack_id: h.servicepack_id });

export function linuxHostingDetailView(h: LinuxHostingRecord, store: CombellStore) {
  return {
    ...linuxHostingView(h),
    max_webspace_size: h.max_size,
    max_size: h.max_size,
    webspace_usage: h.actual_size,
    actual_size: h.actual_size,
    ip: h.ip,
    ip_type: h.ip_type,
    ftp_enabled: h.ftp_enabled,
    ftp_username: h.ftp_username,
    ssh_host: h.ssh_host,
    ssh_username: h.ssh_username,
    php_version: h.php_version,
    sites: h.sites.map((s) => ({
      name: s.name,
      path: s.path,
      host_headers: s.host_headers.map((hh) => ({ ...hh })),
      ssl_enabled: s.ssl_enabled,
      https_redirect_enabled: s.https_redirect_enabled,
      http2_enabled: s.http2_enabled,
    })),
    mysql_database_names: [...store.mysqlDatabases.values()].filter((d) => d.account_id === h.account_id).map((d) => d.name),
  };
}

export const sshKeyView = (k: SshKeyRecord) => ({ fingerprint: k.fingerprint, public_key: k.public_key });

export const mailboxView = (m: MailboxRecord) => ({ name: m.name, max_size: m.max_size, actual_size: m.actual_size });

export const mailboxDetailView = (m: MailboxRecord) => ({
  name: m.name,
  login: m.name,
  max_size: m.max_size,
  actual_size: m.actual_size,
  auto_reply: { ...m.auto_reply },
  auto_forward: { ...m.auto_forward, email_addresses: [...m.auto_forward.email_addresses] },
});

export const mysqlDatabaseView = (d: MysqlDatabaseRecord) => ({
  name: d.name,
  hostname: d.hostname,
  user_count: d.users.length,
  max_size: d.max_size,
  actual_size: d.actual_size,
  account_id: d.account_id,
});

export const mysqlUserView = (u: MysqlUserRecord) => ({ name: u.name, rights: u.rights, enabled: u.enabled });
