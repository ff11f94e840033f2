import { secrets } from "../http/redact";
import { UNKNOWN } from "../kit/values";

/** Longer property paths are cut: a megabyte-long unknown key must not come back whole. */
const MAX_PATH_LENGTH = 200;

/**
 * Text on its way to the user (an error, a check failure, a log line): no secret, and no value
 * not known yet shown as the engine's sentinel.
 */
export function userText(text: string): string {
  return secrets.scrub(text).split(UNKNOWN).join("(known after apply)");
}

/** A property path as the user sees it in a failure. */
export function userPath(path: string): string {
  const text = userText(path);
  return text.length > MAX_PATH_LENGTH ? `${text.slice(0, MAX_PATH_LENGTH - 1)}…` : text;
}
