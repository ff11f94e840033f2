// Seeded random faults: with chaos on, each request (and each piece of background work) meets a
// fault with probability `rate`, drawn from PRNGs seeded by `seed`, so the same order of requests
// meets the same faults again and a failing run can be replayed. Reads, writes and background
// work draw from streams of their own: how often a client happened to poll does not move the
// faults its writes and jobs meet. Every fault met is logged, so a
// failure can show what the service did. The kinds are what real services do to a client: a 5xx
// before the work or after it (the work done, its answer lost), a connection dropped before or
// after the work, a 429 in the API's own form, an answer later than the client's timeout, and
// background work (an action, a job, a database being provisioned) that fails or hangs.
import type { HeaderMap } from "./base-error";
import type { InjectedFault } from "./base-faults";

export const REQUEST_FAULT_KINDS = ["error-before", "error-after", "drop-before", "drop-after", "rate-limit", "slow"] as const;
export const ASYNC_FAULT_KINDS = ["async-fail", "async-hang"] as const;
export const CHAOS_KINDS = [...REQUEST_FAULT_KINDS, ...ASYNC_FAULT_KINDS] as const;
export type ChaosKind = (typeof CHAOS_KINDS)[number];

export interface ChaosOptions {
  seed: number;
  /** The probability, 0 to 1, that a request (or a piece of background work) meets a fault. */
  rate: number;
  /** Default every kind. */
  kinds?: readonly ChaosKind[];
  /** How long a "slow" answer is held after the work is done: more than the client's timeout. Default 2500. */
  slowMs?: number;
  /** What a 429 asks the client to wait. Default 1. */
  retryAfterSeconds?: number;
  /** Requests spared some kinds: drawn as usual (the other draws stay put), then served as if none. */
  spare?: ReadonlyArray<{ method?: string; path?: RegExp; kinds: readonly ChaosKind[] }>;
}

export interface FaultLogEntry {
  kind: ChaosKind;
  /** For background work, what it was: "action", "provisioning job", "database". */
  method: string;
  path: string;
  /** The status answered, for 5xx and 429. */
  status?: number;
  at: number;
}

/** The 429's headers in the API's documented form, for a wait of `seconds`. */
export type RateLimitHeaders = (seconds: number) => HeaderMap;

export const retryAfterHeaders: RateLimitHeaders = (seconds) => ({ "Retry-After": String(seconds) });

/** mulberry32: small, fast and good enough to spread faults; the point is that it replays. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVER_ERRORS = [500, 502, 503] as const;

export class Chaos {
  /** Every fault met since the sandbox started, in order. */
  readonly log: FaultLogEntry[] = [];
  private streams: Record<"read" | "write" | "async", () => number> | undefined;
  private options: Required<Omit<ChaosOptions, "spare">> & Pick<ChaosOptions, "spare"> | undefined;
  private calm: Promise<void> = Promise.resolve();
  private becomeCalm: () => void = () => undefined;

  constructor(private readonly rateLimitHeaders: RateLimitHeaders = retryAfterHeaders) {}

  get active(): boolean {
    return this.options !== undefined;
  }

  start(options: ChaosOptions): void {
    if (!(options.rate >= 0 && options.rate <= 1)) throw new Error("chaos rate is a probability, 0 to 1");
    const unknown = (options.kinds ?? []).filter((k) => !CHAOS_KINDS.includes(k));
    if (unknown.length > 0) throw new Error(`unknown chaos kinds ${unknown.join(", ")}; known: ${CHAOS_KINDS.join(", ")}`);
    if (!this.active) this.calm = new Promise((resolve) => (this.becomeCalm = resolve));
    this.options = { seed: options.seed, rate: options.rate, kinds: options.kinds ?? CHAOS_KINDS, slowMs: options.slowMs ?? 2500, retryAfterSeconds: options.retryAfterSeconds ?? 1, spare: options.spare };
    const seed = options.seed >>> 0;
    this.streams = { read: seededRandom(seed), write: seededRandom(seed ^ 0x9e3779b9), async: seededRandom(seed ^ 0x85ebca6b) };
  }

  /** Faults stop; background work held by a hang goes on. */
  stop(): void {
    this.options = undefined;
    this.streams = undefined;
    this.becomeCalm();
  }

  /** Resolves when chaos is off: what hung background work waits for. */
  whenCalm(): Promise<void> {
    return this.calm;
  }

  /** The fault a request meets, or undefined; drawn (and logged) once per request. */
  requestFault(method: string, path: string): InjectedFault | undefined {
    const stream = method === "GET" || method === "HEAD" ? "read" : "write";
    const drawn = this.draw(stream, REQUEST_FAULT_KINDS);
    if (!drawn) return undefined;
    const { kind, next } = drawn;
    const { slowMs, retryAfterSeconds, spare } = this.options!;
    const spared = spare?.some((s) => (s.method === undefined || s.method === method) && (s.path === undefined || s.path.test(path)) && s.kinds.includes(kind));
    if (spared) return undefined;
    const status = kind === "rate-limit" ? 429 : kind.startsWith("error") ? SERVER_ERRORS[Math.floor(next * 3)] : undefined;
    this.log.push({ kind, method, path, status, at: Date.now() });
    switch (kind) {
      case "error-before":
      case "error-after":
        return { status, afterServing: kind === "error-after", body: undefined };
      case "drop-before":
      case "drop-after":
        return { drop: true, afterServing: kind === "drop-after" };
      case "rate-limit":
        return { status: 429, headers: this.rateLimitHeaders(retryAfterSeconds) };
      case "slow":
        // Served first, answered late: the work is done, the client has given up waiting.
        return { delayMs: slowMs, afterServing: true };
    }
  }

  /** How a piece of background work ends: as usual, in failure, or held until chaos is off. */
  asyncOutcome(what: string, path: string): "ok" | "fail" | "hang" {
    const kind = this.draw("async", ASYNC_FAULT_KINDS)?.kind;
    if (!kind) return "ok";
    this.log.push({ kind, method: what, path, at: Date.now() });
    return kind === "async-fail" ? "fail" : "hang";
  }

  /** The kind met, if any, and one more number for its details. */
  private draw<K extends ChaosKind>(stream: "read" | "write" | "async", among: readonly K[]): { kind: K; next: number } | undefined {
    if (!this.options || !this.streams) return undefined;
    const random = this.streams[stream];
    const kinds = among.filter((k) => this.options!.kinds.includes(k));
    // Three numbers a draw whatever the kinds: a seed meets its faults at the same requests with any list of kinds.
    const [roll, pick, next] = [random(), random(), random()];
    if (kinds.length === 0 || roll >= this.options.rate) return undefined;
    return { kind: kinds[Math.floor(pick * kinds.length)], next };
  }
}

/** What a sandbox offers tests to switch chaos on and off and to see what it did. */
export interface ChaosControls {
  /** Seeded random faults from now on, until chaosOff(). */
  chaos(options: ChaosOptions): void;
  /** Faults stop; hung background work goes on. */
  chaosOff(): void;
  /** Every fault chaos made the sandbox inject, in order. */
  readonly faultLog: FaultLogEntry[];
}

export function chaosControls(chaos: Chaos): ChaosControls {
  return {
    chaos: (options) => chaos.start(options),
    chaosOff: () => chaos.stop(),
    faultLog: chaos.log,
  };
}
