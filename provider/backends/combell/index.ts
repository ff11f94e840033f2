import type { Backend } from "../../kit/resource";
import { Account } from "./account";
import { combellApi } from "./api";
import { DnsRecord } from "./dns-record";
import { Domain } from "./domain";
import { getAccounts, getDnsRecords, getDomains, getMysqlDatabases, getServicepacks } from "./functions";
import { MysqlDatabase } from "./mysql-database";

export const backend: Backend = {
  api: combellApi,
  resources: [Account, DnsRecord, Domain, MysqlDatabase],
  functions: [getServicepacks, getAccounts, getDnsRecords, getDomains, getMysqlDatabases],
};
