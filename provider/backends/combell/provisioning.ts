import { retryAfterMs } from "../../http/backoff";
import type { HttpClient, HttpResponse, OperationContext } from "../../http/client";
import { followJob, type JobState } from "../../http/job";
import { parseAnswer } from "../../kit/parse";
import { ProvisioningJobData } from "./answers";
import { API_VERSION_PATH, apiPathOf, idInLink } from "./links";

// Provisioning jobs: a create the API has to work on answers 202 with an empty body and
// `Location: /v2/provisioningjobs/{id}`. The job answers 200 while it runs (also once it failed
// or was cancelled) and 201 with `resource_links` when it has finished. The document: "Do NOT
// retry provisioning until the job reports finished or cancelled", so a POST that answered 202
// is never sent again; only the job is polled.

/** A job the API started for a create. */
export interface ProvisioningJob {
  id: string;
  /** Its path under the API base: "/provisioningjobs/{id}". */
  path: string;
  /** The 202's Retry-After: when to look at the job first. */
  retryAfterMs?: number;
}

/** What a create answered: a job to follow, or (201) the links of what it made at once. */
export type CreateAnswer = { kind: "job"; job: ProvisioningJob } | { kind: "created"; links: string[] };

/** Reads a create's answer: 202 names its job in Location (any header case), 201 its result. */
export function createAnswerOf(response: HttpResponse, what: string): CreateAnswer {
  const location = response.headers.location;
  if (response.status === 202) {
    const jobId = location ? idInLink(location, "provisioningjobs") : undefined;
    if (!location || jobId === undefined) {
      throw new Error(
        `Combell accepted ${what} (202) but named no provisioning job in its Location header${location ? ` (it sent ${JSON.stringify(location)})` : ""}; ` +
          "the result cannot be followed: look in the Combell control panel before running this again, as a second run would provision it twice",
      );
    }
    const retryAfter = retryAfterMs({ "retry-after": response.headers["retry-after"] });
    return { kind: "job", job: { id: jobId, path: apiPathOf(location), ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) } };
  }
  const links = [...(location ? [location] : []), ...linksIn(response.body)];
  return { kind: "created", links };
}

function linksIn(body: unknown): string[] {
  const links = (body as { resource_links?: unknown } | undefined)?.resource_links;
  return Array.isArray(links) ? links.filter((l): l is string => typeof l === "string") : [];
}

/** Milliseconds until an ISO `completion.estimate`, or undefined when there is none or it cannot be read. */
export function estimateMsOf(estimate: string | null | undefined, now = Date.now()): number | undefined {
  if (!estimate) return undefined;
  const at = Date.parse(estimate);
  return Number.isNaN(at) ? undefined : at - now;
}

/** One look at a job, as followJob understands it. */
export function jobStateOf(response: HttpResponse, what: string): JobState<string[]> {
  const job = parseAnswer(ProvisioningJobData, response.body ?? {}, `Combell API GET ${what}`);
  const status = job.status?.toLowerCase();
  if (response.status === 201 || status === "finished") {
    const links = [...(job.resource_links ?? []), ...(response.headers.location ? [response.headers.location] : [])];
    if (links.length > 0) return { state: "succeeded", value: links };
    // Finished, but the links are not there yet: look again rather than lose what it made.
    return { state: "running", status: "finished, without a link to what it created yet" };
  }
  if (status === "failed") {
    return { state: "failed", status, detail: "Combell asks not to provision again before the job is resolved; contact Combell support about it" };
  }
  if (status === "cancelled") return { state: "failed", status, detail: "nothing was provisioned" };
  const estimate = job.completion?.estimate ?? undefined;
  return {
    state: "running",
    status: `${job.status ?? "ongoing"}${estimate ? `, estimated to finish at ${estimate}` : ""}`,
    // X-RateLimit-Reset comes on every answer; only Retry-After says when to look at the job again.
    retryAfterMs: retryAfterMs({ "retry-after": response.headers["retry-after"] }),
    estimateMs: estimateMsOf(estimate),
  };
}

/**
 * Polls the job until it has finished and returns the links to what it created. A failed or
 * cancelled job fails with JobFailedError naming the job; the deadline and Cancel end the wait.
 * Progress goes to ctx.log.
 */
export function followProvisioningJob(http: HttpClient, job: ProvisioningJob, what: string, ctx: OperationContext): Promise<string[]> {
  return followJob(
    {
      what: `Combell provisioning job ${job.id} (${what})`,
      jobId: job.id,
      firstPollInMs: job.retryAfterMs,
      poll: async (pollCtx) => jobStateOf(await http.get(job.path, {}, pollCtx), `${API_VERSION_PATH}${job.path}`),
    },
    ctx,
  );
}
