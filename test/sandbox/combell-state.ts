// What the reseller API's routes share: the store, the job runner, the MySQL
// engine, the paging and timing options; how a request body is read; and the
// lookups every route makes (404 for what does not exist, or not yet: a
// resource whose job is still ongoing is not there).
import { EmulatorError, parseJsonBody, reply, type EmulatorRequest, type Route as BaseRoute } from "./base";
import type { DatabaseEngine } from "./combell-databases";
import { notFound, validationFailed } from "./combell-errors";
import { isObject, type JsonObject } from "./combell-fields";
import type { JobRunner } from "./combell-jobs";
import type { PagingOptions } from "./combell-paging";
import type { AccountRecord, CombellStore, JobRecord, LinuxHostingRecord, ServicepackRecord } from "./combell-store";

export interface CombellState {
  store: CombellStore;
  jobs: JobRunner;
  databases: DatabaseEngine;
  paging: PagingOptions;
  retryAfterSeconds: number;
  clock: () => number;
  /** The next account id. */
  nextAccountId(): number;
}

/** A route of the base: the principal is the API key; bodies of POST and PUT are JSON objects. */
export type Route = BaseRoute<string, JsonObject>;

const JSON_CONTENT_TYPE = /^application\/(?:[a-z0-9.+-]*\+)?json\s*(?:;.*)?$/i;

/**
 * POST and PUT carry a JSON object, sent as application/json (the API is an
 * ASP.NET one: another content type is a 415, an empty or malformed body a 400).
 * GET and DELETE bodies are not read (but their bytes are signed).
 */
export function parseCombellBody(request: EmulatorRequest): JsonObject {
  if (request.method !== "POST" && request.method !== "PUT") return {};
  const contentType = request.headers["content-type"] ?? "";
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    throw new EmulatorError(415, `A ${request.method} body must be sent as "Content-Type: application/json" (got ${contentType ? `"${contentType.slice(0, 64)}"` : "none"}).`);
  }
  let value: unknown;
  try {
    value = parseJsonBody(request);
  } catch (error) {
    throw validationFailed([{ error_code: "invalid_json", error_text: (error as Error).message }]);
  }
  if (value === undefined) throw validationFailed([{ error_code: "required", error_text: "A request body (a JSON object) is required." }]);
  if (!isObject(value)) throw validationFailed([{ error_code: "invalid_type", error_text: "The request body must be a JSON object." }]);
  return value;
}

/** 202, empty body, the job's location and when to look: header names in lower case, as the real API may send them. */
export function accepted(job: JobRecord, state: CombellState) {
  return reply(202, undefined, { location: `/v2/provisioningjobs/${job.id}`, "retry-after": String(state.retryAfterSeconds) });
}

export const noContent = () => reply(204);

export const lower = (name: string) => name.toLowerCase();

export function accountById(state: CombellState, id: number | string): AccountRecord {
  const account = /^[0-9]{1,10}$/.test(String(id)) ? state.store.accounts.get(Number(id)) : undefined;
  if (!account) throw notFound(`Account ${String(id).slice(0, 32)} not found.`);
  return account;
}

export function servicepackOf(state: CombellState, account: AccountRecord): ServicepackRecord | undefined {
  return state.store.servicepacks.get(account.servicepack_id);
}

export function hostingByName(state: CombellState, domainName: string): LinuxHostingRecord {
  const hosting = state.store.linuxHostings.get(lower(domainName));
  if (!hosting) throw notFound(`Linux hosting ${domainName.slice(0, 253)} not found.`);
  return hosting;
}

export function zoneOf(state: CombellState, domainName: string) {
  const zone = state.store.dnsZones.get(lower(domainName));
  if (!zone) throw notFound(`No DNS zone for ${domainName.slice(0, 253)}.`);
  return zone;
}
