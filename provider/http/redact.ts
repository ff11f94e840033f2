/**
 * Keeps secrets out of every message this layer produces. APIs echo headers and request
 * bodies back in their errors, and those errors end up in Pulumi's output and CI logs.
 */

const MASK = "***";

// Shorter values would mask ordinary words and digits all over a message.
const MIN_SECRET_LENGTH = 4;

// Header-style echoes: `Authorization: hmac key:sig:nonce:ts`, `"authorization":"Bearer x"`.
const HEADER_PATTERN =
  /\b((?:proxy-)?authorization|x-api-key)(["']?\s*[:=]\s*["']?)([^"'\r\n,}]+)/gi;

// A scheme followed by a credential. The token test below keeps prose such as
// "Basic authentication failed" readable while masking anything that looks like a token.
const SCHEME_PATTERN = /\b(basic|bearer|hmac)(\s+)([A-Za-z0-9+/=._~:-]+)/gi;

function looksLikeToken(word: string): boolean {
  if (word.length < 8) return false;
  return /[0-9+/=_.:~-]/.test(word) || /[A-Z]/.test(word.slice(1));
}

function splitJoin(text: string, needle: string): string {
  return text.split(needle).join(MASK);
}

export class SecretRedactor {
  private readonly values = new Set<string>();
  private forms: string[] | undefined;

  add(value: string | undefined): void {
    if (value === undefined || value.length < MIN_SECRET_LENGTH) return;
    if (this.values.has(value)) return;
    this.values.add(value);
    this.forms = undefined;
  }

  scrub(text: string): string {
    let out = text;
    for (const form of this.allForms()) {
      if (out.includes(form)) out = splitJoin(out, form);
    }
    out = out.replace(HEADER_PATTERN, (_m, name: string, sep: string) => `${name}${sep}${MASK}`);
    out = out.replace(SCHEME_PATTERN, (match, scheme: string, space: string, token: string) =>
      token === MASK || !looksLikeToken(token) ? match : `${scheme}${space}${MASK}`,
    );
    return out;
  }

  private allForms(): string[] {
    if (this.forms) return this.forms;
    const forms = new Set<string>();
    for (const value of this.values) {
      forms.add(value);
      // An API may echo the query string it received, or the Basic header it decoded.
      for (const variant of [encodeURIComponent(value), Buffer.from(value, "utf8").toString("base64")]) {
        if (variant !== value && variant.length >= MIN_SECRET_LENGTH) forms.add(variant);
      }
    }
    // Longest first, so a secret that contains another is masked whole.
    this.forms = [...forms].sort((a, b) => b.length - a.length);
    return this.forms;
  }
}

/** Process-wide: every API client registers its credentials here. */
export const secrets = new SecretRedactor();
