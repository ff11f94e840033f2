import { BadRequestError, ConflictError } from "../../http/errors";
import { REFUSAL_SEPARATOR, refusalAsInputError, refusalsAsInputErrors as readRefusals, type RefusalReading } from "../../kit/refusals";

// WisPanel's public pages show two error shapes, and a panel may answer with either:
//   newer: {"success":false,"code":"VALIDATION_ERROR","error":"...","message":"...","status":400}
//   older: {"error":{"code":"VALIDATION_ERROR","message":"...","details":{"name":["..."]}}} (422)
// Both are read here into one line; the details keep their field names ("name: ..."), which is
// how a refusal finds the input it is about.

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `{"name": ["...", "..."]}` -> ["name: ...", "name: ..."]. */
function detailLines(details: unknown): string[] {
  const fields = record(details);
  if (!fields) return [];
  return Object.entries(fields).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [messages]).map(text).filter((m): m is string => m !== undefined).map((m) => `${field}: ${m}`),
  );
}

/** The errorMessage hook of the WisPanel HttpClient: "message (CODE)", then the details. */
export function wispanelErrorMessage(_status: number, body: unknown): string | undefined {
  const top = record(body);
  if (!top) return undefined;
  const nested = record(top.error);
  const message = nested ? (text(nested.message) ?? text(top.message)) : (text(top.error) ?? text(top.message));
  const code = text(nested?.code) ?? text(top.code);
  const details = detailLines(nested?.details ?? top.details);
  const head = message ? (code ? `${message} (${code})` : message) : code;
  const lines = [head, ...details].filter((line): line is string => line !== undefined);
  return lines.length > 0 ? lines.join(REFUSAL_SEPARATOR) : undefined;
}

/** An input and how WisPanel's messages name it: the body field, then words of a sentence. */
export interface FieldNames {
  [input: string]: { field: string; words: RegExp };
}

/** The inputs a refusal line is about: a detail's field name, else the words of its sentence. */
function inputsNamed(line: string, fields: FieldNames): string[] {
  const detail = /^([a-z_]{1,64}): /.exec(line)?.[1];
  const byField = Object.entries(fields).filter(([, f]) => f.field === detail);
  if (byField.length > 0) return byField.map(([input]) => input);
  return Object.entries(fields)
    .filter(([, f]) => f.words.test(line))
    .map(([input]) => input);
}

/** A 400, 422 or 409 is about the inputs sent; each explanation's field or words name them. */
function reading(fields: FieldNames): RefusalReading {
  return {
    inputsOf: (line) => inputsNamed(line, fields),
    refuses: (error) => error instanceof BadRequestError || error instanceof ConflictError,
    showStatus: true,
    unnamedSumUp: true,
  };
}

/** A refusal as an InputError on the inputs it names, so Pulumi shows it next to the property; anything else unchanged. */
export function inputErrorOf(error: unknown, fields: FieldNames): unknown {
  return refusalAsInputError(error, reading(fields));
}

/** Runs a call that sends the user's inputs, turning WisPanel's refusals into InputErrors. */
export function refusalsAsInputErrors<T>(fields: FieldNames, call: () => Promise<T>): Promise<T> {
  return readRefusals(reading(fields), call);
}
