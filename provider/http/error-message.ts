import { secrets, type SecretRedactor } from "./redact";
import { redactedLine } from "./safe-text";

export type ErrorMessageHook = (status: number, body: unknown) => string | undefined;

// A body without a message of its own is shown as JSON, but only as a short hint.
const MAX_BODY_JSON_LENGTH = 200;

/** The first candidate that is a string with something in it: bodies carry numbers, objects, null. */
function firstString(...candidates: unknown[]): string | undefined {
  for (const c of candidates) if (typeof c === "string" && c.trim() !== "") return c;
  return undefined;
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined;
}

/** Common shapes, for APIs without their own hook and for bodies the hook does not know. */
function commonErrorMessage(body: unknown): string | undefined {
  if (typeof body === "string") return body;
  const errors = field(body, "errors");
  const firstError: unknown = Array.isArray(errors) ? errors[0] : undefined;
  const error = field(body, "error");
  return firstString(
    field(body, "message"),
    error,
    field(error, "message"),
    field(body, "detail"),
    firstError,
    field(firstError, "detail"),
    field(firstError, "message"),
    field(body, "title"),
  );
}

/** A body with no message in a known place, as short JSON; nothing for an empty one. */
function bodyAsJson(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "object" && Object.keys(body).length === 0) return undefined;
  try {
    return JSON.stringify(body);
  } catch {
    return undefined;
  }
}

function hookMessage(hook: ErrorMessageHook | undefined, status: number, body: unknown): string | undefined {
  try {
    // Typed as a string, but a hook that trusts the body's types hands on whatever is there.
    return firstString(hook?.(status, body));
  } catch {
    // A hook that does not know this body shape must not hide the original error.
    return undefined;
  }
}

/**
 * The API's own explanation of an error answer, with secrets masked before anything else
 * changes the text: stripping HTML or squashing whitespace would turn a secret into something
 * the redactor no longer recognises. Only strings count as a message; never throws, so the
 * ApiError it explains is the one that comes out.
 */
export function apiErrorMessage(
  status: number,
  body: unknown,
  hook: ErrorMessageHook | undefined,
  attemptSecrets: SecretRedactor,
): string | undefined {
  const message = hookMessage(hook, status, body) ?? commonErrorMessage(body);
  if (message === undefined) {
    const json = bodyAsJson(body);
    // Masked before it is cut, like any message.
    return json === undefined ? undefined : redactedLine(json, MAX_BODY_JSON_LENGTH, attemptSecrets);
  }
  const masked = secrets.scrub(attemptSecrets.scrub(message));
  // Proxies answer with HTML pages; their text is still the best hint.
  // A tag may not contain "<", so an unclosed "<" ends a candidate instead of each one
  // rescanning the rest of the page.
  return masked.trimStart().startsWith("<") ? masked.replace(/<[^<>]*>/g, " ") : masked;
}
