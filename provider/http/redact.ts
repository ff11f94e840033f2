import { LiteralMatcher } from "./literal-matcher";

/**
 * Keeps secrets out of every message this layer produces. APIs echo headers and request
 * bodies back in their errors, and those errors end up in Pulumi's output and CI logs.
 */

const MASK = "***";

// Shorter values would mask ordinary words and digits all over a message.
const MIN_SECRET_LENGTH = 4;

// A cut-off secret is still a leak, but a shorter tail than this is too likely to be an
// ordinary word that merely starts like one.
const MIN_FRAGMENT_LENGTH = 8;

// Header-style echoes: `Authorization: hmac key:sig:nonce:ts`, `"authorization":"Bearer x"`.
// Each quantifier is followed by something it cannot match, so no input makes it backtrack.
// Without flags: a shared global regex would carry lastIndex from one scrub to the next.
const HEADER_PATTERN = /\b((?:proxy-)?authorization|x-api-key)(["']?\s*[:=]\s*["']?)([^"'\s,}][^"'\r\n,}]*)/;

// A scheme followed by a credential. The token test below keeps prose such as
// "Basic authentication failed" readable while masking anything that looks like a token.
const SCHEME_PATTERN = /\b(basic|bearer|hmac)(\s+)([A-Za-z0-9+/=._~:-]+)/;

function looksLikeToken(word: string): boolean {
  if (word.length < 8) return false;
  return /[0-9+/=_.:~-]/.test(word) || /[A-Z]/.test(word.slice(1));
}

function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

// PHP's json_encode, which several of these APIs run on, also escapes "/" and non-ASCII.
function phpJsonEscaped(value: string): string {
  return jsonEscaped(value)
    .replace(/\//g, "\\/")
    .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * How a secret can reappear in an API's answer or in our own messages: as sent, with its
 * whitespace squashed (HTML, log formatters), escaped inside an echoed JSON body, in an
 * echoed query string or form body, or inside a Basic header the API decoded.
 */
export function secretForms(value: string): string[] {
  const squashed = value.replace(/\s+/g, " ").trim();
  const forms = new Set([
    value,
    jsonEscaped(value),
    phpJsonEscaped(value),
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, "+"),
    Buffer.from(value, "utf8").toString("base64"),
    squashed,
    jsonEscaped(squashed),
  ]);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

export class SecretRedactor {
  private readonly values = new Set<string>();
  private matcher: LiteralMatcher | undefined;

  add(value: string | undefined): void {
    if (value === undefined || value.length < MIN_SECRET_LENGTH) return;
    if (this.values.has(value)) return;
    this.values.add(value);
    this.matcher = undefined;
  }

  /** Masks every form of every secret, whole or cut, then auth headers and scheme tokens. */
  scrub(text: string): string {
    let out = this.maskSecrets(text);
    out = out.replace(new RegExp(HEADER_PATTERN, "gi"), (_m, name: string, sep: string) => `${name}${sep}${MASK}`);
    out = out.replace(new RegExp(SCHEME_PATTERN, "gi"), (match, scheme: string, space: string, token: string) =>
      token === MASK || !looksLikeToken(token) ? match : `${scheme}${space}${MASK}`,
    );
    return out;
  }

  private maskSecrets(text: string): string {
    if (this.values.size === 0) return text;
    this.matcher ??= new LiteralMatcher([...this.values].flatMap(secretForms));
    const ranges = this.matcher.ranges(text, MIN_FRAGMENT_LENGTH);
    if (ranges.length === 0) return text;
    const parts: string[] = [];
    let at = 0;
    for (const { start, end } of ranges) {
      parts.push(text.slice(at, start), MASK);
      at = end;
    }
    parts.push(text.slice(at));
    return parts.join("");
  }
}

/** Process-wide: every API client registers its credentials here. */
export const secrets = new SecretRedactor();
