import { BadRequestError } from "../../http/errors";
import { InputError } from "../../kit/errors";
import { REFUSAL_SEPARATOR, refusalAsInputError, refusalsAsInputErrors as readRefusals, type RefusalReading } from "../../kit/refusals";

// How the reseller API explains a refusal. A 400 carries `{"validation_errors":[{"error_code",
// "error_text"}]}` (the OpenAPI's BadRequestResponse); the document says other errors "usually
// contain an errorcode and errormessage", so those spellings are read too.

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** "The password is too short (password_invalid)": the text, with its code when both are there. */
function explained(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== "object") return text(entry);
  const e = entry as Record<string, unknown>;
  const message = text(e.error_text) ?? text(e.errormessage) ?? text(e.error_message) ?? text(e.message);
  const code = text(e.error_code) ?? text(e.errorcode);
  if (message && code) return `${message} (${code})`;
  return message ?? code;
}

/** The errorMessage hook of the Combell HttpClient; undefined leaves the body to the common shapes. */
export function combellErrorMessage(_status: number, body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const errors = (body as { validation_errors?: unknown }).validation_errors;
  if (Array.isArray(errors)) {
    const lines = errors.map(explained).filter((line): line is string => line !== undefined);
    if (lines.length > 0) return lines.join(REFUSAL_SEPARATOR);
  }
  return explained(body);
}

/** An input as the API's messages may name it: inputName -> the API's field names. */
export type FieldNames = Record<string, string[]>;

/** "ftp_password" is also written "ftppassword", "ftp password" or "FtpPassword". */
function spellings(apiField: string): string[] {
  const lower = apiField.toLowerCase();
  return [...new Set([lower, lower.replace(/_/g, ""), lower.replace(/_/g, " ")])];
}

function fieldNamed(line: string, fields: FieldNames): string | undefined {
  const lower = line.toLowerCase();
  // A message that starts with a quoted field ('"service" duplicates ... protocol ...') is about that field.
  const leading = /^\W*"([a-z0-9_ ]{1,64})"/.exec(lower)?.[1];
  if (leading !== undefined) {
    const named = Object.entries(fields).find(([input, apiFields]) => [input.toLowerCase(), ...apiFields.flatMap(spellings)].includes(leading));
    if (named) return named[0];
  }
  // Longest spelling first, so "ftp_password" wins over a "password" of another input.
  const candidates = Object.entries(fields)
    .flatMap(([input, apiFields]) => [input.toLowerCase(), ...apiFields.flatMap(spellings)].map((spelling) => ({ input, spelling })))
    .sort((a, b) => b.spelling.length - a.spelling.length);
  return candidates.find((c) => lower.includes(c.spelling))?.input;
}

/** A 400 tells its explanations' inputs by the API's field names, in any of their spellings. */
function reading(fields: FieldNames): RefusalReading {
  return { inputsOf: (line) => fieldNamed(line, fields) };
}

/** A 400 whose validation errors name inputs, as an InputError on those inputs; anything else unchanged. */
export function inputErrorOf(error: unknown, fields: FieldNames): unknown {
  return refusalAsInputError(error, reading(fields));
}

/** Runs a call that sends the user's inputs, turning the API's validation errors into InputErrors. */
export function refusalsAsInputErrors<T>(fields: FieldNames, call: () => Promise<T>): Promise<T> {
  return readRefusals(reading(fields), call);
}

/**
 * Runs a call that sets one input (a setting of a hosting: its PHP version, HTTP/2 of one site):
 * whatever its 400 says is about that input, named by its path ('http2["example.com"]').
 */
export async function refusalsAsErrorsOn<T>(property: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof BadRequestError && error.apiMessage) throw new InputError([{ property, reason: `${error.apiName} refused it: ${error.apiMessage}` }], { cause: error });
    throw error;
  }
}
