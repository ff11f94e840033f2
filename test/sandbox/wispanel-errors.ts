// WisPanel's error bodies. Its public pages disagree, and panels in the field answer with either:
//   newer: {"success":false,"code":"VALIDATION_ERROR","error":"...","message":"...","status":400}
//   older: {"error":{"code":"VALIDATION_ERROR","message":"...","details":{"field":["..."]}}}, 422
// for validation. A sandbox speaks one of them, chosen when it starts.
import { EmulatorError } from "./base";

export type ErrorShape = "newer" | "older";

const CODES: Record<number, string> = {
  400: "VALIDATION_ERROR",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  422: "VALIDATION_ERROR",
  429: "RATE_LIMITED",
};

function codeOf(status: number): string {
  return CODES[status] ?? (status >= 500 ? "INTERNAL_ERROR" : "ERROR");
}

/** Field -> messages, as the older shape's details carry them. */
export type FieldErrors = Record<string, string[]>;

export function wispanelErrorBody(shape: ErrorShape) {
  return (status: number, message: string, details?: unknown): unknown => {
    if (shape === "older") return { error: { code: codeOf(status), message, ...(details ? { details } : {}) } };
    return { success: false, code: codeOf(status), error: message, message, status };
  };
}

/**
 * A body the panel refuses: the newer shape's 400 with the first message, or the older shape's
 * 422 with every field's messages.
 */
export function validationError(shape: ErrorShape, fields: FieldErrors): EmulatorError {
  const first = Object.values(fields)[0]?.[0] ?? "Invalid request data";
  if (shape === "older") return new EmulatorError(422, "The given data was invalid.", { details: fields });
  return new EmulatorError(400, first);
}
