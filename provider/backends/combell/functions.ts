import { z } from "zod";
import { field } from "../../kit/fields";
import { defineListFunction } from "../../kit/list-function";
import { defineFunction } from "../../kit/resource";
import { Account, accountFromApi } from "./account";
import { ASSET_TYPES, type AssetType, type DnsRecordData } from "./answers";
import { combellApi } from "./api";
import { DnsRecord, recordFromApi } from "./dns-record";
import { RECORD_TYPES } from "./dns-record-rules";
import { Domain, domainFromApi } from "./domain";
import { Mailbox, mailboxFromApi } from "./mailbox";
import { databaseFromApi, MysqlDatabase } from "./mysql-database";
import { everyDomain } from "./listings";
import { domainName, int32Id } from "./rules";

// Read-only views of the reseller account over its list endpoints, each followed page by page
// to the end. Items of a resource's kind are mapped exactly as its read maps them.

export const getServicepacks = defineFunction({
  token: "hosting:combell:getServicepacks",
  description: "Lists the servicepacks the reseller can create accounts from.",
  api: combellApi,
  inputs: {},
  outputs: {
    servicepacks: field(
      z.array(
        field(
          z.object({
            id: field(z.number().int(), { description: "The servicepack's id, an Account's servicepackId." }),
            name: field(z.string(), { description: "The servicepack's name." }),
          }),
          { description: "A servicepack.", typeName: "Servicepack" },
        ),
      ),
      { description: "The servicepacks." },
    ),
  },
  async invoke(ctx) {
    const packs = await ctx.client.listServicepacks(ctx);
    return { servicepacks: packs.map((p) => ({ id: p.id, name: p.name })) };
  },
});

export const getAccounts = defineListFunction({
  token: "hosting:combell:getAccounts",
  description: "Lists the reseller's accounts, optionally only those with an identifier or containing an asset type.",
  resource: Account,
  listName: "accounts",
  filters: { identifier: "Only the accounts with this identifier." },
  arguments: {
    assetType: field(z.enum(ASSET_TYPES).optional(), { description: "Only the accounts that contain an asset of this type." }),
  },
  list: (ctx, args) => ctx.client.listAccounts({ identifier: args.identifier as string | undefined, assetType: args.assetType as AssetType | undefined }, ctx),
  fromApi: accountFromApi,
});

export const getDnsRecords = defineListFunction({
  token: "hosting:combell:getDnsRecords",
  description: "Lists the DNS records of a domain, optionally only those of one type.",
  resource: DnsRecord,
  listName: "records",
  arguments: {
    domainName: field(domainName(), { description: "The domain whose records to list." }),
    type: field(z.enum(RECORD_TYPES).optional(), { description: "Only the records of this type." }),
  },
  async list(ctx, args) {
    const domain = args.domainName as string;
    const type = args.type as string | undefined;
    const records = await ctx.client.listDnsRecords(domain, { type }, ctx);
    // The API filters by type too; a record of another type it sends anyway is left out here.
    return records.filter((r) => type === undefined || r.type.toUpperCase() === type).map((record) => ({ domain, record }));
  },
  fromApi: ({ domain, record }: { domain: string; record: DnsRecordData }) => recordFromApi(domain, record),
  everyArgument: async (ctx) => (await everyDomain(ctx)).map((domainName) => ({ domainName })),
});

export const getMysqlDatabases = defineListFunction({
  token: "hosting:combell:getMysqlDatabases",
  description: "Lists the MySQL databases of the reseller's accounts, optionally only those of one account.",
  resource: MysqlDatabase,
  listName: "databases",
  arguments: {
    accountId: field(int32Id("an account id").optional(), { description: "Only the databases of this account." }),
  },
  async list(ctx, args) {
    const databases = await ctx.client.listMysqlDatabases(ctx);
    return args.accountId === undefined ? databases : databases.filter((db) => db.account_id === args.accountId);
  },
  fromApi: (data) => databaseFromApi(data),
});

