import { countHeader, rateLimitResetMs, retryAfterMs, type HeaderBag } from "./backoff";
import type { OperationContext } from "./context";
import { formatDuration } from "./duration";
import { CancelledError, DeadlineExceededError } from "./errors";
import type { RateLimitOptions, RateLimitSlot } from "./rate-limit-options";

export type { RateLimitOptions, RateLimitSlot } from "./rate-limit-options";

interface Waiter {
  ctx: OperationContext;
  what: string;
  started: number;
  queuedAt: number;
  logged: boolean;
  resolve: (slot: RateLimitSlot) => void;
  reject: (error: Error) => void;
  cleanup: () => void;
}

/** What the server told us about its current window. */
interface ServerWindow {
  /** Unknown right after a window ended, until an answer from the new one arrives. */
  resetAt: number | undefined;
  budget: number;
  /** Counts windows, so an answer from an earlier one is not taken for the current one. */
  epoch: number;
}

type Verdict = { go: true } | { go: false; until: number | undefined; why: string };

const MINUTE = 60_000;
// A server that reports Remaining but not when it resets is asked again after this.
const UNKNOWN_RESET_MS = 1000;
// Resets in whole seconds are rounded; a later reset by less than this is the same window.
const RESET_ROUNDING_MS = 1000;
const LOG_AFTER_MS = 1000;

/**
 * Keeps one client under its API's rate limit instead of bouncing off 429s: a token bucket
 * when a rate is configured, and whatever the server reports in X-RateLimit-Limit,
 * -Remaining and -Reset on every answer, and in Retry-After on a 429. Until the first answer
 * arrives only one request goes, since nothing is known about the limit yet. Waiters are
 * served in order.
 */
