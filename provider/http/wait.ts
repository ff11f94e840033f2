import { sleep } from "./backoff";
import type { OperationContext } from "./context";
import { formatDuration } from "./duration";
import { CancelledError, DeadlineExceededError } from "./errors";
import { PollSchedule } from "./poll-schedule";
import { secrets } from "./redact";
import { redactedLine } from "./safe-text";

export type PollResult<T> =
  | { done: true; value: T }
  | {
      done: false;
      status?: string;
      /** The server said when to look again (Retry-After): the next poll comes no sooner, and not after the backoff delay. */
      nextPollInMs?: number;
      /**
       * The operation's own estimate of when it is done. After a Retry-After, a later estimate
       * defers the next poll up to it, as far as the schedule's ceiling allows (an estimate can
       * be wrong); without one, the next poll comes no later than the estimate.
       */
      expectedDoneInMs?: number;
    };

// A server that keeps saying "look again now" must not turn the wait into a busy loop.
const MIN_SERVER_PAUSE_MS = 50;
// Timers and the wall clock disagree by a millisecond or two.
const DEADLINE_SLACK_MS = 5;
// An estimate hours away must not silence the wait: look (and log) at least this often.
const ESTIMATE_WAIT_CAP_MS = 60_000;

export interface WaitForOptions<T> {
  /** Named in logs and errors: "ServerPilot action tW2fu4 (create app blog)". */
  what: string;
  /** Throws to fail the wait (an action that reports "error", a job that was cancelled). */
  poll: (ctx: OperationContext) => Promise<PollResult<T>>;
  /** Delay after the first poll. Default 250. */
  initialDelayMs?: number;
  /** The server's Retry-After on the request that started the operation: the first poll waits for it. */
  firstPollInMs?: number;
  /**
   * Delays grow by 1.5x, never past max(400 ms, 12% of the time waited so far) (poll-schedule.ts),
   * nor past this. Default 30000.
   */
  maxDelayMs?: number;
  /** How often a "still waiting" line goes to ctx.log. Default 10000. */
  progressEveryMs?: number;
  /** Injected by tests; Math.random otherwise. */
  random?: () => number;
}

/**
 * Waits for an asynchronous operation (a provisioning job, an action) to finish.
 * Polls at once (after the start's Retry-After, if it sent one), since many jobs are done by
 * the time the first answer arrives, then backs off so a slow job does not burn the rate limit,
 * yet never so far that a finished job goes unnoticed for more than about 12% of the wait
 * (PollSchedule); a server's Retry-After is never cut short. Logs progress so a long wait
 * never looks like a hang, and gives up at ctx.deadline with the last status it saw.
 */
export async function waitFor<T>(options: WaitForOptions<T>, ctx: OperationContext): Promise<T> {
  const { what } = options;
  const progressEveryMs = options.progressEveryMs ?? 10_000;
  const schedule = new PollSchedule({
    initialDelayMs: options.initialDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    random: options.random,
  });
  const started = Date.now();
  // The first line comes early, so a slow wait is visible at once; then one every progressEveryMs.
  let nextProgressAt = started + Math.min(1000, progressEveryMs);
  let lastStatus: string | undefined;

  const deadlineError = (lastError?: unknown) =>
    new DeadlineExceededError({ what, elapsedMs: Date.now() - started, lastStatus, lastError });

  if (options.firstPollInMs !== undefined && options.firstPollInMs > 0) {
    const until = ctx.deadline === undefined ? options.firstPollInMs : Math.min(options.firstPollInMs, Math.max(0, ctx.deadline - started));
    await sleep(until, ctx.signal, `waiting for ${what}`);
  }

  for (;;) {
    if (ctx.signal?.aborted) throw new CancelledError(`waiting for ${what}`, ctx.signal.reason);
    // A pause cut to the deadline may end a moment before it by the wall clock: that is the deadline.
    if (ctx.deadline !== undefined && Date.now() >= ctx.deadline - DEADLINE_SLACK_MS) throw deadlineError();

    let result: PollResult<T>;
    try {
      result = await options.poll(ctx);
    } catch (err) {
      // The poll's own request ran into the deadline: report it as this wait's timeout,
      // naming what was awaited rather than one GET among many.
      if (err instanceof DeadlineExceededError) throw deadlineError(err.lastError ?? err);
      throw err;
    }
    if (result.done) return result.value;
    // Masked on arrival: the status goes into progress lines and errors that reshape it.
    if (result.status !== undefined) lastStatus = redactedLine(result.status);

    const now = Date.now();
    if (now >= nextProgressAt) {
      ctx.log?.(
        secrets.scrub(`still waiting for ${what}${lastStatus ? `: ${lastStatus}` : ""}, ${formatDuration(now - started)} elapsed`),
      );
      nextProgressAt = now + progressEveryMs;
    }

    const elapsed = now - started;
    let pause = pauseAfter(result, schedule.next(elapsed), schedule.ceiling(elapsed));
    if (ctx.deadline !== undefined) pause = Math.min(pause, Math.max(0, ctx.deadline - now));
    await sleep(pause, ctx.signal, `waiting for ${what}`);
  }
}

/**
 * How long to wait before the next poll: the server's Retry-After (never less), deferred to a
 * later estimate but no further than `ceilingMs` (the schedule's longest gap: a job that ends
 * before its estimate is still noticed soon); without a Retry-After, our own backoff, cut short
 * by an earlier estimate. An estimate already passed says nothing about when to look again.
 */
export function pauseAfter(
  result: { nextPollInMs?: number; expectedDoneInMs?: number },
  backoffMs: number,
  ceilingMs: number = ESTIMATE_WAIT_CAP_MS,
): number {
  const estimate = result.expectedDoneInMs !== undefined && result.expectedDoneInMs > 0 ? result.expectedDoneInMs : undefined;
  if (result.nextPollInMs !== undefined) {
    const floor = Math.max(MIN_SERVER_PAUSE_MS, result.nextPollInMs);
    return estimate === undefined ? floor : Math.max(floor, Math.min(estimate, ceilingMs, ESTIMATE_WAIT_CAP_MS));
  }
  return estimate === undefined ? backoffMs : Math.min(backoffMs, estimate);
}

export interface WaitUntilGoneOptions extends Omit<WaitForOptions<void>, "poll"> {
  /** One look: true while the resource is still there. */
  exists: (ctx: OperationContext) => Promise<boolean>;
}

/** Waits until a deleted resource is no longer reported, for APIs that delete in the background. */
export function waitUntilGone(options: WaitUntilGoneOptions, ctx: OperationContext): Promise<void> {
  const { exists, ...rest } = options;
  return waitFor<void>(
    {
      ...rest,
      poll: async (pollCtx) => ((await exists(pollCtx)) ? { done: false, status: "still present" } : { done: true, value: undefined }),
    },
    ctx,
  );
}
