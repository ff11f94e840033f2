import type { Backend } from "../../kit/resource";
import { Account } from "./account";
import { combellApi } from "./api";
import { DnsRecord } from "./dns-record";
import { getAccounts, getDnsRecords, getMysqlDatabases, getServicepacks } from "./functions";
import { MysqlDatabase } from "./mysql-database";

export const backend: Backend = {
  api: combellApi,
  resources: [Account, DnsRecord, MysqlDatabase],
  functions: [getServicepacks, getAccounts, getDnsRecords, getMysqlDatabases],
};
