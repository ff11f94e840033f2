import { secrets, type SecretRedactor } from "./redact";

// Error bodies can be whole HTML pages from a proxy; a message stays one readable line.
const MAX_LINE_LENGTH = 500;

/** Squashes whitespace and cuts at `max`. Never give it text that has not been redacted. */
export function oneLine(text: string, max = MAX_LINE_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Text from outside (an API's answer, an error's cause) as one line of a message. Secrets are
 * masked before the text is squashed or cut: either would change a secret so that the
 * redactor no longer recognises what is left of it.
 */
export function redactedLine(text: string, max = MAX_LINE_LENGTH, ...more: SecretRedactor[]): string {
  let masked = text;
  for (const redactor of more) masked = redactor.scrub(masked);
  return oneLine(secrets.scrub(masked), max);
}
