import { STATUS_CODES } from "node:http";
import { formatDuration } from "./duration";
import { secrets } from "./redact";
import { redactedLine } from "./safe-text";

export { oneLine } from "./safe-text";

export interface ApiErrorInit {
  apiName: string;
  status: number;
  method: string;
  /** Path and query as sent; never the host or credentials. */
  path: string;
  requestId?: string;
  apiMessage?: string;
  /** Ours, not the API's: what the user can do about it ("check hosting:apiKey"). After the API's message. */
  hint?: string;
  retryAfterMs?: number;
}

/** The API answered with a non-2xx status. */
export class ApiError extends Error {
  readonly apiName: string;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly requestId: string | undefined;
  readonly apiMessage: string | undefined;
  readonly hint: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    const path = secrets.scrub(init.path);
    // Typed as strings, but they come from API bodies: anything else is no message at all.
    const apiMessage = typeof init.apiMessage === "string" ? redactedLine(init.apiMessage) || undefined : undefined;
    const hint = typeof init.hint === "string" ? redactedLine(init.hint) || undefined : undefined;
    const explanation = [apiMessage, hint].filter((part) => part !== undefined).join("; ");
    const statusText = STATUS_CODES[init.status] ?? "Unknown Status";
    super(
      secrets.scrub(
        `${init.apiName} API ${init.method} ${path} failed with ${init.status} ${statusText}` +
          (explanation ? `: ${explanation}` : "") +
          (init.requestId ? ` (request id ${redactedLine(init.requestId, 100)})` : ""),
      ),
    );
    this.name = new.target.name;
    this.apiName = init.apiName;
    this.status = init.status;
    this.method = init.method;
    this.path = path;
    this.requestId = init.requestId;
    this.apiMessage = apiMessage;
    this.hint = hint;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 400 and 422: the request was invalid; retrying cannot help. */
export class BadRequestError extends ApiError {}
/** 401: the credentials are wrong or missing. */
export class UnauthorizedError extends ApiError {}
/** 402 and 403: the credentials work but may not do this (scope, plan, payment). */
export class ForbiddenError extends ApiError {}
/** 404 and 410: the resource does not exist (any more). */
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class RateLimitedError extends ApiError {}
export class ServerError extends ApiError {}

export function apiErrorFor(init: ApiErrorInit): ApiError {
  const s = init.status;
  if (s === 400 || s === 422) return new BadRequestError(init);
  if (s === 401) return new UnauthorizedError(init);
  if (s === 402 || s === 403) return new ForbiddenError(init);
  if (s === 404 || s === 410) return new NotFoundError(init);
  if (s === 409) return new ConflictError(init);
  if (s === 429) return new RateLimitedError(init);
  if (s >= 500 && s <= 599) return new ServerError(init);
  return new ApiError(init);
}

export function isNotFound(err: unknown): boolean {
  return err instanceof NotFoundError;
}

const NETWORK_CODE_TEXT: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed temporarily",
  ETIMEDOUT: "connection timed out",
  EPIPE: "connection closed while sending",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_CLOSED: "connection closed",
};

// Failures that happen before a single byte of the request leaves the machine: even a
// non-idempotent request can be sent again without risking a duplicate.
const NOT_SENT_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

export interface NetworkErrorInit {
  apiName: string;
  method: string;
  path: string;
  code?: string;
  cause?: unknown;
}

/** No HTTP answer: the connection failed or broke. */
export class NetworkError extends Error {
  readonly apiName: string;
  readonly method: string;
  readonly path: string;
  readonly code: string | undefined;
  /** True when the request certainly never reached the server. */
  readonly requestNotSent: boolean;

  constructor(init: NetworkErrorInit) {
    const path = secrets.scrub(init.path);
    const causeMessage = init.cause instanceof Error ? init.cause.message : undefined;
    const what = (init.code && NETWORK_CODE_TEXT[init.code]) || causeMessage || "network error";
    super(
      secrets.scrub(
        `${init.apiName} API ${init.method} ${path} failed: ${redactedLine(what)}` +
          (init.code ? ` (${init.code})` : ""),
      ),
      { cause: init.cause },
    );
    this.name = new.target.name;
    this.apiName = init.apiName;
    this.method = init.method;
    this.path = path;
    this.code = init.code;
    this.requestNotSent = init.code !== undefined && NOT_SENT_CODES.has(init.code);
  }
}

/** One attempt took longer than the per-request timeout. */
export class RequestTimeoutError extends Error {
  readonly apiName: string;
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;

