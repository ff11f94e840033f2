// A reseller API (Combell "Public Api v2") emulator for tests, on the sandbox
// base: HMAC authentication checked on every request as the official client
// signs it (combell-auth.ts), request bodies validated as the OpenAPI and the
// document define them (400 with validation_errors), provisioning jobs for the
// asynchronous creates (202 + Location, poll until 201), paging headers on
// every list, an optional rate limit, and, with a MariaDB, MySQL databases that
// really exist. It is test equipment: it rejects what the real API rejects, so
// a provider bug shows up here rather than in production.
//
// What is Combell's here: the auth, the error shapes, the body rules and the
// routes. The order of handling, faults, routing and the request log are the
// base's (base.ts). The url is the origin: clients add /v2 themselves.
import { randomBytes, randomInt } from "node:crypto";
import { Chaos, EmulatorError, FixedWindowRateLimiter, startEmulator, type ChaosControls, type EmulatorDefinition, type InjectedFault, type RequestHead, type ServedRequest } from "./base";
import { HmacVerifier } from "./combell-auth";
import { mariadbDatabases, storeOnlyDatabases } from "./combell-databases";
import { combellErrorBody } from "./combell-errors";
import type { JsonObject } from "./combell-fields";
import { JobRunner, type FailedOutcome } from "./combell-jobs";
import { DEFAULT_TAKE } from "./combell-paging";
import { accountRoutes } from "./combell-routes-accounts";
import { dnsRoutes } from "./combell-routes-dns";
import { domainRoutes } from "./combell-routes-domains";
import { hostingRoutes } from "./combell-routes-hostings";
import { mailRoutes } from "./combell-routes-mail";
import { mysqlRoutes } from "./combell-routes-mysql";
import { sshRoutes } from "./combell-ssh";
import { parseCombellBody, type CombellState } from "./combell-state";
import { DEFAULT_SERVICEPACKS, emptyStore, type CombellStore, type ServicepackRecord } from "./combell-store";
import type { MariaDB } from "./mariadb";
import { recordSecret } from "../harness/scan-record";

export type { InjectedFault, ServedRequest, CombellStore, ServicepackRecord };
export { combellSignature, combellSigningString, phpUrlEncode, MAX_CLOCK_SKEW_SECONDS, type SigningInput } from "./combell-auth";
export { DEFAULT_SERVICEPACKS };

export interface CombellSandboxOptions {
  /** Default: 32 random hex characters. */
  apiKey?: string;
  /** Default: 40 random base64url characters. */
  apiSecret?: string;
  /** 0 (default): a free port on 127.0.0.1. */
  port?: number;
  /** When given, MySQL databases and their users are created, changed and dropped in it for real. */
  mariadb?: MariaDB;
  /** How long a provisioning job stays "ongoing"; default 300 ms. */
  jobDurationMs?: number;
  /** Retry-After (seconds) on a 202 and on an ongoing job; default 1 (the real API says 5). */
  retryAfterSeconds?: number;
  /** Off by default. Counted per API key; X-RateLimit-Reset and Retry-After in seconds. */
  rateLimit?: { limit: number; windowMs: number };
  /** The largest take one answer honours; default 25 (also the take when the client sends none). */
  pageSize?: number;
  /** Default DEFAULT_SERVICEPACKS. */
  servicepacks?: ServicepackRecord[];
  /** Milliseconds since the epoch, for signature times, job timings and the rate limit; default Date.now. */
  clock?: () => number;
}

/** Chaos covers its provisioning jobs too: one may end "failed" or stay "ongoing" until chaos is off. */
export interface CombellSandbox extends ChaosControls {
  /** The origin, e.g. "http://127.0.0.1:41234"; the API is under /v2. */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The emulator's live records, for tests to inspect and to change out of band. */
  readonly store: CombellStore;
  /** Every request served, in order (path without query; also its query and headers). */
  readonly requests: ServedRequest[];
  /** The next matching requests meet this fault, before rate limit, auth and routing. */
  injectFault(fault: InjectedFault): void;
  /** For jobs started from now on. */
  setJobDuration(ms: number): void;
  /** The next job started ends with this status (and creates nothing). */
  failNextJob(outcome: FailedOutcome): void;
  close(): Promise<void>;
}

const API_KEY_IN_HEADER = /^hmac ([^\s:]{1,256}):/i;