export class RateLimiter {
  private readonly configuredPerMinute: number | undefined;
  private readonly documentedPerMinute: number | undefined;
  private readonly burst: number;
  private tokens: number;
  private refilledAt = Date.now();
  private pausedUntil = 0;
  private answered = false;
  /** The server has reported X-RateLimit-Remaining: its window is known. */
  private serverCounts = false;
  private serverLimit: number | undefined;
  /** The longest reset seen: the server's window is at least this long. */
  private serverWindowMs: number | undefined;
  private window: ServerWindow | undefined;
  private epoch = 0;
  private inFlight = 0;
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly apiName: string,
    options: RateLimitOptions = {},
  ) {
    const { requestsPerMinute, documentedPerMinute, burst } = options;
    for (const rate of [requestsPerMinute, documentedPerMinute]) {
      if (rate !== undefined && !(rate > 0)) throw new Error(`${apiName} rate limit must allow more than 0 requests a minute, got ${rate}`);
    }
    this.configuredPerMinute = requestsPerMinute;
    this.documentedPerMinute = documentedPerMinute;
    this.burst = Math.max(1, Math.floor(burst ?? 1));
    this.tokens = this.burst;
  }

  /** Resolves when a request may go; rejects on ctx.signal or when ctx.deadline comes first. */
  acquire(ctx: OperationContext, what: string, started: number = Date.now()): Promise<RateLimitSlot> {
    if (ctx.signal?.aborted) return Promise.reject(new CancelledError(what, ctx.signal.reason));
    if (this.queue.length === 0 && this.verdict(Date.now()).go) return Promise.resolve(this.take());
    return new Promise<RateLimitSlot>((resolve, reject) => {
      const waiter: Waiter = { ctx, what, started, queuedAt: Date.now(), logged: false, resolve, reject, cleanup: () => {} };
      const onAbort = () => this.drop(waiter, new CancelledError(what, ctx.signal?.reason));
      ctx.signal?.addEventListener("abort", onAbort, { once: true });
      const timers: NodeJS.Timeout[] = [setTimeout(() => this.logLongWait(waiter), LOG_AFTER_MS)];
      if (ctx.deadline !== undefined) {
        timers.push(setTimeout(() => this.drop(waiter, this.deadlineError(waiter)), Math.max(0, ctx.deadline - Date.now())));
      }
      waiter.cleanup = () => {
        ctx.signal?.removeEventListener("abort", onAbort);
        for (const timer of timers) clearTimeout(timer);
      };
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Fails whoever is still waiting; for a client that is shutting down. */
  close(): void {
    for (const waiter of [...this.queue]) this.drop(waiter, new CancelledError(waiter.what, "the client was closed"));
    clearTimeout(this.timer);
  }

  private take(): RateLimitSlot {
    if (this.effectivePerMinute() !== undefined) this.tokens -= 1;
    if (this.window) this.window.budget -= 1;
    this.inFlight++;
    const epoch = this.epoch;
    let released = false;
    return {
      release: (answer) => {
        if (released) return;
        released = true;
        this.inFlight--;
        if (answer) this.learn(answer.status, answer.headers, epoch);
        this.pump();
      },
    };
  }

  private learn(status: number, headers: HeaderBag, epoch: number): void {
    const now = Date.now();
    this.answered = true;
    this.refill(now);
    const limit = countHeader(headers, "x-ratelimit-limit");
    if (limit !== undefined && limit > 0) this.serverLimit = limit;
    const resetMs = rateLimitResetMs(headers, now);
    if (resetMs !== undefined && resetMs > 0) this.serverWindowMs = Math.max(this.serverWindowMs ?? 0, resetMs);
    if (status === 429) {
      const wait = retryAfterMs(headers, now);
      if (wait !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + wait);
    }

    this.expireWindow(now);
    const remaining = countHeader(headers, "x-ratelimit-remaining");
    if (remaining !== undefined) this.serverCounts = true;
    if (remaining === undefined) {
      // A server that stopped reporting its window must not leave us guessing at a new one.
      if (this.window?.resetAt === undefined) this.window = undefined;
      return;
    }
    // An answer to a request sent in a window that has ended since says nothing about this one.
    if (epoch < (this.window?.epoch ?? 0)) return;
    const resetAt = now + (resetMs ?? UNKNOWN_RESET_MS);
    // Requests still in flight may not have been counted yet; assume they will be.
    const budget = remaining - this.inFlight;
    const current = this.window;
    if (!current) {
      this.window = { resetAt, budget, epoch: this.epoch };
    } else if (current.resetAt !== undefined && resetAt > current.resetAt + RESET_ROUNDING_MS) {
      // The server's window ends later than we thought: answers to earlier requests are stale.
      this.window = { resetAt, budget, epoch: ++this.epoch };
    } else {
      current.budget = Math.min(current.budget, budget);
      current.resetAt = current.resetAt === undefined ? resetAt : Math.min(current.resetAt, resetAt);
    }
  }

  private expireWindow(now: number): void {
    if (this.window?.resetAt === undefined || now < this.window.resetAt) return;
    // A new window allows the full limit, or, when the limit is unknown, one request to find out.
    this.window = { resetAt: undefined, budget: (this.serverLimit ?? 1) - this.inFlight, epoch: ++this.epoch };
  }

  private refill(now: number): void {
    const perMinute = this.effectivePerMinute();
    if (perMinute !== undefined) this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * perMinute) / MINUTE);
    this.refilledAt = now;
  }

  /**
   * The configured rate, or the server's when it is lower; a documented rate until the server
   * reports what remains (or its limit and window, then that rate); undefined when neither is given.
   */
  private effectivePerMinute(): number | undefined {
    const serverPerMinute = this.serverLimit === undefined ? undefined : (this.serverLimit * MINUTE) / (this.serverWindowMs ?? MINUTE);
    if (this.configuredPerMinute === undefined) {
      // A server that counts what remains is followed by its window alone, bursts included.
      if (this.documentedPerMinute === undefined || this.serverCounts) return undefined;
      return serverPerMinute !== undefined && this.serverWindowMs !== undefined ? serverPerMinute : this.documentedPerMinute;
    }
    return serverPerMinute === undefined ? this.configuredPerMinute : Math.min(this.configuredPerMinute, serverPerMinute);
  }

  private verdict(now: number): Verdict {
    this.refill(now);
    const blocks: Array<{ until: number; why: string }> = [];
    let waitForAnswer: string | undefined;

    if (this.pausedUntil > now) blocks.push({ until: this.pausedUntil, why: `${this.apiName} answered 429 Too Many Requests` });

    const perMinute = this.effectivePerMinute();
    if (perMinute !== undefined && this.tokens < 1) {
      blocks.push({ until: now + Math.ceil(((1 - this.tokens) * MINUTE) / perMinute), why: `${formatRate(perMinute)} requests a minute` });
    }

    this.expireWindow(now);
    if (this.window && this.window.budget <= 0) {
      if (this.window.resetAt !== undefined) blocks.push({ until: this.window.resetAt, why: this.serverLimitText() });
      else if (this.inFlight > 0) waitForAnswer = this.serverLimitText();
    }
    if (!this.answered && this.inFlight > 0) waitForAnswer ??= "finding out the limit from the first answer";

    if (blocks.length === 0 && waitForAnswer === undefined) return { go: true };
    if (blocks.length === 0) return { go: false, until: undefined, why: waitForAnswer! };
    const latest = blocks.reduce((a, b) => (b.until > a.until ? b : a));
    return { go: false, until: latest.until, why: latest.why };
  }

  private serverLimitText(): string {
    if (this.serverLimit === undefined) return `no requests left until ${this.apiName}'s window resets`;
    const windowMs = this.serverWindowMs ?? MINUTE;
    // Resets come in whole seconds, so a minute's window shows as 59 to 60 seconds.
    if (Math.abs(windowMs - MINUTE) <= RESET_ROUNDING_MS) return `${this.serverLimit} requests a minute`;
    return `${this.serverLimit} requests per ${formatDuration(windowMs)}`;
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length > 0) {
      const now = Date.now();
      const verdict = this.verdict(now);
      if (verdict.go) {
        const waiter = this.queue.shift()!;
        waiter.cleanup();
        waiter.resolve(this.take());
        continue;
      }
      if (verdict.until !== undefined) {
        // Nobody can go before `until`; whoever's deadline comes first need not wait to find out.
        for (const waiter of [...this.queue]) {
          if (waiter.ctx.deadline !== undefined && verdict.until >= waiter.ctx.deadline) {
            this.drop(waiter, this.deadlineError(waiter, verdict), false);
          }
        }
        if (this.queue.length > 0) this.timer = setTimeout(() => this.pump(), Math.max(1, verdict.until - now));
      }
      this.queue.forEach((waiter, index) => {
        if (waiter.logged) return;
        const start = this.expectedStart(index, verdict, now);
        if (start !== undefined && start - now > LOG_AFTER_MS) this.logWait(waiter, start - now, verdict.why);
      });
      return;
    }
  }

  /**
   * When the waiter at `index` should get its turn, if the limits in force say: the head's
   * own wait, then the rate's spacing and the server's windows for the ones behind it.
   */
  private expectedStart(index: number, head: Verdict & { go: false }, now: number): number | undefined {
    let start = head.until;
    const perMinute = this.effectivePerMinute();
    if (perMinute !== undefined) start = Math.max(start ?? now, now + Math.ceil(((index + 1 - this.tokens) * MINUTE) / perMinute));
    const window = this.window;
    if (window?.resetAt !== undefined && index >= Math.max(0, window.budget)) {
      const laterWindows = this.serverLimit ? Math.floor((index - Math.max(0, window.budget)) / this.serverLimit) : 0;
      start = Math.max(start ?? now, window.resetAt + laterWindows * (this.serverWindowMs ?? MINUTE));
    }
    return start;
  }

  private drop(waiter: Waiter, error: Error, pump = true): void {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return;
    this.queue.splice(index, 1);
    waiter.cleanup();
    waiter.reject(error);
    // The queue's head may have changed.
    if (pump) this.pump();
  }

  private logWait(waiter: Waiter, waitMs: number | undefined, why: string): void {
    if (waiter.logged) return;
    waiter.logged = true;
    const duration = waitMs === undefined ? "" : ` ${formatDuration(waitMs)}`;
    waiter.ctx.log?.(`waiting${duration} for the ${this.apiName} rate limit (${why})`);
  }

  /** For a wait that no estimate said would be long, once it has been; the line gives the whole wait. */
  private logLongWait(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index < 0 || waiter.logged) return;
    const now = Date.now();
    const verdict = this.verdict(now);
    if (verdict.go) return;
    const start = this.expectedStart(index, verdict, now);
    this.logWait(waiter, start === undefined ? undefined : start - waiter.queuedAt, verdict.why);
  }

  private deadlineError(waiter: Waiter, verdict: Verdict = this.verdict(Date.now())): DeadlineExceededError {
    const now = Date.now();
    const limit = `the ${this.apiName} rate limit${verdict.go ? "" : ` (${verdict.why})`}`;
    const tooLate = !verdict.go && verdict.until !== undefined && verdict.until >= (waiter.ctx.deadline ?? Infinity);
    return new DeadlineExceededError({
      what: waiter.what,
      elapsedMs: now - waiter.started,
      detail: tooLate
        ? `${limit} lets no request go for another ${formatDuration(verdict.until! - now)}, past the deadline`
        : `it was still waiting for ${limit}`,
    });
  }
}

function formatRate(perMinute: number): string {
  return perMinute >= 10 ? String(Math.round(perMinute)) : String(Math.round(perMinute * 10) / 10);
}
