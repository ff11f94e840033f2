import { z } from "zod";

// The reseller API's answers as the OpenAPI description (reference/combell-openapi-spec.json)
// gives them. Every field is optional there and "additionalProperties: false"; here what the
// provider relies on is required, the rest optional, and unknown fields are ignored so a field
// Combell adds later does not break anyone.

const text = z.string().nullable().optional();
const count = z.number().int().nullable().optional();

export const ServicepackData = z.object({ id: z.number().int(), name: z.string() });
export type ServicepackData = z.infer<typeof ServicepackData>;

/** An item of GET /accounts. */
export const AccountData = z.object({ id: z.number().int(), identifier: z.string(), servicepack_id: z.number().int() });
export type AccountData = z.infer<typeof AccountData>;

/** GET /accounts/{id}. */
export const AccountDetailData = z.object({
  id: z.number().int(),
  identifier: z.string(),
  servicepack: ServicepackData,
  addons: z.array(z.object({ id: z.number().int(), name: z.string() })).nullable().optional(),
});
export type AccountDetailData = z.infer<typeof AccountDetailData>;

export const ASSET_TYPES = ["domain", "linux_hosting", "mysql", "dns", "mailbox", "windows_hosting"] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const DnsRecordData = z.object({
  id: z.string(),
  type: z.string(),
  record_name: text,
  ttl: count,
  content: text,
  service: text,
  target: text,
  protocol: text,
  priority: count,
  port: count,
  weight: count,
});
export type DnsRecordData = z.infer<typeof DnsRecordData>;

/** What a create or an edit sends: the record without its id. */
export type DnsRecordBody = Omit<DnsRecordData, "id"> & { id?: string };

export const MysqlDatabaseData = z.object({
  name: z.string(),
  hostname: z.string(),
  user_count: count,
  max_size: count,
  actual_size: count,
  account_id: z.number().int(),
});
export type MysqlDatabaseData = z.infer<typeof MysqlDatabaseData>;

export const MysqlUserData = z.object({
  name: z.string(),
  rights: z.string().nullable().optional(),
  enabled: z.boolean().nullable().optional(),
});
export type MysqlUserData = z.infer<typeof MysqlUserData>;

/**
 * GET /provisioningjobs/{id}: 200 `{id, status, completion: {estimate}}` while it runs (and
 * once it failed or was cancelled), 201 `{id, resource_links}` when it has finished.
 */
export const ProvisioningJobData = z.object({
  id: z.string().optional(),
  status: z.string().optional(),
  completion: z.object({ estimate: text }).nullable().optional(),
  resource_links: z.array(z.string()).nullable().optional(),
});
export type ProvisioningJobData = z.infer<typeof ProvisioningJobData>;

/** An item of GET /domains. `will_renew` missing or null: "the renewal state could not be determined at the moment". */
export const DomainData = z.object({
  domain_name: z.string(),
  expiration_date: text,
  will_renew: z.boolean().nullable().optional(),
});
export type DomainData = z.infer<typeof DomainData>;

/** GET /domains/{name}. */
export const DomainDetailData = DomainData.extend({
  name_servers: z.array(z.object({ name: z.string(), ip: text })).nullable().optional(),
  can_toggle_renew: z.boolean().nullable().optional(),
});
export type DomainDetailData = z.infer<typeof DomainDetailData>;

/** An item of GET /linuxhostings. */
export const LinuxHostingData = z.object({ domain_name: z.string(), servicepack_id: count });
export type LinuxHostingData = z.infer<typeof LinuxHostingData>;

/** A site of a Linux hosting, with its host names ("host headers"). */
export const LinuxSiteData = z.object({
  name: z.string(),
  path: text,
  host_headers: z.array(z.object({ name: z.string(), enabled: z.boolean().nullable().optional() })).nullable().optional(),
  ssl_enabled: z.boolean().nullable().optional(),
  https_redirect_enabled: z.boolean().nullable().optional(),
  http2_enabled: z.boolean().nullable().optional(),
});
export type LinuxSiteData = z.infer<typeof LinuxSiteData>;

/** GET /linuxhostings/{domain}: the settings it shows (not GZIP, the memory limit, APCu or SSH). */
export const LinuxHostingDetailData = LinuxHostingData.extend({
  ip: text,
  ftp_enabled: z.boolean().nullable().optional(),
  ftp_username: text,
  ssh_host: text,
  ssh_username: text,
  php_version: text,
  sites: z.array(LinuxSiteData).nullable().optional(),
});
export type LinuxHostingDetailData = z.infer<typeof LinuxHostingDetailData>;

export const PhpVersionData = z.object({ version: z.string() });

/** An item of GET /linuxhostings/{domain}/ssh/keys. */
export const SshKeyData = z.object({ fingerprint: z.string(), public_key: z.string() });
export type SshKeyData = z.infer<typeof SshKeyData>;

/** An item of GET /mailboxes?domain_name=. */
export const MailboxData = z.object({ name: z.string(), max_size: count, actual_size: count });
export type MailboxData = z.infer<typeof MailboxData>;

export const AutoReplyData = z.object({ enabled: z.boolean().nullable().optional(), subject: text, message: text });
export type AutoReplyData = z.infer<typeof AutoReplyData>;

export const AutoForwardData = z.object({
  enabled: z.boolean().nullable().optional(),
  email_addresses: z.array(z.string()).nullable().optional(),
  copy_to_myself: z.boolean().nullable().optional(),
});
export type AutoForwardData = z.infer<typeof AutoForwardData>;

/** GET /mailboxes/{name}. It does not say which account the mailbox belongs to. */
export const MailboxDetailData = MailboxData.extend({
  login: text,
  auto_reply: AutoReplyData.nullable().optional(),
  auto_forward: AutoForwardData.nullable().optional(),
});
export type MailboxDetailData = z.infer<typeof MailboxDetailData>;

/** GET /mailzones/{domain}: the document's "allowed mailboxes for the account" (its garbled /mailboxes/{domain}/quota). */
export const MailZoneData = z.object({
  name: z.string(),
  enabled: z.boolean().nullable().optional(),
  available_accounts: z.array(z.object({ account_id: z.number().int(), size: count })).nullable().optional(),
});
export type MailZoneData = z.infer<typeof MailZoneData>;
