// A fixed-window rate limiter for emulators of rate-limited APIs (WisPanel's
// 60 requests a minute per token, for one). It is there to make a provider meet
// real 429s with real Retry-After and X-RateLimit-* headers, so that backing off
// is tested against the counting, not against an injected fault.
import { EmulatorError, type HeaderMap } from "./base-error";
import type { RequestHead } from "./base-definition";

export interface FixedWindowRateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  /** Default 60 000 (a minute). */
  windowMs?: number;
  /**
   * What X-RateLimit-Reset says: "seconds" until the window ends (the reseller
   * API's style, the default) or the "unix" time in seconds when it ends (WisPanel's).
   */
  reset?: "seconds" | "unix";
  /** The 429's message; default names the limit and the wait. */
  message?: (limit: number, windowMs: number, retryAfterSeconds: number) => string;
  /** For tests of the limiter itself; default Date.now. */
  now?: () => number;
}

interface Window {
  endsAt: number;
  count: number;
}

export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, Window>();
  readonly limit: number;
  readonly windowMs: number;

  constructor(private readonly options: FixedWindowRateLimitOptions) {
    if (!(options.limit >= 1)) throw new Error("A rate limit allows at least one request per window.");
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
  }

  /**
   * Counts one request for `key` and returns the headers its answer carries;
   * past the limit, throws the 429 (with the same headers and Retry-After) instead.
   * A window starts with the first request after the previous one ended.
   */
  check(key: string): HeaderMap {
    const now = (this.options.now ?? Date.now)();
    let window = this.windows.get(key);
    if (!window || now >= window.endsAt) {
      window = { endsAt: now + this.windowMs, count: 0 };
      this.windows.set(key, window);
    }
    const secondsLeft = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    const limited = window.count >= this.limit;
    if (!limited) window.count++;
    const headers: HeaderMap = {
      "X-RateLimit-Limit": String(this.limit),
      "X-RateLimit-Remaining": String(this.limit - window.count),
      "X-RateLimit-Reset": String(this.options.reset === "unix" ? Math.ceil(window.endsAt / 1000) : secondsLeft),
    };
    if (!limited) return headers;
    const message =
      this.options.message?.(this.limit, this.windowMs, secondsLeft) ??
      `Too many requests: at most ${this.limit} per ${this.windowMs / 1000} seconds; retry after ${secondsLeft} seconds.`;
    throw new EmulatorError(429, message, { headers: { ...headers, "Retry-After": String(secondsLeft) } });
  }

  /**
   * A definition's rateLimit hook counting per key; by default per Authorization
   * header, which is per token for Bearer APIs (requests without one share a window).
   */
  hook(keyOf: (request: RequestHead) => string = (request) => request.headers.authorization ?? ""): (request: RequestHead) => HeaderMap {
    return (request) => this.check(keyOf(request));
  }

  /** Forgets every window: the next request of each key starts a fresh one. */
  clear(): void {
    this.windows.clear();
  }
}
