import { STATUS_CODES } from "node:http";
import type { OperationContext } from "./context";
import { formatDuration } from "./duration";
import { secrets, type SecretRedactor } from "./redact";

// What `pulumi up -v=N` or PULUMI_HOSTING_DEBUG=1 shows of the HTTP traffic: one line per
// request (method, URL, status, duration, request id) and, at the higher level, the bodies.
// Nothing here may leak what the error messages keep back: headers are never logged (they
// carry every API's credentials), URLs lose their user info, bodies lose the values of keys
// that hold secrets before the redactor masks every secret it knows.

/** How much of the traffic a destination gets: the request lines, or the bodies as well. */
export type RequestLogDetail = "requests" | "bodies";

export interface RequestLogSettings {
  /** To the plugin's stderr, where the Pulumi CLI gathers a plugin's verbose log (-v=N). */
  stderr?: RequestLogDetail;
  /** To the engine's log at debug level, tied to the resource (`pulumi up --debug`). */
  engine?: RequestLogDetail;
  /** Whether a body's key holds a secret (derived from the declarations). */
  isSecretKey?: (key: string) => boolean;
}

/** A body shows at most this much: enough for any answer of these APIs, not a proxy's page. */
export const MAX_LOGGED_BODY_CHARS = 2000;

// Keys any API may use for a credential, whatever the declarations say.
const SECRET_KEY = /pass(word|phrase)?$|secret|token|api_?key|auth|credential|private/i;
const MASK = "***";

let settings: RequestLogSettings = {};

/** Set once at start from the command line and the environment. */
export function configureRequestLog(next: RequestLogSettings): void {
  settings = next;
}

export function requestLogEnabled(): boolean {
  return settings.stderr !== undefined || settings.engine !== undefined;
}

export interface Exchange {
  apiName: string;
  method: string;
  url: URL;
  /** The answer's status, or what went wrong instead ("connection refused"). */
  outcome: number | string;
  durationMs: number;
  requestId?: string;
  /** As sent (JSON text). */
  body?: string;
  /** As parsed from the answer. */
  responseBody?: unknown;
  /** This attempt's auth header values. */
  attemptSecrets?: SecretRedactor;
}

/** Logs one attempt where the settings say; does nothing when request logging is off. */
export function logExchange(exchange: Exchange, ctx: OperationContext): void {
  if (!requestLogEnabled()) return;
  const line = requestLine(exchange);
  const anyBodies = settings.stderr === "bodies" || settings.engine === "bodies";
  const withBodies = anyBodies ? [line, ...bodyLines(exchange)].join("\n") : line;
  if (settings.stderr) {
    const text = settings.stderr === "bodies" ? withBodies : line;
    process.stderr.write(text.split("\n").map((l) => `hosting http: ${l}\n`).join(""));
  }
  if (settings.engine) ctx.debug?.(settings.engine === "bodies" ? withBodies : line);
}

function requestLine(e: Exchange): string {
  const url = new URL(e.url);
  url.username = "";
  url.password = "";
  const result = typeof e.outcome === "number" ? `${e.outcome} ${STATUS_CODES[e.outcome] ?? ""}`.trim() : `failed: ${e.outcome}`;
  const id = e.requestId ? ` (request id ${e.requestId})` : "";
  return scrub(`${e.apiName} ${e.method} ${url.href} -> ${result} in ${formatDuration(e.durationMs)}${id}`, e.attemptSecrets);
}

function bodyLines(e: Exchange): string[] {
  const lines: string[] = [];
  if (e.body !== undefined) lines.push(`  request body: ${loggedBody(parsed(e.body), e.attemptSecrets)}`);
  if (e.responseBody !== undefined) lines.push(`  answer body: ${loggedBody(e.responseBody, e.attemptSecrets)}`);
  return lines;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Secret keys masked, then every known secret, then cut: a cut secret is no longer recognised. */
function loggedBody(body: unknown, attemptSecrets: SecretRedactor | undefined): string {
  const text = typeof body === "string" ? body : JSON.stringify(withoutSecretValues(body));
  const masked = scrub(text, attemptSecrets).replace(/\s+/g, " ");
  return masked.length > MAX_LOGGED_BODY_CHARS ? `${masked.slice(0, MAX_LOGGED_BODY_CHARS)}… (${masked.length} characters)` : masked;
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) || (settings.isSecretKey?.(key) ?? false);
}

function withoutSecretValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecretValues);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, isSecretKey(key) && item !== null && item !== "" ? MASK : withoutSecretValues(item)]),
  );
}

function scrub(text: string, attemptSecrets: SecretRedactor | undefined): string {
  return secrets.scrub(attemptSecrets ? attemptSecrets.scrub(text) : text);
}
