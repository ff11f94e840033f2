// A small signed-request client for the Combell sandbox's own tests. It signs
// with its own implementation of the official client's algorithm (PHP's
// urlencode rebuilt from encodeURIComponent), not with the sandbox's, so the
// sandbox's verifier is checked against a second reading of the rule rather
// than against itself. Nothing here comes from provider/: the provider's client
// must be checked against the sandbox independently.
import { createHash, createHmac, randomUUID } from "node:crypto";

export interface Answer {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: any;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  /** Defaults: a fresh random nonce and the current time. */
  nonce?: string;
  unixSeconds?: number;
  apiKey?: string;
  apiSecret?: string;
  /** Replaces the computed header; null sends none. */
  authorization?: string | null;
  /** Default application/json when there is a body; null sends none. */
  contentType?: string | null;
  /** Sent verbatim instead of JSON.stringify(body) (and signed as sent). */
  rawBody?: string;
}

export type Call = (method: string, path: string, body?: unknown, options?: CallOptions) => Promise<Answer>;

export interface Credentials {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** PHP's urlencode: A-Z a-z 0-9 - _ . kept, space as "+", every other byte %XX in upper case. */
export function phpUrlencodeForTests(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

export function signedAuthorization(
  credentials: { apiKey: string; apiSecret: string },
  method: string,
  pathAndQuery: string,
  body: string,
  nonce: string,
  unixSeconds: number,
): string {
  const content = body === "" ? "" : createHash("md5").update(body, "utf8").digest("base64");
  const value = `${credentials.apiKey}${method.toLowerCase()}${phpUrlencodeForTests(pathAndQuery)}${unixSeconds}${nonce}${content}`;
  const signature = createHmac("sha256", credentials.apiSecret).update(value, "utf8").digest("base64");
  return `hmac ${credentials.apiKey}:${signature}:${nonce}:${unixSeconds}`;
}

/** `path` is below /v2, e.g. "/accounts?take=5"; the client adds /v2, as the real clients do. */
export function combellClient(sandbox: Credentials, clock: () => number = Date.now): Call {
  return async (method, path, body, options = {}) => {
    const pathAndQuery = `/v2${path}`;
    const text = options.rawBody ?? (body === undefined ? "" : JSON.stringify(body));
    const headers: Record<string, string> = {};
    const contentType = options.contentType === undefined ? (text === "" ? null : "application/json") : options.contentType;
    if (contentType !== null) headers["Content-Type"] = contentType;
    const authorization =
      options.authorization !== undefined
        ? options.authorization
        : signedAuthorization(
            { apiKey: options.apiKey ?? sandbox.apiKey, apiSecret: options.apiSecret ?? sandbox.apiSecret },
            method,
            pathAndQuery,
            text,
            options.nonce ?? randomUUID().replaceAll("-", ""),
            options.unixSeconds ?? Math.floor(clock() / 1000),
          );
    if (authorization !== null) headers.Authorization = authorization;
    const response = await fetch(sandbox.url + pathAndQuery, { method, headers, body: text === "" ? undefined : text });
    const answer = await response.text();
    return { status: response.status, body: answer ? JSON.parse(answer) : undefined, text: answer, headers: response.headers };
  };
}

/** Polls a provisioning job (its Location, "/v2/provisioningjobs/...") until it is no longer ongoing. */
export async function waitForJob(api: Call, location: string, timeoutMs = 10_000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await api("GET", location.replace(/^\/v2/, ""));
    if (answer.status !== 200 || answer.body?.status !== "ongoing" || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a create, checks its 202, and waits for its job: returns the job's final answer. */
export async function provision(api: Call, path: string, body: unknown): Promise<Answer> {
  const started = await api("POST", path, body);
  if (started.status !== 202) throw new Error(`POST ${path} answered ${started.status}: ${started.text}`);
  return waitForJob(api, started.headers.get("location")!);
}
