import type { Dispatcher } from "undici";
import type { OperationContext } from "./context";
import { CancelledError, NetworkError, RequestTimeoutError } from "./errors";
import { exchange } from "./exchange";
import { secrets, SecretRedactor } from "./redact";

export interface AuthorizeRequest {
  method: string;
  /** Exactly the path and query that will be sent, base path included: what HMAC schemes sign. */
  pathAndQuery: string;
  body: string | undefined;
  /** Mutable: the hook adds its auth headers here. */
  headers: Record<string, string>;
}

export interface AttemptRequest {
  apiName: string;
  method: string;
  url: URL;
  pathAndQuery: string;
  /** "ServerPilot API GET /v1/apps": named in errors. */
  what: string;
  /** Already serialised, so every attempt signs and sends the same bytes. */
  body: string | undefined;
  headers: Record<string, string>;
}

export interface AttemptSettings {
  dispatcher: Dispatcher;
  userAgent: string;
  requestTimeoutMs: number;
  authorize: (request: AuthorizeRequest) => void | Promise<void>;
  /** After the message of a certificate the client does not trust: where to give it the CA. */
  certificateHint?: string;
}

export type AttemptOutcome =
  | {
      kind: "response";
      status: number;
      /** Lowercased names. */
      headers: Record<string, string>;
      body: unknown;
      /** The auth headers of this attempt, to mask in whatever the API says about it. */
      attemptSecrets: SecretRedactor;
    }
  /** ctx.deadline passed before or while the attempt ran. */
  | { kind: "deadline" };

// Undici errors that mean the transport failed, as opposed to a bug in how we called it.
const TRANSPORT_ERROR_CODES: ReadonlySet<string> = new Set([
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
]);

function errorCode(err: unknown): string | undefined {
  if (!err || typeof err !== "object") return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string") return e.code;
  // Happy-eyeballs connects fail with an AggregateError holding one error per address.
  if (Array.isArray(e.errors)) return errorCode(e.errors[0]);
  if (e.cause) return errorCode(e.cause);
  return undefined;
}

// OpenSSL's verdicts on a certificate, and Node's on its names: no retry changes them.
const CERTIFICATE_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

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

// Parts of an auth header long enough to be a signature or token; an API may echo any of them.
function authHeaderForms(value: string): string[] {
  return [value, ...value.split(/[\s:]+/).filter((part) => part.length >= 12)];
}

/**
 * One attempt over undici: signs the request, sends it and reads the whole answer, within the
 * per-attempt timeout and ctx.deadline, abortable through ctx.signal. Transport failures
 * become NetworkError or RequestTimeoutError so the caller can decide whether to retry.
 */
export async function sendAttempt(
  request: AttemptRequest,
  settings: AttemptSettings,
  ctx: OperationContext,
): Promise<AttemptOutcome> {
  const { apiName, method, pathAndQuery, what, body } = request;
  const headers: Record<string, string> = { accept: "application/json", "user-agent": settings.userAgent };
  if (body !== undefined) headers["content-type"] = "application/json";
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  const before = { ...headers };
  await settings.authorize({ method, pathAndQuery, body, headers });

  // Per-request signatures are not worth registering process-wide, but an error body
  // that echoes them must not leak them.
  const attemptSecrets = new SecretRedactor();
  for (const [name, value] of Object.entries(headers)) {
    if (before[name] !== value) for (const form of authHeaderForms(value)) attemptSecrets.add(form);
  }

  const remaining = ctx.deadline === undefined ? Infinity : ctx.deadline - Date.now();
  if (remaining <= 0) return { kind: "deadline" };
  const limitedByDeadline = remaining < settings.requestTimeoutMs;
  // Cancelled while authorize was awaited: nothing has gone out. (Dispatched, a request on an idle
  // connection is written at once, before an abort could stop it.)
  if (ctx.signal?.aborted) throw new CancelledError(what, ctx.signal.reason);
  let timedOut = false;
  // The timer and the abort cover reading the body too: it is part of the attempt.
  const sent = exchange(settings.dispatcher, { url: request.url, method, headers, body });
  const timer = setTimeout(
    () => {
      timedOut = true;
      sent.abort(new Error(`${what} timed out`));
    },
    Math.min(settings.requestTimeoutMs, remaining),
  );
  const onAbort = () => sent.abort(new Error(`${what} was cancelled`));
  ctx.signal?.addEventListener("abort", onAbort, { once: true });

  try {
    const answer = await sent.answer;
    return {
      kind: "response",
      status: answer.status,
      headers: flattenHeaders(answer.headers),
      body: parseBody(answer.text),
      attemptSecrets,
    };
  } catch (err) {
    if (ctx.signal?.aborted) throw new CancelledError(what, ctx.signal.reason, true);
    if (timedOut) {
      if (limitedByDeadline) return { kind: "deadline" };
      throw new RequestTimeoutError({ apiName, method, path: pathAndQuery, timeoutMs: settings.requestTimeoutMs });
    }
    if (isTransportError(err)) {
      throw new NetworkError({ apiName, method, path: pathAndQuery, code: errorCode(err), cause: err });
    }
    const message = secrets.scrub(attemptSecrets.scrub(err instanceof Error ? err.message : String(err)));
    if (CERTIFICATE_ERROR.test(errorCode(err) ?? "")) {
      const hint = settings.certificateHint ? `; ${settings.certificateHint}` : "";
      throw new Error(secrets.scrub(`${what} could not be sent: the server's TLS certificate is not trusted (${message})${hint}`));
    }
    // No `cause`: it would carry the unmasked message into anything that prints causes.
    throw new Error(secrets.scrub(`${what} could not be sent: ${message}`));
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener("abort", onAbort);
  }
}
