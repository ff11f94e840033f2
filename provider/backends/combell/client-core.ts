import { z } from "zod";
import type { HttpClient, OperationContext } from "../../http/client";
import { collect, offsetPages } from "../../http/paginate";
import type { QueryParameters } from "../../http/url";
import { parseAnswer } from "../../kit/parse";
import { refusalsAsInputErrors, type FieldNames } from "./api-errors";
import { API_VERSION_PATH } from "./links";
import type { JobState } from "../../http/job";
import { createAnswerOf, followProvisioningJob, jobStateOf, type CreateAnswer, type ProvisioningJob } from "./provisioning";
import { uriComponent } from "../../http/url";

// The calls every area of the reseller API makes the same way. Answers are parsed at the boundary
// (kit/parse), so a changed API fails naming the call and the field; a 400 whose validation
// errors name an input becomes an InputError on it. Lists follow skip/take to the end.

// What RFC 3986 allows as is in a path segment, beyond what encodeURIComponent leaves alone.
const PATH_SAFE = /%(24|26|2B|2C|3A|3B|3D|40)/g;

/**
 * A path segment: a domain, an e-mail address, a fingerprint. "@", ":" and the other characters
 * a path may hold go as they are, as Combell's own client sends them, so the signed path is the
 * same whether the API checks it raw or decoded; "/", "?", "#" and "%" are encoded.
 */
export const segment = (value: string | number) => uriComponent(value).replace(PATH_SAFE, (escaped) => decodeURIComponent(escaped));

export class CombellCalls {
  constructor(readonly http: HttpClient) {}

  /** Every item of a skip/take listing. */
  list<T extends z.ZodType>(path: string, item: T, query: QueryParameters, ctx: OperationContext): Promise<z.infer<T>[]> {
    return collect(
      offsetPages(async (skip, take) => {
        const response = await this.http.get(path, { query: { ...query, skip, take } }, ctx);
        return { items: parseAnswer(z.array(item), response.body ?? [], `Combell API GET ${API_VERSION_PATH}${path}`), headers: response.headers };
      }),
    );
  }

  /** undefined when the API answers 404 (or 410 Gone). */
  async get<T extends z.ZodType>(path: string, schema: T, ctx: OperationContext): Promise<z.infer<T> | undefined> {
    const response = await this.http.get(path, { expect404: true }, ctx);
    if (response.status === 404) return undefined;
    return parseAnswer(schema, response.body, `Combell API GET ${API_VERSION_PATH}${path}`);
  }

  /**
   * Sends a create once: a POST is never repeated by the HTTP client (only a 429 or a refused
   * connection, which the API never saw, are), and its job is followed, not the POST retried.
   */
  async startCreate(path: string, body: object, fields: FieldNames, subject: string, ctx: OperationContext): Promise<CreateAnswer> {
    const response = await refusalsAsInputErrors(fields, () => this.http.post(path, body, {}, ctx));
    return createAnswerOf(response, `the create of the ${subject}`);
  }

  /** A change the API answers with 204; its validation errors become InputErrors on `fields`. */
  async put(path: string, body: object, fields: FieldNames, ctx: OperationContext): Promise<void> {
    await refusalsAsInputErrors(fields, () => this.http.put(path, body, {}, ctx));
  }

  /** Deletes; false when it was already gone (404), which is not an error. */
  async remove(path: string, ctx: OperationContext): Promise<boolean> {
    return (await this.http.delete(path, { expect404: true }, ctx)).status !== 404;
  }

  /** Polls a provisioning job until it has finished; its resource links. */
  /** One look at a provisioning job. */
  async lookAtJob(job: ProvisioningJob, ctx: OperationContext): Promise<JobState<string[]>> {
    return jobStateOf(await this.http.get(job.path, {}, ctx), `${API_VERSION_PATH}${job.path}`);
  }

  followJob(job: ProvisioningJob, what: string, ctx: OperationContext): Promise<string[]> {
    return followProvisioningJob(this.http, job, what, ctx);
  }
}
