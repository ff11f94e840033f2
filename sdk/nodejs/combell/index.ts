// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.
export { Account, type AccountArgs } from "./account";
export { DnsRecord, type DnsRecordArgs } from "./dnsRecord";
export { Domain, type DomainArgs } from "./domain";
export { LinuxHostingSettings, type LinuxHostingSettingsArgs } from "./linuxHostingSettings";
export { SshKey, type SshKeyArgs } from "./sshKey";
export { Subsite, type SubsiteArgs } from "./subsite";
export { Mailbox, type MailboxArgs } from "./mailbox";
export { MysqlDatabase, type MysqlDatabaseArgs } from "./mysqlDatabase";
export { getServicepacks, getServicepacksOutput, type GetServicepacksArgs, type GetServicepacksResult } from "./getServicepacks";
export { getAccounts, getAccountsOutput, type GetAccountsArgs, type GetAccountsResult } from "./getAccounts";
export { getPhpVersions, getPhpVersionsOutput, type GetPhpVersionsArgs, type GetPhpVersionsResult } from "./getPhpVersions";
export { getDnsRecords, getDnsRecordsOutput, type GetDnsRecordsArgs, type GetDnsRecordsResult } from "./getDnsRecords";
export { getDomains, getDomainsOutput, type GetDomainsArgs, type GetDomainsResult } from "./getDomains";
export { getMailboxes, getMailboxesOutput, type GetMailboxesArgs, type GetMailboxesResult } from "./getMailboxes";
export { getMailZone, getMailZoneOutput, type GetMailZoneArgs, type GetMailZoneResult } from "./getMailZone";
export { getMysqlDatabases, getMysqlDatabasesOutput, type GetMysqlDatabasesArgs, type GetMysqlDatabasesResult } from "./getMysqlDatabases";
