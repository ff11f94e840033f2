/**
 * How a secret can reappear in an API's answer or in our own messages. Every form returned
 * here is masked wherever it occurs, and so is a cut-off start of one.
 */

// Shorter values would mask ordinary words and digits all over a message.
export const MIN_SECRET_LENGTH = 4;

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
