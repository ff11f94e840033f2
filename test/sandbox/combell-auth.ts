// The reseller API's HMAC authentication, verified on every request exactly as
// the official client computes it. Followed: Combell's own PHP client,
// github.com/combell/combell-api, src/Combell/Handler/HmacHandler.php:
//
//   valueToSign = apiKey . strtolower(method) . urlencode(path [. "?" . query])
//                 . time . nonce . (body !== "" ? base64_encode(md5(body, true)) : "")
//   signature   = base64_encode(hash_hmac("sha256", valueToSign, apiSecret, true))
//   header      = "hmac {apiKey}:{signature}:{nonce}:{time}"
//
// PHP's urlencode (RFC 1866 form encoding) leaves only A-Z a-z 0-9 - _ . as they
// are, writes a space as "+", and every other byte of the UTF-8 text as %XX with
// UPPERCASE hex: "/" %2F, "?" %3F, "=" %3D, "&" %26, "~" %7E, ":" %3A, "@" %40,
// "+" %2B, "%" %25 (so an already percent-encoded path segment is encoded again,
// "%20" becomes "%2520"). The path and query are the request's own, as sent (the
// client signs the URI it sends, already percent-encoded): here the path and raw
// query the base hands over, i.e. as Node's WHATWG URL parser reads the request
// target. The path is NOT lowercased: the PHP client does not lowercase it (the
// document asks for a lowercased path, and API paths are lowercase in practice).
//
// 401 for: no or garbled header, unknown key, a timestamp more than five minutes
// from the sandbox's clock, a wrong signature, and a nonce the key already used
// within the window (nonces are kept ten minutes, the whole accepted span).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { EmulatorRequest } from "./base";
import { unauthorized } from "./combell-errors";

export const MAX_CLOCK_SKEW_SECONDS = 300;
const NONCE_MEMORY_MS = 2 * MAX_CLOCK_SKEW_SECONDS * 1000;
const MAX_AUTHORIZATION_LENGTH = 4096;

const UNRESERVED = /[A-Za-z0-9_.-]/;

/** PHP's urlencode: see the top of this file. */
export function phpUrlEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && UNRESERVED.test(char)) out += char;
    else if (byte === 0x20) out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export interface SigningInput {
  apiKey: string;
  /** Any case; lowercased here. */
  method: string;
  /** Path and query as sent, starting with /v2, e.g. "/v2/accounts?skip=0&take=10". */
  pathAndQuery: string;
  unixSeconds: number | string;
  nonce: string;
  /** The raw request body; empty (or absent) adds nothing. */
  body?: Buffer | string;
}

/** The string the HMAC is computed over. */
export function combellSigningString(input: SigningInput): string {
  const body = input.body === undefined ? Buffer.alloc(0) : Buffer.from(input.body);
  const content = body.length > 0 ? createHash("md5").update(body).digest("base64") : "";
  return `${input.apiKey}${input.method.toLowerCase()}${phpUrlEncode(input.pathAndQuery)}${input.unixSeconds}${input.nonce}${content}`;
}

export function combellSignature(apiSecret: string, signingString: string): string {
  return createHmac("sha256", apiSecret).update(signingString, "utf8").digest("base64");
}

const HEADER = /^hmac ([^\s:]{1,256}):([A-Za-z0-9+/=]{1,128}):([^\s:]{1,256}):([0-9]{1,12})$/i;

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class HmacVerifier {
  /** "key\nnonce" -> when it may be forgotten (clock ms). Insertion order is expiry order. */
  private readonly nonces = new Map<string, number>();

  constructor(
    private readonly secrets: ReadonlyMap<string, string>,
    private readonly clock: () => number,
  ) {}

  /** The API key of a correctly signed request; throws the 401 otherwise. */
  verify(request: EmulatorRequest): string {
    const header = request.headers.authorization;
    if (header === undefined || header === "") {
      throw unauthorized('Missing Authorization header: send "Authorization: hmac {apikey}:{signature}:{nonce}:{unix timestamp}".');
    }
    const match = header.length <= MAX_AUTHORIZATION_LENGTH ? HEADER.exec(header) : null;
    if (!match) {
      throw unauthorized('Malformed Authorization header: expected "hmac {apikey}:{base64 signature}:{nonce}:{unix timestamp in seconds}".');
    }
    const [, apiKey, signature, nonce, time] = match;
    const secret = this.secrets.get(apiKey);
    if (secret === undefined) throw unauthorized("Unknown API key.");

    const now = this.clock();
    const skew = Math.abs(Math.floor(now / 1000) - Number(time));
    if (skew > MAX_CLOCK_SKEW_SECONDS) {
      throw unauthorized(`The request timestamp ${time} is ${skew} seconds away from the server time; at most ${MAX_CLOCK_SKEW_SECONDS} are allowed.`);
    }

    const signingString = combellSigningString({
      apiKey,
      method: request.method,
      pathAndQuery: request.path + request.rawQuery,
      unixSeconds: time,
      nonce,
      body: request.body,
    });
    if (!sameText(signature, combellSignature(secret, signingString))) {
      // The string (not the signature) helps a client find its mistake and reveals no secret.
      throw unauthorized(`Invalid signature. The server signed this string: ${signingString}`);
    }

    this.forgetOldNonces(now);
    const nonceKey = `${apiKey}\n${nonce}`;
    if (this.nonces.has(nonceKey)) throw unauthorized(`The nonce "${nonce}" was already used; send a fresh nonce with every request.`);
    this.nonces.set(nonceKey, now + NONCE_MEMORY_MS);
    return apiKey;
  }

  private forgetOldNonces(now: number): void {
    for (const [key, expiresAt] of this.nonces) {
      if (expiresAt > now) break;
      this.nonces.delete(key);
    }
  }
}