/** The rate limiter's hook with X-RateLimit-Usage added, on every answer and on the 429. */
function rateLimitHook(options: { limit: number; windowMs: number }, clock: () => number) {
  const limiter = new FixedWindowRateLimiter({ limit: options.limit, windowMs: options.windowMs, reset: "seconds", now: clock, message: (limit, windowMs, retryAfter) => `Too many requests, retry later: at most ${limit} per ${windowMs / 1000} seconds; retry after ${retryAfter} seconds.` });
  return (request: RequestHead) => {
    const key = API_KEY_IN_HEADER.exec(request.headers.authorization ?? "")?.[1] ?? "";
    try {
      const headers = limiter.check(key);
      return { ...headers, "X-RateLimit-Usage": String(limiter.limit - Number(headers["X-RateLimit-Remaining"])) };
    } catch (error) {
      if (error instanceof EmulatorError) error.headers["X-RateLimit-Usage"] = String(limiter.limit);
      throw error;
    }
  };
}

function checkOptions(options: CombellSandboxOptions): void {
  const whole = (value: number | undefined, min: number) => value === undefined || (Number.isInteger(value) && value >= min);
  if (!whole(options.jobDurationMs, 0)) throw new Error("jobDurationMs is a whole number of milliseconds, 0 or more.");
  if (!whole(options.retryAfterSeconds, 0)) throw new Error("retryAfterSeconds is a whole number of seconds, 0 or more.");
  if (!whole(options.pageSize, 1)) throw new Error("pageSize is a whole number, 1 or more.");
}

export async function startCombellSandbox(options: CombellSandboxOptions = {}): Promise<CombellSandbox> {
  checkOptions(options);
  const apiKey = options.apiKey ?? randomBytes(16).toString("hex");
  const apiSecret = options.apiSecret ?? randomBytes(30).toString("base64url");
  recordSecret("Combell sandbox: its API secret", apiSecret);
  const clock = options.clock ?? Date.now;
  const store = emptyStore(options.servicepacks ?? DEFAULT_SERVICEPACKS);
  // The document's 429: Retry-After and X-RateLimit-Reset, both in seconds from now.
  const chaos = new Chaos((seconds) => ({ "Retry-After": String(seconds), "X-RateLimit-Reset": String(seconds), "X-RateLimit-Remaining": "0" }));
  const jobs = new JobRunner(store.jobs, clock, options.jobDurationMs ?? 300, chaos);
  // A random start, so sandboxes sharing one MariaDB rarely meet the same ID{account}_ names.
  let lastAccountId = randomInt(100_000, 900_000);
  const state: CombellState = {
    store,
    jobs,
    databases: options.mariadb ? mariadbDatabases(options.mariadb) : storeOnlyDatabases,
    paging: { pageSize: options.pageSize ?? DEFAULT_TAKE },
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    clock,
    nextAccountId: () => {
      do lastAccountId++;
      while (store.accounts.has(lastAccountId));
      return lastAccountId;
    },
  };
  const verifier = new HmacVerifier(new Map([[apiKey, apiSecret]]), clock);
  const definition: EmulatorDefinition<string, JsonObject> = {
    name: "Combell",
    basePath: "/v2",
    authenticate: (request) => verifier.verify(request),
    errorBody: combellErrorBody,
    routes: [
      ...accountRoutes(state),
      ...dnsRoutes(state),
      ...domainRoutes(state),
      ...hostingRoutes(state),
      ...sshRoutes(state),
      ...mailRoutes(state),
      ...mysqlRoutes(state),
    ],
    parseBody: parseCombellBody,
    rateLimit: options.rateLimit ? rateLimitHook(options.rateLimit, clock) : undefined,
  };
  const emulator = await startEmulator(definition, { port: options.port, chaos });

  return {
    url: new URL(emulator.url).origin,
    apiKey,
    apiSecret,
    store,
    requests: emulator.requests,
    chaos: emulator.chaos,
    chaosOff: emulator.chaosOff,
    faultLog: emulator.faultLog,
    injectFault(fault) {
      emulator.injectFault(fault);
    },
    setJobDuration(ms) {
      jobs.setDuration(ms);
    },
    failNextJob(outcome) {
      jobs.failNextJob(outcome);
    },
    async close() {
      await jobs.close();
      await emulator.close();
    },
  };
}
