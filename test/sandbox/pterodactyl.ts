// A game-server panel (Pterodactyl / Pelican Application API) emulator for tests, on the sandbox
// base, in two modes: "document", the answers exactly as the document shows them (pages, a
// reset that returns the new password, 409 for a duplicate, relationships in every single GET),
// and "panel", as FACTS.md says the real panel answers (201 + meta.resource, passwords only
// with ?include=password, the whole list unpaginated, a 204 reset, 400 for a duplicate, 422s
// with meta.source_field, numeric server ids only, a host the key may not read shown as a
// null_resource). With a MariaDB, every database and its user really exist.
//
// What is the panel's here: Bearer auth, the errors[] shape and the routes. The order of
// handling, faults, routing and the request log are the base's (base.ts).
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { Chaos, EmulatorError, FixedWindowRateLimiter, startEmulator, type ChaosControls, type EmulatorDefinition, type InjectedFault, type ServedRequest } from "./base";
import type { MariaDB } from "./mariadb";
import { mariadbDatabases, storeOnlyDatabases } from "./pterodactyl-databases";
import { panelRoutes, type PanelState } from "./pterodactyl-routes";
import { emptyStore, generatedPassword, type HostRecord, type PanelMode, type PanelStore, type ServerRecord } from "./pterodactyl-store";
import { recordSecret } from "../harness/scan-record";

export type { InjectedFault, ServedRequest, PanelMode, PanelStore };
export { storedDatabaseName } from "./pterodactyl-routes";

export const PANEL_MODES: readonly PanelMode[] = ["document", "panel"];

export interface PterodactylSandboxOptions {
  mode: PanelMode;
  /** Default: "ptla_" and 43 random characters, as the panel's keys look. */
  apiKey?: string;
  port?: number;
  /** When given, databases and their users are created, reset and dropped in it for real. */
  mariadb?: MariaDB;
  /** Default: servers 1 (no database limit) and 2 (at most 2 databases). */
  servers?: ServerRecord[];
  /** Default: host 1 on the MariaDB (or 127.0.0.1:3306). */
  hosts?: HostRecord[];
  /** Default true; false: the host relationship is a null_resource (panel mode). */
  hostsReadable?: boolean;
  /** Document mode: the most items a page holds, whatever per_page asks; default 100. */
  maxPerPage?: number;
  /**
   * Off by default. As the panel's Laravel throttle: X-RateLimit-Limit and -Remaining on every
   * answer, and past the limit a 429 with Retry-After (seconds) and X-RateLimit-Reset (a Unix time).
   */
  rateLimit?: { limit: number; windowMs: number };
}

export interface PterodactylSandbox extends ChaosControls {
  /** The panel's base URL (the Application API is under /api/application). */
  readonly url: string;
  readonly mode: PanelMode;
  readonly apiKey: string;
  /** A key that may read server databases but not change them: its writes get 403. */
  readonly readOnlyApiKey: string;
  readonly store: PanelStore;
  readonly requests: ServedRequest[];
  injectFault(fault: InjectedFault): void;
  clearFaults(): void;
  /** A request to the Application API as an administrator would send it (path below /api/application). */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** The next create makes the database, then answers 500 as if it had failed. */
  failAfterNextCreate(): void;
  /** Resets a database's password behind the provider's back; the new password. */
  resetPasswordOutOfBand(databaseId: number): Promise<string>;
  /** Moves a database's user to another remote behind the provider's back (an admin's edit). */
  setRemoteOutOfBand(databaseId: number, remote: string): Promise<void>;
  close(): Promise<void>;
}

const CODES: Record<number, string> = {
  400: "BadRequestHttpException",
  401: "AuthenticationException",
  403: "AccessDeniedHttpException",
  404: "NotFoundHttpException",
  405: "MethodNotAllowedHttpException",
  409: "ConflictHttpException",
  413: "PayloadTooLargeHttpException",
  422: "ValidationException",
  429: "TooManyRequestsHttpException",
  500: "HttpException",
  503: "ServiceUnavailableHttpException",
};

