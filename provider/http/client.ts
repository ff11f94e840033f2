import { Agent, request as undiciRequest, type Dispatcher } from "undici";
import { backoffDelay, retryAfterMs, sleep } from "./backoff";
import { formatDuration } from "./duration";
import {
  ApiError,
  apiErrorFor,
  CancelledError,
  DeadlineExceededError,
  NetworkError,
  RateLimitedError,
  RequestTimeoutError,
} from "./errors";
import { SecretRedactor, secrets } from "./redact";
import { packageVersion } from "../version";

export interface OperationContext {
  signal?: AbortSignal;
  /** Epoch ms after which the whole operation must give up (Pulumi's customTimeouts). */
  deadline?: number;
  /** User-visible progress, e.g. "rate limited by ServerPilot, retrying in 5s". */
  log?: (message: string) => void;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";

export interface AuthorizeRequest {
  method: string;
  /** Exactly the path and query that will be sent, base path included: what HMAC schemes sign. */
  pathAndQuery: string;
  body: string | undefined;
  /** Mutable: the hook adds its auth headers here. */
  headers: Record<string, string>;
}

export interface HttpClientOptions {
  /** "ServerPilot": used in messages. */
  apiName: string;
  /** e.g. "https://api.serverpilot.io/v1"; the path prefix is kept. */
  baseUrl: string;
  /** Adds auth headers; runs again on every attempt because signatures carry a nonce and a time. */
  authorize: (request: AuthorizeRequest) => void | Promise<void>;
  /** Registered with the process-wide redactor. */
  credentials?: string[];
  /** Extracts the API's own message from its error body (parsed JSON, or the raw text). */
  errorMessage?: (status: number, body: unknown) => string | undefined;
  /** Default "pulumi-hosting/<version>". */
  userAgent?: string;
  /** Per attempt, headers and body included. Default 30000. */
  requestTimeoutMs?: number;
  /** For 5xx/408/network errors/timeouts. Default 4. 429s do not count against it. */
  maxRetries?: number;
  /** Default 500 / 10000. */
  backoff?: { baseMs: number; maxMs: number };
  /**
   * Without ctx.deadline, the most time one request may spend sleeping between attempts.
   * 429s are not bounded by maxRetries, so something else has to bound them. Default 300000.
   */
  maxRetryWaitMs?: number;
  /** Default: a shared undici Agent with keep-alive. */
  dispatcher?: Dispatcher;
}

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to baseUrl ("/apps"), or an absolute URL on the same origin (a Location header). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Default: GET/PUT/DELETE/HEAD true, POST/PATCH false. */
  idempotent?: boolean;
  /** Answer 404 (and 410) with `{ status: 404 }` instead of throwing NotFoundError. */
  expect404?: boolean;
}

export type RequestOptions = Omit<HttpRequest, "method" | "path" | "body">;

export interface HttpResponse<T = unknown> {
  status: number;
  /** Lowercased names. */
  headers: Record<string, string>;
  /** Parsed JSON; undefined for an empty body; the raw text when a 2xx body is not JSON. */
  body: T;
  requestId?: string;
}

const IDEMPOTENT_METHODS = new Set(["GET", "PUT", "DELETE", "HEAD"]);
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id"];

// Undici errors that mean the transport failed, as opposed to a bug in how we called it.
const TRANSPORT_ERROR_CODES = new Set([
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
]);

let sharedAgent: Agent | undefined;

function defaultDispatcher(): Dispatcher {
  // One pool per origin for the whole plugin: parallel resource operations reuse connections
  // instead of paying a TLS handshake per request.
  sharedAgent ??= new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  return sharedAgent;
}


function errorCode(err: unknown): string | undefined {
  if (!err || typeof err !== "object") return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string") return e.code;
  // Happy-eyeballs connects fail with an AggregateError holding one error per address.
  if (Array.isArray(e.errors)) return errorCode(e.errors[0]);
  if (e.cause) return errorCode(e.cause);
  return undefined;
}

