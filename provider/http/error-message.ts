import { secrets, type SecretRedactor } from "./redact";

export type ErrorMessageHook = (status: number, body: unknown) => string | undefined;

function firstString(...candidates: unknown[]): string | undefined {
  for (const c of candidates) if (typeof c === "string" && c.trim() !== "") return c;
  return undefined;
}

/** Common shapes, for APIs without their own hook and for bodies the hook does not know. */
function commonErrorMessage(body: unknown): string | undefined {
  if (typeof body === "string") return body;
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, any>;
  const firstError = Array.isArray(b.errors) ? b.errors[0] : undefined;
  return firstString(
    b.message,
    typeof b.error === "string" ? b.error : b.error?.message,
    b.detail,
    typeof firstError === "string" ? firstError : firstError?.detail ?? firstError?.message,
    b.title,
  );
}

/**
 * The API's own explanation of an error answer, with secrets masked before anything else
 * changes the text: stripping HTML or squashing whitespace would turn a secret into something
 * the redactor no longer recognises.
 */
export function apiErrorMessage(
  status: number,
  body: unknown,
  hook: ErrorMessageHook | undefined,
  attemptSecrets: SecretRedactor,
): string | undefined {
  let message: string | undefined;
  try {
    message = hook?.(status, body);
  } catch {
    // A hook that does not know this body shape must not hide the original error.
  }
  message ??= commonErrorMessage(body);
  if (message === undefined) return undefined;
  const masked = secrets.scrub(attemptSecrets.scrub(message));
  // Proxies answer with HTML pages; their text is still the best hint.
  // A tag may not contain "<", so an unclosed "<" ends a candidate instead of each one
  // rescanning the rest of the page.
  return masked.trimStart().startsWith("<") ? masked.replace(/<[^<>]*>/g, " ") : masked;
}
