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
