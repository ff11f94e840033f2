import type { Backend } from "../../kit/resource";
import { Account } from "./account";
import { combellApi } from "./api";
import { DnsRecord } from "./dns-record";
import { Domain } from "./domain";
import { getAccounts, getDnsRecords, getDomains, getLinuxHostings, getMailboxes, getMailZone, getMysqlDatabases, getPhpVersions, getServicepacks } from "./functions";
import { LinuxHostingSettings } from "./linux-hosting-settings";
import { hostingSettingsListing, sshKeyListing, subsiteListing } from "./listings";
import { Mailbox } from "./mailbox";
import { MysqlDatabase } from "./mysql-database";
import { SshKey } from "./ssh-key";
import { Subsite } from "./subsite";

export const backend: Backend = {
  api: combellApi,
  resources: [Account, DnsRecord, Domain, LinuxHostingSettings, SshKey, Subsite, Mailbox, MysqlDatabase],
  functions: [getServicepacks, getAccounts, getPhpVersions, getLinuxHostings, getDnsRecords, getDomains, getMailboxes, getMailZone, getMysqlDatabases],
  listings: [hostingSettingsListing, sshKeyListing, subsiteListing],
};
