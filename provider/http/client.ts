import { createSecureContext } from "node:tls";
import { Agent, type Dispatcher } from "undici";
import { sendAttempt, type AttemptOutcome, type AttemptSettings, type AuthorizeRequest } from "./attempt";
import { backoffDelay, retryAfterMs, sleep } from "./backoff";
import type { OperationContext } from "./context";
import { formatDuration } from "./duration";
import { apiErrorMessage, type ErrorMessageHook } from "./error-message";
import {
  ApiError,
  apiErrorFor,
  CancelledError,
  DeadlineExceededError,
  NetworkError,
  RateLimitedError,
  RequestTimeoutError,
} from "./errors";
import { RateLimiter, type RateLimitOptions } from "./rate-limit";
import { secrets } from "./redact";
import { logExchange, requestLogEnabled } from "./request-log";
import { requestUrl, type QueryParameters } from "./url";
import { packageVersion } from "../version";

export type { AuthorizeRequest } from "./attempt";
export type { OperationContext } from "./context";
export type { RateLimitOptions } from "./rate-limit";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";

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
  errorMessage?: ErrorMessageHook;
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
  /**
   * Appended to a 401's message after the API's own: where the user fixes their credentials
   * ("check hosting:wispanelApiKey or WISPANEL_API_KEY").
   */
  unauthorizedHint?: string;
  /**
   * Spaces this client's requests so a busy program stays under the API's limit. The limits
   * the server reports in X-RateLimit-* headers and 429s are followed with or without this.
   */
  rateLimit?: RateLimitOptions;
  /** Default: an undici Agent of this client's own, with keep-alive; close() closes it. */
  dispatcher?: Dispatcher;
  /**
   * PEM certificates of the authorities the API's certificate is checked against instead of the
   * system's (a panel's self-signed one): certificate checks stay on. For the client's own Agent.
   */
  caCertificates?: string;
  /** Said after a certificate the client does not trust: "set hosting:xCaCertificate". */
  certificateHint?: string;
}

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to baseUrl ("/apps"), or an absolute URL on the same origin (a Location header). */
  path: string;
  query?: QueryParameters;
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

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "PUT", "DELETE", "HEAD"]);
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id"] as const;

export class HttpClient {
  private readonly apiName: string;
  private readonly base: URL;
  private readonly errorMessage: ErrorMessageHook | undefined;
  private readonly unauthorizedHint: string | undefined;
  private readonly maxRetries: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly maxRetryWaitMs: number;
  private readonly attemptSettings: AttemptSettings;
  private readonly limiter: RateLimiter;
  /** Only what this client created; a dispatcher passed in belongs to the caller. */
  private readonly ownAgent: Agent | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: HttpClientOptions) {
    this.apiName = options.apiName;
    this.base = new URL(options.baseUrl);
    if (this.base.protocol !== "https:" && this.base.protocol !== "http:") {
      throw new Error(`${options.apiName} base URL must be http or https, got ${this.base.protocol}`);
    }
    this.errorMessage = options.errorMessage;
    this.unauthorizedHint = options.unauthorizedHint;
    this.maxRetries = options.maxRetries ?? 4;
    this.backoff = options.backoff ?? { baseMs: 500, maxMs: 10_000 };
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 300_000;
    // Parallel resource operations through one client reuse its connections instead of
    // paying a TLS handshake per request. The CA goes into one secure context for all of them:
    // given as `ca`, every new connection built a context and a certificate store of its own
    // (500 creates at once: about 15 MB more at the peak and a tenth more CPU).
    this.ownAgent = options.dispatcher
      ? undefined
      : new Agent({
          keepAliveTimeout: 10_000,
          keepAliveMaxTimeout: 60_000,
          ...(options.caCertificates ? { connect: { secureContext: createSecureContext({ ca: options.caCertificates }) } } : {}),
        });
    this.attemptSettings = {
      dispatcher: options.dispatcher ?? this.ownAgent!,
      userAgent: options.userAgent ?? `pulumi-hosting/${packageVersion()}`,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      authorize: options.authorize,
      certificateHint: options.certificateHint,
    };
    this.limiter = new RateLimiter(options.apiName, options.rateLimit);
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

  /**
   * Fails requests still waiting for the rate limit and closes this client's connections; a
   * dispatcher passed in is left to its owner. Calling it again waits for the first call.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.limiter.close();
      await this.ownAgent?.close();
    })();
    return this.closing;
  }

  async request<T = unknown>(req: HttpRequest, ctx: OperationContext = {}): Promise<HttpResponse<T>> {
    const url = requestUrl(this.apiName, this.base, req.path, req.query);
    const pathAndQuery = url.pathname + url.search;
    const what = `${this.apiName} API ${req.method} ${pathAndQuery}`;
    const idempotent = req.idempotent ?? IDEMPOTENT_METHODS.has(req.method);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const attempt = { apiName: this.apiName, method: req.method, url, pathAndQuery, what, body, headers: req.headers ?? {} };
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
        // Every attempt takes a slot, retries included: they count against the limit too.
        const slot = await this.limiter.acquire(ctx, what, started);
        let outcome: AttemptOutcome | undefined;
        const sentAt = Date.now();
        try {
          outcome = await sendAttempt(attempt, this.attemptSettings, ctx);
        } catch (err) {
          if (requestLogEnabled()) logExchange({ ...attempt, durationMs: Date.now() - sentAt, outcome: err instanceof Error ? err.message : String(err) }, ctx);
          throw err;
        } finally {
          slot.release(outcome?.kind === "response" ? outcome : undefined);
        }
        if (outcome.kind === "deadline") {
          throw new DeadlineExceededError({
            what,
            elapsedMs: Date.now() - started,
            lastError,
            detail: "the deadline passed while the request was in flight",
            mayHaveArrived: true,
          });
        }
        const requestId = REQUEST_ID_HEADERS.map((h) => outcome.headers[h]).find((v) => v);
        if (requestLogEnabled()) {
          const { status, body: responseBody, attemptSecrets } = outcome;
          logExchange({ ...attempt, durationMs: Date.now() - sentAt, outcome: status, requestId, responseBody, attemptSecrets }, ctx);
        }
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
          apiMessage: apiErrorMessage(outcome.status, outcome.body, this.errorMessage, outcome.attemptSecrets),
          hint: outcome.status === 401 ? this.unauthorizedHint : undefined,
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
}
