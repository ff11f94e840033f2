import { CancelledError } from "./errors";

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Injected by tests; Math.random otherwise. */
  random?: () => number;
}

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(maxMs, baseMs * 2^attempt)).
 * Full jitter spreads many clients that failed together (one `pulumi up` creating twenty
 * resources in parallel) instead of having them retry in lockstep.
 * `attempt` is 0 for the first retry.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

export type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== "") return first.trim();
  }
  return undefined;
}

const NUMBER = /^\d+(\.\d+)?$/;

// Below this a reset value cannot be a Unix timestamp (1e9 s is September 2001), so it
// is a number of seconds from now. The reseller API sends seconds, WisPanel a timestamp.
const UNIX_TIMESTAMP_THRESHOLD = 1e9;
// Past this a timestamp is in milliseconds (1e11 s is the year 5138), as some gateways send it.
const UNIX_MILLISECONDS_THRESHOLD = 1e11;
// A rate-limit window longer than a day is a misread header, not a window: believed, it would
// hold every request of the run.
const LONGEST_PLAUSIBLE_RESET_MS = 24 * 60 * 60 * 1000;

/**
 * How long the server asked us to wait, in ms, or undefined when it did not say.
 * `Retry-After` (seconds or an HTTP date) wins over `X-RateLimit-Reset`.
 */
export function retryAfterMs(headers: HeaderBag, now: number = Date.now()): number | undefined {
  const retryAfter = header(headers, "retry-after");
  if (retryAfter !== undefined) {
    if (NUMBER.test(retryAfter)) return Math.max(0, Math.round(Number(retryAfter) * 1000));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return rateLimitResetMs(headers, now);
}

/** Ms until the rate limit window ends, from `X-RateLimit-Reset` in seconds or as a Unix timestamp. */
export function rateLimitResetMs(headers: HeaderBag, now: number = Date.now()): number | undefined {
  const reset = header(headers, "x-ratelimit-reset");
  if (reset === undefined || !NUMBER.test(reset)) return undefined;
  const value = Number(reset);
  const ms = value < UNIX_TIMESTAMP_THRESHOLD ? value * 1000 : value < UNIX_MILLISECONDS_THRESHOLD ? value * 1000 - now : value - now;
  if (ms > LONGEST_PLAUSIBLE_RESET_MS) return undefined;
  return Math.max(0, Math.round(ms));
}

/** A non-negative whole number from a header such as `X-RateLimit-Remaining`, in any case. */
export function countHeader(headers: HeaderBag, name: string): number | undefined {
  const value = header(headers, name.toLowerCase());
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Waits `ms`, or rejects with CancelledError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal, what?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError(what, signal.reason));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError(what, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