export const getDomains = defineListFunction({
  token: "hosting:combell:getDomains",
  description: "Lists the domains in the reseller's portfolio, with their expiration and renewal (not their name servers: see a Domain's).",
  resource: Domain,
  listName: "domains",
  list: (ctx) => ctx.client.domains.list(ctx),
  fromApi: domainFromApi,
});

export const getLinuxHostings = defineFunction({
  token: "hosting:combell:getLinuxHostings",
  description: "Lists the reseller's Linux hostings (each a LinuxHostingSettings' domainName), to the last page.",
  api: combellApi,
  inputs: {},
  outputs: {
    hostings: field(
      z.array(
        field(
          z.object({
            domainName: field(z.string(), { description: "The hosting's domain name." }),
            servicepackId: field(z.number().int().optional(), { description: "The servicepack of the account that has it." }),
          }),
          { description: "A Linux hosting.", typeName: "LinuxHostingSummary" },
        ),
      ),
      { description: "The Linux hostings." },
    ),
  },
  async invoke(ctx) {
    const hostings = await ctx.client.hostings.list(ctx);
    return { hostings: hostings.map((h) => ({ domainName: h.domain_name, servicepackId: h.servicepack_id ?? undefined })) };
  },
});

export const getPhpVersions = defineFunction({
  token: "hosting:combell:getPhpVersions",
  description: "Lists the PHP versions a Linux hosting can switch to (LinuxHostingSettings' phpVersion).",
  api: combellApi,
  inputs: {
    domainName: field(domainName(), { description: "The Linux hosting, by its domain name." }),
  },
  outputs: {
    versions: field(z.array(z.string()), { description: "The available PHP versions, as the API lists them (8.3)." }),
  },
  async invoke(ctx, args) {
    return { versions: await ctx.client.hostings.phpVersions(args.domainName, ctx) };
  },
});

export const getMailboxes = defineListFunction({
  token: "hosting:combell:getMailboxes",
  description: "Lists the mailboxes of a domain (the API lists them one domain at a time), with their size; the details of one are a Mailbox's.",
  resource: Mailbox,
  listName: "mailboxes",
  arguments: {
    domainName: field(domainName(), { description: "The domain whose mailboxes to list." }),
  },
  list: (ctx, args) => ctx.client.mailboxes.list(args.domainName as string, ctx),
  fromApi: mailboxFromApi,
  everyArgument: async (ctx) => (await everyDomain(ctx)).map((domainName) => ({ domainName })),
});

export const getMailZone = defineFunction({
  token: "hosting:combell:getMailZone",
  description:
    "The mail zone of a domain: whether it is enabled, and the accounts mailboxes can be created in (a Mailbox's accountId) with the size each allows.",
  api: combellApi,
  inputs: {
    domainName: field(domainName(), { description: "The domain of the mail zone." }),
  },
  outputs: {
    enabled: field(z.boolean().optional(), { description: "Whether the mail zone is enabled." }),
    accounts: field(
      z.array(
        field(
          z.object({
            accountId: field(z.number().int(), { description: "The account's id, a Mailbox's accountId." }),
            sizeMb: field(z.number().int().optional(), { description: "The size of the account's mailboxes, in MB." }),
          }),
          { description: "An account of the mail zone.", typeName: "MailZoneAccount" },
        ),
      ),
      { description: "The accounts mailboxes can be created in." },
    ),
  },
  async invoke(ctx, args) {
    const zone = await ctx.client.mailboxes.mailZone(args.domainName, ctx);
    if (!zone) throw new Error(`${args.domainName} has no mail zone (GET /v2/mailzones/${args.domainName} answered 404)`);
    return {
      enabled: zone.enabled ?? undefined,
      accounts: (zone.available_accounts ?? []).map((a) => ({ accountId: a.account_id, sizeMb: a.size ?? undefined })),
    };
  },
});