/** {"errors":[{code, status, detail}]}, or the errors a 422 lists field by field. */
export function panelErrorBody(status: number, message: string, details?: unknown): unknown {
  const d = (details ?? {}) as { errors?: unknown[]; code?: string; meta?: object };
  if (Array.isArray(d.errors)) return { errors: d.errors };
  return { errors: [{ code: d.code ?? CODES[status] ?? "HttpException", status: String(status), detail: message, ...(d.meta ? { meta: d.meta } : {}) }] };
}

function sameKey(given: string, key: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The document's 401 (no such key) and 403 ("Insufficient permissions"): an Application API key
 * whose permission on server databases is Read may list them but not change them.
 */
function checkBearer(header: string | undefined, method: string, apiKey: string, readOnlyApiKey: string): void {
  const given = /^Bearer (\S{1,512})$/.exec(header ?? "")?.[1] ?? "";
  if (sameKey(given, apiKey)) return;
  if (!sameKey(given, readOnlyApiKey)) throw new EmulatorError(401, "Unauthenticated.");
  if (method !== "GET") throw new EmulatorError(403, "This action is unauthorized.");
}

export async function startPterodactylSandbox(options: PterodactylSandboxOptions): Promise<PterodactylSandbox> {
  const apiKey = options.apiKey ?? `ptla_${randomBytes(32).toString("base64url").slice(0, 43)}`;
  recordSecret("Pterodactyl sandbox: its API key", apiKey);
  const readOnlyApiKey = `ptla_${randomBytes(32).toString("base64url").slice(0, 43)}`;
  recordSecret("Pterodactyl sandbox: its read-only API key", readOnlyApiKey);
  const servers = options.servers ?? [
    { id: 1, uuid: randomUUID(), databaseLimit: null },
    { id: 2, uuid: randomUUID(), databaseLimit: 2 },
  ];
  const hosts = options.hosts ?? [
    { id: 1, name: "local", host: options.mariadb?.host ?? "127.0.0.1", port: options.mariadb?.port ?? 3306, username: "pterodactyl", node: 1 },
  ];
  const store = emptyStore(servers, hosts);
  let url = "";
  const state: PanelState = {
    mode: options.mode,
    store,
    databases: options.mariadb ? mariadbDatabases(options.mariadb) : storeOnlyDatabases,
    hostsReadable: options.hostsReadable ?? true,
    maxPerPage: options.maxPerPage ?? 100,
    failAfterCreate: 0,
    url: () => `${url}/api/application`,
  };
  const definition: EmulatorDefinition = {
    name: `Pterodactyl (${options.mode})`,
    basePath: "/api/application",
    authenticate: (request) => checkBearer(request.headers.authorization, request.method, apiKey, readOnlyApiKey),
    errorBody: panelErrorBody,
    routes: panelRoutes(state),
    rateLimit: options.rateLimit
      ? new FixedWindowRateLimiter({ ...options.rateLimit, reset: "unix", message: () => "Too Many Attempts." }).hook()
      : undefined,
  };
  // The panel's Laravel throttle: Retry-After in seconds, X-RateLimit-Reset a Unix time.
  const chaos = new Chaos((seconds) => ({ "Retry-After": String(seconds), "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(Math.ceil(Date.now() / 1000) + seconds) }));
  const emulator = await startEmulator(definition, { port: options.port, chaos });
  url = new URL(emulator.url).origin;
  const databaseOf = (id: number) => {
    const db = store.databases.get(id);
    if (!db) throw new Error(`the sandbox has no database ${id}`);
    return db;
  };

  return {
    url,
    mode: options.mode,
    apiKey,
    readOnlyApiKey,
    store,
    requests: emulator.requests,
    chaos: emulator.chaos,
    chaosOff: emulator.chaosOff,
    faultLog: emulator.faultLog,
    injectFault: (fault) => emulator.injectFault(fault),
    clearFaults: () => emulator.clearFaults(),
    async call(method, path, body) {
      const response = await fetch(`${emulator.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
    },
    failAfterNextCreate() {
      state.failAfterCreate++;
    },
    async resetPasswordOutOfBand(id) {
      const db = databaseOf(id);
      const password = generatedPassword();
      await state.databases.setPassword(db.username, db.remote, password);
      db.password = password;
      return password;
    },
    async setRemoteOutOfBand(id, remote) {
      const db = databaseOf(id);
      await state.databases.moveUser(db.username, db.remote, remote);
      db.remote = remote;
    },
    close: () => emulator.close(),
  };
}