  constructor(init: { apiName: string; method: string; path: string; timeoutMs: number }) {
    const path = secrets.scrub(init.path);
    super(
      secrets.scrub(
        `${init.apiName} API ${init.method} ${path} timed out: no complete answer within ${formatDuration(init.timeoutMs)}`,
      ),
    );
    this.name = new.target.name;
    this.apiName = init.apiName;
    this.method = init.method;
    this.path = path;
    this.timeoutMs = init.timeoutMs;
  }
}

export interface DeadlineExceededInit {
  /** What was being done: "ServerPilot API GET /v1/apps", "ServerPilot action x (create app blog)". */
  what: string;
  elapsedMs: number;
  lastStatus?: string;
  lastError?: unknown;
  /** Completes "gave up after 2s because ...": "the next retry was due in 30s, after the deadline". */
  detail?: string;
  /** The request was on its way: the API may have done what it asked. */
  mayHaveArrived?: boolean;
}

/** The operation's overall deadline (Pulumi's customTimeouts) passed. */
export class DeadlineExceededError extends Error {
  readonly what: string;
  readonly elapsedMs: number;
  readonly lastStatus: string | undefined;
  readonly lastError: unknown;
  /** The request was on its way when the deadline passed: the API may have done what it asked. */
  readonly mayHaveArrived: boolean;

  constructor(init: DeadlineExceededInit) {
    const lastErrorText =
      init.lastError instanceof Error ? init.lastError.message : init.lastError !== undefined ? String(init.lastError) : undefined;
    const lastStatus = init.lastStatus !== undefined ? redactedLine(init.lastStatus) : undefined;
    // Another error's message, usually one of ours already; still outside text until proven otherwise.
    const lastErrorMessage = lastErrorText !== undefined ? redactedLine(lastErrorText, 1000) : undefined;
    super(
      secrets.scrub(
        `Timed out waiting for ${init.what}: gave up after ${formatDuration(init.elapsedMs)}` +
          (init.detail ? ` because ${init.detail}` : " when the deadline passed") +
          (lastStatus ? `; last status: ${lastStatus}` : "") +
          (lastErrorMessage ? `; last error: ${lastErrorMessage}` : ""),
      ),
      { cause: init.lastError },
    );
    this.name = new.target.name;
    this.what = init.what;
    this.elapsedMs = init.elapsedMs;
    this.lastStatus = lastStatus;
    this.lastError = init.lastError;
    this.mayHaveArrived = init.mayHaveArrived ?? false;
  }
}

/** The operation was aborted through its signal (Pulumi's Cancel). */
export class CancelledError extends Error {
  readonly what: string | undefined;

  /** `mayHaveArrived`: the request was on its way, so the API may have done what it asked. */
  constructor(
    what?: string,
    reason?: unknown,
    readonly mayHaveArrived = false,
  ) {
    const why = typeof reason === "string" ? reason : reason instanceof Error && reason.name !== "AbortError" ? reason.message : undefined;
    const subject = what ? what.charAt(0).toUpperCase() + what.slice(1) : "Operation";
    super(secrets.scrub(`${subject} was cancelled${why ? `: ${redactedLine(why)}` : ""}`));
    this.name = new.target.name;
    this.what = what;
  }
}

export interface JobFailedInit {
  /** As given to followJob: "Combell provisioning job 42 (create account example.com)". */
  what: string;
  jobId: string;
  /** The job's final status as the API names it: "failed", "cancelled". */
  status: string;
  detail?: string;
}

/** An asynchronous job (a provisioning job, an action) ended without doing its work. */
export class JobFailedError extends Error {
  readonly what: string;
  readonly jobId: string;
  readonly status: string;
  readonly detail: string | undefined;

  constructor(init: JobFailedInit) {
    const status = redactedLine(init.status, 100);
    const detail = init.detail !== undefined ? redactedLine(init.detail) || undefined : undefined;
    // Most descriptions name the job already; one that does not still gets its id.
    const subject = init.what.includes(init.jobId) ? init.what : `${init.what} (job ${init.jobId})`;
    const capitalised = subject.charAt(0).toUpperCase() + subject.slice(1);
    super(secrets.scrub(`${capitalised} ended with status "${status}"${detail ? `: ${detail}` : ""}`));
    this.name = new.target.name;
    this.what = init.what;
    this.jobId = init.jobId;
    this.status = status;
    this.detail = detail;
  }
}
