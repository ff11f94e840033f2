import type { HttpClient, OperationContext } from "../../http/client";
import { waitUntilGone } from "../../http/wait";
import {
  AccountData,
  AccountDetailData,
  DnsRecordData,
  MysqlDatabaseData,
  MysqlUserData,
  ServicepackData,
  type AssetType,
  type DnsRecordBody,
} from "./answers";
import type { FieldNames } from "./api-errors";
import { CombellCalls, segment } from "./client-core";
import { DomainCalls } from "./client-domains";
import { HostingCalls } from "./client-hostings";
import { MailboxCalls } from "./client-mailboxes";
import { idInLinks } from "./links";
import type { ProvisioningJob } from "./provisioning";

// Typed calls to the reseller API v2: accounts, DNS records and MySQL databases here, and an
// area each for domains, Linux hostings (settings, SSH keys, subsites) and mailboxes.

const ACCOUNT_FIELDS: FieldNames = { identifier: ["identifier"], servicepackId: ["servicepack_id", "servicepack"], ftpPassword: ["ftp_password"] };
const DNS_FIELDS: FieldNames = {
  recordName: ["record_name"],
  ttl: ["ttl"],
  content: ["content"],
  priority: ["priority"],
  service: ["service"],
  target: ["target"],
  protocol: ["protocol"],
  port: ["port"],
  weight: ["weight"],
  type: ["type"],
};
const DATABASE_FIELDS: FieldNames = { databaseName: ["database_name"], accountId: ["account_id"], password: ["password"] };

export class CombellClient {
  private readonly calls: CombellCalls;
  readonly domains: DomainCalls;
  readonly hostings: HostingCalls;
  readonly mailboxes: MailboxCalls;

  constructor(http: HttpClient) {
    this.calls = new CombellCalls(http);
    this.domains = new DomainCalls(this.calls);
    this.hostings = new HostingCalls(this.calls);
    this.mailboxes = new MailboxCalls(this.calls);
  }

  listServicepacks(ctx: OperationContext) {
    return this.calls.list("/servicepacks", ServicepackData, {}, ctx);
  }

  /** `identifier` and `assetType` are the API's own filters. */
  listAccounts(filters: { identifier?: string; assetType?: AssetType }, ctx: OperationContext) {
    return this.calls.list("/accounts", AccountData, { identifier: filters.identifier, asset_type: filters.assetType }, ctx);
  }
  getAccount(id: string, ctx: OperationContext) {
    return this.calls.get(`/accounts/${segment(id)}`, AccountDetailData, ctx);
  }
  /** Starts provisioning an account; the account's id comes with the job's result. */
  createAccount(body: { identifier: string; servicepack_id: number; ftp_password?: string }, ctx: OperationContext) {
    return this.calls.startCreate("/accounts", body, ACCOUNT_FIELDS, `account ${body.identifier}`, ctx);
  }

  /** A domain's records; `type` is the API's own filter. */
  listDnsRecords(domainName: string, filters: { type?: string }, ctx: OperationContext) {
    return this.calls.list(`/dns/${segment(domainName)}/records`, DnsRecordData, { type: filters.type }, ctx);
  }
  getDnsRecord(domainName: string, recordId: string, ctx: OperationContext) {
    return this.calls.get(`/dns/${segment(domainName)}/records/${segment(recordId)}`, DnsRecordData, ctx);
  }
  /** Creates a record and returns its id, from the 201's `Location: /v2/dns/{domain}/records/{id}`. */
  async createDnsRecord(domainName: string, body: DnsRecordBody, ctx: OperationContext): Promise<string> {
    const collection = `dns/${domainName}/records`;
    const answer = await this.calls.startCreate(`/${collection}`, body, DNS_FIELDS, `${body.type} record in ${domainName}`, ctx);
    const links = answer.kind === "job" ? await this.followJob(answer.job, `create a ${body.type} record in ${domainName}`, ctx) : answer.links;
    const id = idInLinks(links, collection);
    if (id === undefined) {
      throw new Error(
        `Combell created the ${body.type} record in ${domainName} but did not say its id (Location: ${links.join(", ") || "none"}); find it with getDnsRecords and import it`,
      );
    }
    return id;
  }
  /** PUT takes the whole record, as the document's "new representation". */
  async updateDnsRecord(domainName: string, recordId: string, body: DnsRecordBody, ctx: OperationContext): Promise<void> {
    const path = `/dns/${segment(domainName)}/records/${segment(recordId)}`;
    await this.calls.put(path, { ...body, id: recordId }, DNS_FIELDS, ctx);
  }
  /** A record already gone is not an error. */
  async deleteDnsRecord(domainName: string, recordId: string, ctx: OperationContext): Promise<void> {
    await this.calls.remove(`/dns/${segment(domainName)}/records/${segment(recordId)}`, ctx);
  }

  listMysqlDatabases(ctx: OperationContext) {
    return this.calls.list("/mysqldatabases", MysqlDatabaseData, {}, ctx);
  }
  getMysqlDatabase(name: string, ctx: OperationContext) {
    return this.calls.get(`/mysqldatabases/${segment(name)}`, MysqlDatabaseData, ctx);
  }
  listMysqlUsers(databaseName: string, ctx: OperationContext) {
    return this.calls.list(`/mysqldatabases/${segment(databaseName)}/users`, MysqlUserData, {}, ctx);
  }
  /** Starts provisioning a database; its prefixed name comes with the job's result. */
  createMysqlDatabase(body: { database_name: string; account_id: number; password: string }, ctx: OperationContext) {
    return this.calls.startCreate("/mysqldatabases", body, DATABASE_FIELDS, `MySQL database ${body.database_name}`, ctx);
  }
  async changeMysqlUserPassword(databaseName: string, userName: string, password: string, ctx: OperationContext): Promise<void> {
    const path = `/mysqldatabases/${segment(databaseName)}/users/${segment(userName)}/password`;
    await this.calls.put(path, { password }, DATABASE_FIELDS, ctx);
  }
  /** Deletes the database and returns once the API no longer knows it; one already gone is not an error. */
  async deleteMysqlDatabase(name: string, ctx: OperationContext): Promise<void> {
    const path = `/mysqldatabases/${segment(name)}`;
    if (!(await this.calls.remove(path, ctx))) return;
    await waitUntilGone(
      { what: `Combell to forget MySQL database ${name}`, exists: async (pollCtx) => (await this.calls.http.get(path, { expect404: true }, pollCtx)).status !== 404 },
      ctx,
    );
  }

  /** Polls a provisioning job until it has finished; its resource links. */
  followJob(job: ProvisioningJob, what: string, ctx: OperationContext): Promise<string[]> {
    return this.calls.followJob(job, what, ctx);
  }

  /** One look at a provisioning job. */
  lookAtJob(job: ProvisioningJob, ctx: OperationContext) {
    return this.calls.lookAtJob(job, ctx);
  }
}
