import { z } from "zod";
import type { HttpClient, OperationContext } from "../../http/client";
import { collect, offsetPages } from "../../http/paginate";
import type { QueryParameters } from "../../http/url";
import { waitUntilGone } from "../../http/wait";
import { parseAnswer } from "../../kit/parse";
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
import { refusalsAsInputErrors, type FieldNames } from "./api-errors";
import { API_VERSION_PATH, idInLinks } from "./links";
import { createAnswerOf, followProvisioningJob, type CreateAnswer, type ProvisioningJob } from "./provisioning";

// Typed calls to the reseller API v2. Answers are parsed at the boundary (kit/parse), so a changed
// API fails naming the call and the field; a 400 whose validation errors name an input becomes
// an InputError on it. Lists follow skip/take to the end.

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

const segment = (value: string | number) => encodeURIComponent(String(value));

export class CombellClient {
  constructor(private readonly http: HttpClient) {}

  listServicepacks(ctx: OperationContext) {
    return this.list("/servicepacks", ServicepackData, {}, ctx);
  }

  /** `identifier` and `assetType` are the API's own filters. */
  listAccounts(filters: { identifier?: string; assetType?: AssetType }, ctx: OperationContext) {
    return this.list("/accounts", AccountData, { identifier: filters.identifier, asset_type: filters.assetType }, ctx);
  }
  getAccount(id: string, ctx: OperationContext) {
    return this.get(`/accounts/${segment(id)}`, AccountDetailData, ctx);
  }
  /** Starts provisioning an account; the account's id comes with the job's result. */
  createAccount(body: { identifier: string; servicepack_id: number; ftp_password?: string }, ctx: OperationContext) {
    return this.startCreate("/accounts", body, ACCOUNT_FIELDS, `account ${body.identifier}`, ctx);
  }

  /** A domain's records; `type` is the API's own filter. */
  listDnsRecords(domainName: string, filters: { type?: string }, ctx: OperationContext) {
    return this.list(`/dns/${segment(domainName)}/records`, DnsRecordData, { type: filters.type }, ctx);
  }
  getDnsRecord(domainName: string, recordId: string, ctx: OperationContext) {
    return this.get(`/dns/${segment(domainName)}/records/${segment(recordId)}`, DnsRecordData, ctx);
  }
  /** Creates a record and returns its id, from the 201's `Location: /v2/dns/{domain}/records/{id}`. */
  async createDnsRecord(domainName: string, body: DnsRecordBody, ctx: OperationContext): Promise<string> {
    const collection = `dns/${domainName}/records`;
    const answer = await this.startCreate(`/${collection}`, body, DNS_FIELDS, `${body.type} record in ${domainName}`, ctx);
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
    await refusalsAsInputErrors(DNS_FIELDS, () => this.http.put(path, { ...body, id: recordId }, {}, ctx));
  }
  /** A record already gone is not an error. */
  async deleteDnsRecord(domainName: string, recordId: string, ctx: OperationContext): Promise<void> {
    await this.http.delete(`/dns/${segment(domainName)}/records/${segment(recordId)}`, { expect404: true }, ctx);
  }

  listMysqlDatabases(ctx: OperationContext) {
    return this.list("/mysqldatabases", MysqlDatabaseData, {}, ctx);
  }
  getMysqlDatabase(name: string, ctx: OperationContext) {
    return this.get(`/mysqldatabases/${segment(name)}`, MysqlDatabaseData, ctx);
  }
  listMysqlUsers(databaseName: string, ctx: OperationContext) {
    return this.list(`/mysqldatabases/${segment(databaseName)}/users`, MysqlUserData, {}, ctx);
  }
  /** Starts provisioning a database; its prefixed name comes with the job's result. */
  createMysqlDatabase(body: { database_name: string; account_id: number; password: string }, ctx: OperationContext) {
    return this.startCreate("/mysqldatabases", body, DATABASE_FIELDS, `MySQL database ${body.database_name}`, ctx);
  }
  async changeMysqlUserPassword(databaseName: string, userName: string, password: string, ctx: OperationContext): Promise<void> {
    const path = `/mysqldatabases/${segment(databaseName)}/users/${segment(userName)}/password`;
    await refusalsAsInputErrors(DATABASE_FIELDS, () => this.http.put(path, { password }, {}, ctx));
  }
  /** Deletes the database and returns once the API no longer knows it; one already gone is not an error. */
  async deleteMysqlDatabase(name: string, ctx: OperationContext): Promise<void> {
    const path = `/mysqldatabases/${segment(name)}`;
    const response = await this.http.delete(path, { expect404: true }, ctx);
    if (response.status === 404) return;
    await waitUntilGone(
      { what: `Combell to forget MySQL database ${name}`, exists: async (pollCtx) => (await this.http.get(path, { expect404: true }, pollCtx)).status !== 404 },
      ctx,
    );
  }

  /** Polls a provisioning job until it has finished; its resource links. */
  followJob(job: ProvisioningJob, what: string, ctx: OperationContext): Promise<string[]> {
    return followProvisioningJob(this.http, job, what, ctx);
  }

  /**
   * Sends a create once: a POST is never repeated by the HTTP client (only a 429 or a refused
   * connection, which the API never saw, are), and its job is followed, not the POST retried.
   */
  private async startCreate(path: string, body: object, fields: FieldNames, subject: string, ctx: OperationContext): Promise<CreateAnswer> {
    const response = await refusalsAsInputErrors(fields, () => this.http.post(path, body, {}, ctx));
    return createAnswerOf(response, `the create of the ${subject}`);
  }

  /** Every item of a skip/take listing. */
  private list<T extends z.ZodType>(path: string, item: T, query: QueryParameters, ctx: OperationContext): Promise<z.infer<T>[]> {
    return collect(
      offsetPages(async (skip, take) => {
        const response = await this.http.get(path, { query: { ...query, skip, take } }, ctx);
        return { items: parseAnswer(z.array(item), response.body ?? [], `Combell API GET ${API_VERSION_PATH}${path}`), headers: response.headers };
      }),
    );
  }

  /** undefined when the API answers 404 (or 410 Gone). */
  private async get<T extends z.ZodType>(path: string, schema: T, ctx: OperationContext): Promise<z.infer<T> | undefined> {
    const response = await this.http.get(path, { expect404: true }, ctx);
    if (response.status === 404) return undefined;
    return parseAnswer(schema, response.body, `Combell API GET ${API_VERSION_PATH}${path}`);
  }
}
