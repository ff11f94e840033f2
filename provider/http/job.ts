import type { OperationContext } from "./context";
import { JobFailedError } from "./errors";
import { waitFor, type WaitForOptions } from "./wait";

export type JobState<T> =
  | {
      state: "running";
      /** The API's own word for it ("ongoing"), shown in progress lines. */
      status?: string;
      /** The server's Retry-After: when to look again. */
      retryAfterMs?: number;
      /** The job's own estimate of the time left (a provisioning job's completion.estimate). */
      estimateMs?: number;
    }
  | { state: "succeeded"; value: T }
  | { state: "failed"; status: string; detail?: string };

export interface FollowJobOptions<T> extends Omit<WaitForOptions<T>, "poll"> {
  jobId: string;
  /** One look at the job. */
  poll: (ctx: OperationContext) => Promise<JobState<T>>;
}

/**
 * Follows an asynchronous job until it ends: its value when it succeeds, JobFailedError when
 * it fails. Looks again no sooner than the server says to (later when the job says it needs
 * longer), backing off in between.
 */
export function followJob<T>(options: FollowJobOptions<T>, ctx: OperationContext): Promise<T> {
  const { jobId, poll, ...rest } = options;
  return waitFor<T>(
    {
      ...rest,
      poll: async (pollCtx) => {
        const job = await poll(pollCtx);
        if (job.state === "succeeded") return { done: true, value: job.value };
        if (job.state === "failed") throw new JobFailedError({ what: options.what, jobId, status: job.status, detail: job.detail });
        return { done: false, status: job.status, nextPollInMs: job.retryAfterMs, expectedDoneInMs: job.estimateMs };
      },
    },
    ctx,
  );
}
