// The reseller API's (Combell's) error shapes. A 400 is the documented
// BadRequestResponse, {"validation_errors":[{"error_code","error_text"}]}, with
// one entry per offending field; every other error is a single
// {"error_code","error_text"} (the document says a failure "will usually
// contain an errorcode and errormessage", and ValidationErrorMessage is the only
// shape it names for them). Routes throw the base's EmulatorError; these are
// its Combell spellings.
import { EmulatorError } from "./base";

export interface ValidationError {
  error_code: string;
  error_text: string;
}

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  410: "gone",
  413: "request_too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
  500: "internal_server_error",
};

const isValidationList = (details: unknown): details is ValidationError[] =>
  Array.isArray(details) && details.every((d) => typeof d?.error_code === "string" && typeof d?.error_text === "string");

export function combellErrorBody(status: number, message: string, details?: unknown): unknown {
  if (status === 400) {
    return { validation_errors: isValidationList(details) ? details : [{ error_code: CODES[400], error_text: message }] };
  }
  return { error_code: CODES[status] ?? `http_${status}`, error_text: message };
}

/** A 400 naming one field: the text starts with the field's name in quotes. */
export function invalid(field: string, code: string, text: string): EmulatorError {
  return validationFailed([{ error_code: code, error_text: `"${field}" ${text}` }]);
}

export function validationFailed(errors: ValidationError[]): EmulatorError {
  return new EmulatorError(400, errors.map((e) => e.error_text).join(" "), { details: errors });
}

export const notFound = (message: string) => new EmulatorError(404, message);
export const unauthorized = (message: string) => new EmulatorError(401, message);

const SHOWN_CHARACTERS = 64;

/** A value from a request, quoted for a message; cut short so a huge value does not come back whole. */
export function shown(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return text.length <= SHOWN_CHARACTERS ? `"${text}"` : `"${text.slice(0, SHOWN_CHARACTERS)}..." (${text.length} characters)`;
}