function isTransportError(err: unknown): boolean {
  const code = errorCode(err);
  if (code === undefined) return false;
  return TRANSPORT_ERROR_CODES.has(code) || /^E[A-Z_]+$/.test(code);
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function firstString(...candidates: unknown[]): string | undefined {
  for (const c of candidates) if (typeof c === "string" && c.trim() !== "") return c;
  return undefined;
}

/** Common shapes, for APIs without their own hook and for bodies the hook does not know. */
function defaultErrorMessage(body: unknown): string | undefined {
  if (typeof body === "string") {
    return body;
  }
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, any>;
  const firstError = Array.isArray(b.errors) ? b.errors[0] : undefined;
  return firstString(
    b.message,
    typeof b.error === "string" ? b.error : b.error?.message,
    b.detail,
    typeof firstError === "string" ? firstError : firstError?.detail ?? firstError?.message,
    b.title,
  );
}

// Parts of an auth header long enough to be a signature or token; an API may echo any of them.
function authHeaderForms(value: string): string[] {
  return [value, ...value.split(/[\s:]+/).filter((part) => part.length >= 12)];
}

type AttemptOutcome =
  | { kind: "response"; status: number; headers: Record<string, string>; body: unknown; attemptSecrets: SecretRedactor }
  | { kind: "deadline" };

export class HttpClient {
  private readonly apiName: string;
  private readonly base: URL;
  private readonly authorize: HttpClientOptions["authorize"];
  private readonly errorMessage: HttpClientOptions["errorMessage"];
  private readonly userAgent: string;
  private readonly requestTimeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly maxRetryWaitMs: number;
  private readonly dispatcher: Dispatcher;

  constructor(options: HttpClientOptions) {
    this.apiName = options.apiName;
    this.base = new URL(options.baseUrl);
    if (this.base.protocol !== "https:" && this.base.protocol !== "http:") {
      throw new Error(`${options.apiName} base URL must be http or https, got ${this.base.protocol}`);
    }
    this.authorize = options.authorize;
    this.errorMessage = options.errorMessage;
    this.userAgent = options.userAgent ?? `pulumi-hosting/${packageVersion()}`;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 4;
    this.backoff = options.backoff ?? { baseMs: 500, maxMs: 10_000 };
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 300_000;
    this.dispatcher = options.dispatcher ?? defaultDispatcher();
    for (const credential of options.credentials ?? []) secrets.add(credential);
  }

  get<T = unknown>(path: string, options?: RequestOptions, ctx?: OperationContext): Promise<HttpResponse<T>> {
    return this.request<T>({ ...options, method: "GET", path }, ctx);
  }

  delete<T = unknown>(path: string, options?: RequestOptions, ctx?: OperationContext): Promise<HttpResponse<T>> {
    return this.request<T>({ ...options, method: "DELETE", path }, ctx);
  }

  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions, ctx?: OperationContext): Promise<HttpResponse<T>> {
    return this.request<T>({ ...options, method: "POST", path, body }, ctx);
  }

  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions, ctx?: OperationContext): Promise<HttpResponse<T>> {
    return this.request<T>({ ...options, method: "PUT", path, body }, ctx);
  }

  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions, ctx?: OperationContext): Promise<HttpResponse<T>> {
    return this.request<T>({ ...options, method: "PATCH", path, body }, ctx);
  }

  async request<T = unknown>(req: HttpRequest, ctx: OperationContext = {}): Promise<HttpResponse<T>> {
    const url = this.buildUrl(req.path, req.query);
    const pathAndQuery = url.pathname + url.search;
    const what = `${this.apiName} API ${req.method} ${pathAndQuery}`;
    const idempotent = req.idempotent ?? IDEMPOTENT_METHODS.has(req.method);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const started = Date.now();
    let retries = 0;
    let rateLimitedRetries = 0;
    let waitedMs = 0;
    let lastError: Error | undefined;

    for (;;) {
      if (ctx.signal?.aborted) throw new CancelledError(what, ctx.signal.reason);
      if (ctx.deadline !== undefined && Date.now() >= ctx.deadline) {
        throw new DeadlineExceededError({ what, elapsedMs: Date.now() - started, lastError });
      }

      let error: Error;
      try {
        const outcome = await this.attempt(req, url, pathAndQuery, body, what, ctx);
        if (outcome.kind === "deadline") {
          throw new DeadlineExceededError({
            what,
            elapsedMs: Date.now() - started,
            lastError,
            detail: "the deadline passed while the request was in flight",
          });
        }
        const requestId = REQUEST_ID_HEADERS.map((h) => outcome.headers[h]).find((v) => v);
        if (outcome.status >= 200 && outcome.status < 300) {
          return { status: outcome.status, headers: outcome.headers, body: outcome.body as T, requestId };
        }
        if (req.expect404 && (outcome.status === 404 || outcome.status === 410)) {
          // Callers ask "does it still exist?"; 410 Gone answers that the same way.
          return { status: 404, headers: outcome.headers, body: outcome.body as T, requestId };
        }
        error = apiErrorFor({
          apiName: this.apiName,
          status: outcome.status,
          method: req.method,
          path: pathAndQuery,
          requestId,
          apiMessage: this.extractMessage(outcome.status, outcome.body, outcome.attemptSecrets),
          // X-RateLimit-Reset is sent on every answer; it is a wait instruction only on a 429.
          retryAfterMs:
            outcome.status === 429
              ? retryAfterMs(outcome.headers)
              : retryAfterMs({ "retry-after": outcome.headers["retry-after"] }),
        });
      } catch (err) {
        if (err instanceof NetworkError || err instanceof RequestTimeoutError) error = err;
        else throw err;
      }

      if (!this.isRetryable(error, idempotent)) throw error;

      let delay: number;
      let line: string;
      if (error instanceof RateLimitedError) {
        delay = error.retryAfterMs || backoffDelay(rateLimitedRetries, this.backoff);
        rateLimitedRetries++;
        line = `rate limited by ${this.apiName} on ${req.method} ${pathAndQuery}, retrying in ${formatDuration(delay)}`;
      } else {
        if (retries >= this.maxRetries) throw error;
        delay = (error instanceof ApiError && error.retryAfterMs) || backoffDelay(retries, this.backoff);
        retries++;
        line = `${error.message}; retrying in ${formatDuration(delay)} (retry ${retries} of ${this.maxRetries})`;
      }
      lastError = error;

      if (ctx.deadline !== undefined) {
        if (Date.now() + delay >= ctx.deadline) {
          throw new DeadlineExceededError({
            what,
            elapsedMs: Date.now() - started,
            lastError: error,
            detail: `the next retry was due in ${formatDuration(delay)}, after the deadline`,
          });
        }
      } else if (waitedMs + delay > this.maxRetryWaitMs) {
        throw error;
      }

      ctx.log?.(secrets.scrub(line));
      await sleep(delay, ctx.signal, what);
      waitedMs += delay;
    }
  }

  private isRetryable(error: Error, idempotent: boolean): boolean {
    if (error instanceof ApiError) {
      // A 429 means the server refused before doing anything, so even a POST is safe to repeat.
      if (error.status === 429) return true;
      return idempotent && RETRYABLE_STATUSES.has(error.status);
    }
    if (error instanceof NetworkError) return idempotent || error.requestNotSent;
    // A timed-out POST may have been processed; only the caller can tell whether to repeat it.
    if (error instanceof RequestTimeoutError) return idempotent;
    return false;
  }

  private extractMessage(status: number, body: unknown, attemptSecrets: SecretRedactor): string | undefined {
    let message: string | undefined;
    try {
      message = this.errorMessage?.(status, body);
    } catch {
      // A hook that does not know this body shape must not hide the original error.
    }
    message ??= defaultErrorMessage(body);
    if (message === undefined) return undefined;
    // Masked before anything changes the text, which would hide a secret from the redactor.
    const masked = secrets.scrub(attemptSecrets.scrub(message));
    // Proxies answer with HTML pages; their text is still the best hint.
    return masked.trimStart().startsWith("<") ? masked.replace(/<[^<>]*>/g, " ") : masked;
  }

  private buildUrl(path: string, query: HttpRequest["query"]): URL {
    let url: URL;
    if (/^https?:\/\//i.test(path)) {
      url = new URL(path);
      if (url.origin !== this.base.origin) {
        // Following a link to another host would hand it our credentials.
        throw new Error(`${this.apiName}: refusing to send a request to ${url.origin}, which is not ${this.base.origin}`);
      }
    } else {
      const basePath = this.base.pathname.replace(/\/+$/, "");
      url = new URL(`${this.base.origin}${basePath}${path.startsWith("/") ? "" : "/"}${path}`);
    }
    const pairs: string[] = [];
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
    if (pairs.length > 0) url.search = (url.search ? `${url.search}&` : "?") + pairs.join("&");
    return url;
  }

  private async attempt(
    req: HttpRequest,
    url: URL,
    pathAndQuery: string,
    body: string | undefined,
    what: string,
    ctx: OperationContext,
  ): Promise<AttemptOutcome> {
    const headers: Record<string, string> = { accept: "application/json", "user-agent": this.userAgent };
    if (body !== undefined) headers["content-type"] = "application/json";
    for (const [name, value] of Object.entries(req.headers ?? {})) headers[name.toLowerCase()] = value;
    const before = { ...headers };
    await this.authorize({ method: req.method, pathAndQuery, body, headers });

    // Per-request signatures are not worth registering process-wide, but an error body
    // that echoes them must not leak them.
    const attemptSecrets = new SecretRedactor();
    for (const [name, value] of Object.entries(headers)) {
      if (before[name] !== value) for (const form of authHeaderForms(value)) attemptSecrets.add(form);
    }

    const remaining = ctx.deadline === undefined ? Infinity : ctx.deadline - Date.now();
    if (remaining <= 0) return { kind: "deadline" };
    const limitedByDeadline = remaining < this.requestTimeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort();
      },
      Math.min(this.requestTimeoutMs, remaining),
    );
    const onAbort = () => controller.abort();
    ctx.signal?.addEventListener("abort", onAbort, { once: true });
    // The signal may have fired while authorize was awaited, before the listener existed.
    if (ctx.signal?.aborted) controller.abort();

    try {
      const response = await undiciRequest(url, {
        method: req.method,
        headers,
        body,
        signal: controller.signal,
        dispatcher: this.dispatcher,
      });
      // Reading the body is part of the attempt: the timer and the abort cover it too.
      const text = await response.body.text();
      return {
        kind: "response",
        status: response.statusCode,
        headers: flattenHeaders(response.headers),
        body: parseBody(text),
        attemptSecrets,
      };
    } catch (err) {
      if (ctx.signal?.aborted) throw new CancelledError(what, ctx.signal.reason);
      if (timedOut) {
        if (limitedByDeadline) return { kind: "deadline" };
        throw new RequestTimeoutError({ apiName: this.apiName, method: req.method, path: pathAndQuery, timeoutMs: this.requestTimeoutMs });
      }
      if (isTransportError(err)) {
        throw new NetworkError({ apiName: this.apiName, method: req.method, path: pathAndQuery, code: errorCode(err), cause: err });
      }
      const message = secrets.scrub(attemptSecrets.scrub(err instanceof Error ? err.message : String(err)));
      throw new Error(secrets.scrub(`${what} could not be sent: ${message}`));
    } finally {
      clearTimeout(timer);
      ctx.signal?.removeEventListener("abort", onAbort);
    }
  }
}
