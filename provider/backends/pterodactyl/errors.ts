import { BadRequestError, ConflictError, NotFoundError } from "../../http/errors";
import { InputError } from "../../kit/errors";
import { REFUSAL_SEPARATOR, refusalAsInputError } from "../../kit/refusals";

// How the panel explains a refusal: {"errors":[{"code","status","detail"}]}, one entry per
// problem; a 422 ValidationException adds meta {source_field, rule} (the real panel; the
// document shows none). A duplicate name is a 409 in the document and a 400 on the real panel.
// A panel run with debugging on puts the failed SQL in its 500s, bindings and all: a password
// it generated (one the provider has never seen, so the redactor cannot know it) is masked here.

// ALTER USER ... IDENTIFIED BY 'secret' (with or without PASSWORD), "password":"secret" in an
// echoed body, password=secret or password: secret in a trace. A quoted value ends at its
// closing quote; a bare one at whitespace, as generated passwords hold any punctuation.
const QUOTED_AFTER_IDENTIFIED_BY = /(identified\s+by\s+(?:password\s+)?)(['"`])(?:\\.|(?!\2)[^\\])*\2?/gi;
const JSON_PASSWORD = /("password"\s*:\s*)"(?:\\.|[^"\\])*"?/gi;
const PASSWORD_SETTING = /(\bpassword\b\s*[=:]\s*)(?!"?\*\*\*)(?:(['"])(?:\\.|(?!\2)[^\\])*\2?|\S+)/gi;

export function maskGeneratedPasswords(text: string): string {
  return text
    .replace(QUOTED_AFTER_IDENTIFIED_BY, "$1$2***$2")
    .replace(JSON_PASSWORD, '$1"***"')
    .replace(PASSWORD_SETTING, (match: string, lead: string, quote: string | undefined) => {
      if (quote) return `${lead}${quote}***${quote}`;
      // What closes the sentence around a bare value stays: "(using password: x)." keeps ")."
      const closing = /[),;.\]}]+$/.exec(match.slice(lead.length))?.[0] ?? "";
      return `${lead}***${closing}`;
    });
}

interface PanelError {
  detail?: unknown;
  code?: unknown;
  meta?: { source_field?: unknown; rule?: unknown } | null;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/** "The selected host is invalid. (host: exists)": the detail, with the field and rule a 422 names. */
function explained(entry: PanelError): string | undefined {
  const detail = text(entry.detail) ?? text(entry.code);
  const field = text(entry.meta?.source_field);
  if (!detail || !field) return detail;
  const rule = text(entry.meta?.rule);
  return `${detail} (${field}${rule ? `: ${rule}` : ""})`;
}

/** The errorMessage hook of the panel's HttpClient. */
export function pterodactylErrorMessage(_status: number, body: unknown): string | undefined {
  if (typeof body === "string") return maskGeneratedPasswords(body);
  if (body === null || typeof body !== "object") return undefined;
  const errors = (body as { errors?: unknown }).errors;
  const lines = Array.isArray(errors)
    ? errors.filter((e): e is PanelError => e !== null && typeof e === "object").map(explained).filter((l): l is string => l !== undefined)
    : [];
  const message = lines.length > 0 ? lines.join(REFUSAL_SEPARATOR) : text((body as { message?: unknown }).message);
  return message === undefined ? undefined : maskGeneratedPasswords(message);
}

/** The panel's request fields, as the resource's inputs. */
const INPUT_OF_FIELD: Record<string, string> = { database: "database", remote: "remote", host: "host" };

function inputNamed(line: string): string | undefined {
  const named = /\((database|remote|host)(?::[^()]*)?\)$/.exec(line)?.[1];
  if (named) return INPUT_OF_FIELD[named];
  const lower = line.toLowerCase();
  if (/already (exists|been taken)/.test(lower) && lower.includes("database")) return "database";
  if (/too many databases|database limit|over the defined limit/.test(lower)) return "serverId";
  if (/\bremote\b/.test(lower)) return "remote";
  if (/\bhost\b/.test(lower)) return "host";
  if (/\bdatabase\b/.test(lower) && !/\bserver\b/.test(lower)) return "database";
  return undefined;
}

/**
 * A refusal of a create (400, 404, 409 or 422) as an InputError on the inputs it names, so Pulumi
 * shows it next to the property; anything else comes back unchanged.
 */
export function inputErrorOf(error: unknown): unknown {
  // The routes of a create name only the server: a 404 says there is no such server.
  if (error instanceof NotFoundError) {
    return new InputError([{ property: "serverId", reason: `${error.apiName} has no such server (${error.status}${error.apiMessage ? `: ${error.apiMessage}` : ""})` }], { cause: error });
  }
  return refusalAsInputError(error, {
    inputsOf: inputNamed,
    refuses: (e) => e instanceof BadRequestError || e instanceof ConflictError,
    showStatus: true,
  });
}
