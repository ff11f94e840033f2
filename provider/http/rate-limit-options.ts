import type { HeaderBag } from "./backoff";

// What a client tells its rate limiter, and what the limiter hands each attempt.

export interface RateLimitOptions {
  /** Our own budget for this API. Without it, the limiter only follows what the server reports. */
  requestsPerMinute?: number;
  /**
   * The rate the API's document states, kept only until the server reports what remains of its
   * window (X-RateLimit-Remaining and -Reset): from then on its own window rules, bursts included
   * (a panel configured otherwise, a test's short window). A server that reports only its Limit
   * and Reset is held to that rate.
   */
  documentedPerMinute?: number;
  /** Requests that may go at once before the rate spaces them. Default 1: evenly spaced. */
  burst?: number;
}

/** Held for one attempt; released with the answer so the limiter learns from its headers. */
export interface RateLimitSlot {
  release(answer?: { status: number; headers: HeaderBag }): void;
}
