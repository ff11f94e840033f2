/**
 * How a secret can reappear in an API's answer or in our own messages. Every form returned
 * here is masked wherever it occurs, and so is a cut-off start of one.
 */
import { uriComponent } from "./url";

// Shorter values would mask ordinary words and digits all over a message.
export const MIN_SECRET_LENGTH = 4;

// A form the secret was turned into (whitespace dropped, lowercased) is registered only at
// this length: a short transformed value is too likely to be an ordinary word.
const MIN_DERIVED_LENGTH = 8;

function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1");

// PHP's json_encode, which several of these APIs run on, also escapes "/" and non-ASCII.
// Written out byte by byte: a replace with a function per character took half a second for a
// megabyte of emoji.
function phpJsonEscaped(value: string): string {
  const json = jsonEscaped(value);
  let length = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x2f) length += 1;
    else if (c > 0x7f) length += 5;
  }
  if (length === json.length) return json;
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x2f) {
      out[at++] = 0x5c;
      out[at++] = 0x2f;
    } else if (c > 0x7f) {
      out[at++] = 0x5c;
      out[at++] = 0x75;
      for (let shift = 12; shift >= 0; shift -= 4) out[at++] = HEX_DIGITS[(c >> shift) & 0xf]!;
    } else out[at++] = c;
  }
  return out.toString("latin1");
}

// How HTML escapers write `"` and `'`: the common &quot; with each usual apostrophe (PHP's
// htmlspecialchars writes &#039;), Go's &#34;/&#39;, and escapers that leave quotes alone.
const HTML_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ["&quot;", "'"],
  ["&quot;", "&#39;"],
  ["&quot;", "&#039;"],
  ["&quot;", "&#x27;"],
  ["&quot;", "&apos;"],
  ["&#34;", "&#39;"],
  ['"', "'"],
];

/** The secret as a proxy's or an API's HTML error page shows it. */
function htmlEscaped(value: string): string[] {
  if (!/[&<>"']/.test(value)) return [value];
  const base = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return HTML_QUOTES.map(([quote, apostrophe]) => base.replace(/"/g, quote).replace(/'/g, apostrophe));
}

/** A value as text inside an echoed JSON string or an HTML page. */
function textForms(value: string): string[] {
  return [value, jsonEscaped(value), ...htmlEscaped(value)];
}

/**
 * The secret as sent; escaped inside an echoed JSON body (also PHP-style) or HTML page; in an
 * echoed query string or form body; inside a Basic header the API decoded; with its
 * whitespace squashed (HTML, log formatters) or dropped (a PEM key without its line breaks);
 * and lowercased, as APIs and our own messages write domain names and e-mail addresses.
 */
export function secretForms(value: string): string[] {
  // Each transformation runs once per distinct text: for a secret of a megabyte, every pass
  // over it shows in how long registering it takes.
  const uri = uriComponent(value);
  const forms = new Set([...textForms(value), phpJsonEscaped(value), uri, uri.replace(/%20/g, "+"), Buffer.from(value, "utf8").toString("base64")]);
  const squashed = value.replace(/\s+/g, " ").trim();
  if (squashed !== value) for (const form of textForms(squashed)) forms.add(form);
  const stripped = value.replace(/\s+/g, "");
  if (stripped !== value && stripped !== squashed && stripped.length >= MIN_DERIVED_LENGTH) for (const form of textForms(stripped)) forms.add(form);
  const lower = value.toLowerCase();
  if (lower !== value && lower.length >= MIN_DERIVED_LENGTH) {
    for (const form of [...textForms(lower), uriComponent(lower)]) forms.add(form);
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}
