import { createHash, createHmac, randomBytes } from "node:crypto";
import type { AuthorizeRequest } from "../../http/client";
import { uriComponent } from "../../http/url";

// HMAC authentication of the reseller API, computed exactly as Combell's official PHP client does
// (github.com/combell/combell-api, src/Combell/Handler/HmacHandler.php):
//
//   apikey + strtolower(method) + urlencode(path [+ "?" + query]) + time() + nonce + base64(md5(body, raw))
//
// signed with HMAC-SHA256 under the secret, base64-encoded, sent as
// `Authorization: hmac {apikey}:{signature}:{nonce}:{time}`. The md5 part is left out when the
// body is empty. The path is signed as sent (the client does not lowercase it, whatever the
// document says; API paths are lowercase anyway, except the names Combell itself hands out).

/** The clock and nonce source of a signature; tests fix both. */
export interface SignatureSources {
  /** Unix time in whole seconds. */
  unixSeconds(): number;
  /** A fresh random string: with the time, it stops a captured request from being replayed. */
  nonce(): string;
}

export const systemSources: SignatureSources = {
  unixSeconds: () => Math.floor(Date.now() / 1000),
  nonce: () => randomBytes(16).toString("hex"),
};

/**
 * PHP's urlencode(): every byte except ASCII letters, digits, "-", "_" and "." as %XX with
 * uppercase hex, and a space as "+". Unlike encodeURIComponent it also encodes ! ' ( ) * ~,
 * and "/", "?", "=" and "&" of the path and query are encoded like everything else.
 */
export function phpUrlEncode(text: string): string {
  return uriComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

export interface SignedRequest {
  method: string;
  /** Path and query as sent, starting with the API version: "/v2/accounts?skip=0&take=25". */
  pathAndQuery: string;
  body: string | undefined;
}

/** The text the HMAC is computed over. */
export function signingString(apiKey: string, request: SignedRequest, unixSeconds: number, nonce: string): string {
  const content = request.body ? createHash("md5").update(request.body, "utf8").digest("base64") : "";
  return `${apiKey}${request.method.toLowerCase()}${phpUrlEncode(request.pathAndQuery)}${unixSeconds}${nonce}${content}`;
}

/** The Authorization header's value for one request. */
export function authorizationHeader(
  credentials: { apiKey: string; apiSecret: string },
  request: SignedRequest,
  unixSeconds: number,
  nonce: string,
): string {
  const signature = createHmac("sha256", credentials.apiSecret).update(signingString(credentials.apiKey, request, unixSeconds, nonce), "utf8").digest("base64");
  return `hmac ${credentials.apiKey}:${signature}:${nonce}:${unixSeconds}`;
}

/**
 * The HttpClient's authorize hook. It runs on every attempt, so a retry carries a new nonce and
 * time: the API refuses a nonce it has seen. `prefix` is the endpoint's own path before /v2
 * (a proxy's), which is not part of what Combell signs.
 */
export function hmacAuthorizer(
  credentials: { apiKey: string; apiSecret: string },
  prefix = "",
  sources: SignatureSources = systemSources,
): (request: AuthorizeRequest) => void {
  return (request) => {
    const pathAndQuery = prefix && request.pathAndQuery.startsWith(`${prefix}/`) ? request.pathAndQuery.slice(prefix.length) : request.pathAndQuery;
    request.headers.authorization = authorizationHeader(
      credentials,
      { method: request.method, pathAndQuery, body: request.body },
      sources.unixSeconds(),
      sources.nonce(),
    );
  };
}
