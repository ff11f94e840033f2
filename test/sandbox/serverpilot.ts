// A ServerPilot API v1 emulator for tests, on the sandbox base: the document's
// routes, validation and error shape, background actions, what FACTS.md says
// the real service does beyond the document (newer runtimes, AutoSSL that takes
// a while), and (optionally) real MariaDB databases behind /dbs. It is test
// equipment: it rejects what the real API rejects, so a provider bug shows up
// here rather than in production.
//
// What is ServerPilot's here: Basic auth (401 with a challenge), the error shape,
// bodies read as JSON objects whatever the Content-Type, and the routes. The
// order of handling, faults, routing and the request log are the base's (base.ts).
import { timingSafeEqual } from "node:crypto";
import { Chaos, EmulatorError, parseJsonBody, startEmulator, type ChaosControls, type EmulatorDefinition, type EmulatorRequest, type InjectedFault, type ServedRequest } from "./base";
import { ActionTracker } from "./serverpilot-actions";
import { badRequest, serverPilotErrorBody } from "./serverpilot-errors";
import { isObject, type JsonObject } from "./serverpilot-fields";
import { mariadbDatabases, storeOnlyDatabases } from "./serverpilot-real-databases";
import { emptyStore, randomAlphanumeric } from "./serverpilot-records";
import { buildRoutes, type EmulatorState } from "./serverpilot-routes";
import { DEFAULT_AVAILABLE_RUNTIMES } from "./serverpilot-runtimes";
import type { MariaDB } from "./mariadb";
import { recordSecret } from "../harness/scan-record";

export type { InjectedFault, ServedRequest };
export { DEFAULT_AVAILABLE_RUNTIMES };

export interface ServerPilotSandboxOptions {
  clientId?: string;
  apiKey?: string;
  /** 0 (default): a free port on 127.0.0.1. */
  port?: number;
  /** How long each action stays "open" before it completes; default 300. */
  actionDelayMs?: number;
  /** When given, /dbs creates, changes and drops real databases and users in it. */
  mariadb?: MariaDB;
  /** Default true: GET /apps/:id includes `autossl`, and AutoSSL can be enabled. */
  paidPlan?: boolean;
  /**
   * The PHP runtimes each new server offers (shown as its `available_runtimes`);
   * an app runtime outside them is a 400. Default DEFAULT_AVAILABLE_RUNTIMES
   * (php7.4 - php8.3). null: document mode, no such key and any phpX.Y accepted.
   */
  availableRuntimes?: string[] | null;
  /**
   * How long after an app gets its domains (at create, or an update that changes
   * what AutoSSL can cover) its AutoSSL certificate is available; default 0.
   */
  autoSslDelayMs?: number;
}

/** Chaos covers its actions too: one may end in "error" or stay "open" until chaos is off. */
export interface ServerPilotSandbox extends ChaosControls {
  readonly url: string;
  readonly clientId: string;
  readonly apiKey: string;
  /** The emulator's live records, for tests to inspect and to change out of band. */
  readonly store: {
    servers: Map<string, any>;
    sysusers: Map<string, any>;
    apps: Map<string, any>;
    dbs: Map<string, any>;
    actions: Map<string, any>;
  };
  /** Every request served, in order (path without query; also its query and headers). */
  readonly requests: ServedRequest[];
  /** The next matching requests meet this fault, before auth and routing. */
  injectFault(fault: InjectedFault): void;
  /** The next action created ends with status "error" instead of "success". */
  failNextAction(): void;
  setActionDelay(ms: number): void;
  /** For domains set from now on; apps whose certificate is already due keep their time. */
  setAutoSslDelay(ms: number): void;
  close(): Promise<void>;
}

// Far more than any real credential; checked before the pattern runs.
const MAX_AUTHORIZATION_LENGTH = 4096;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkBasicAuth(header: string | undefined, clientId: string, apiKey: string): void {
  const challenge = { headers: { "WWW-Authenticate": 'Basic realm="ServerPilot API"' } };
  const value = header ?? "";
  const match = value.length <= MAX_AUTHORIZATION_LENGTH ? /^Basic\s+(\S+)\s*$/i.exec(value) : null;
  if (!match) {
    throw new EmulatorError(401, "Authentication required: send your client id and API key with HTTP Basic auth.", challenge);
  }
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  const givenId = separator < 0 ? decoded : decoded.slice(0, separator);
  const givenKey = separator < 0 ? "" : decoded.slice(separator + 1);
  if (!sameSecret(givenId, clientId) || !sameSecret(givenKey, apiKey)) {
    throw new EmulatorError(401, "Invalid client id or API key.", challenge);
  }
}

/**
 * Only POST carries a body. It is read as JSON whatever the Content-Type says:
 * the document's own curl example for a database password update sends JSON
 * without one. An empty body is an empty object, so missing fields are
 * reported by name.
 */
function parseServerPilotBody(request: EmulatorRequest): JsonObject {
  if (request.method !== "POST") return {};
  const value = parseJsonBody(request);
  if (value === undefined) return {};
  if (!isObject(value)) throw badRequest("The request body must be a JSON object.");
  return value;
}

export async function startServerPilotSandbox(options: ServerPilotSandboxOptions = {}): Promise<ServerPilotSandbox> {
  const clientId = options.clientId ?? `cid_${randomAlphanumeric(16)}`;
  const apiKey = options.apiKey ?? randomAlphanumeric(43);
  recordSecret("ServerPilot sandbox: its API key", apiKey);
  const store = emptyStore();
  // The document says nothing of rate limits: a 429 says Retry-After, the HTTP standard's way.
  const chaos = new Chaos();
  const actions = new ActionTracker(store.actions, options.actionDelayMs ?? 300, chaos);
  const state: EmulatorState = {
    store,
    actions,
    databases: options.mariadb ? mariadbDatabases(options.mariadb) : storeOnlyDatabases,
    paidPlan: options.paidPlan ?? true,
    availableRuntimes: options.availableRuntimes === undefined ? DEFAULT_AVAILABLE_RUNTIMES : options.availableRuntimes,
    autoSslDelayMs: options.autoSslDelayMs ?? 0,
  };
  const definition: EmulatorDefinition<void, JsonObject> = {
    name: "ServerPilot",
    basePath: "/v1",
    authenticate: (request) => checkBasicAuth(request.headers.authorization, clientId, apiKey),
    errorBody: serverPilotErrorBody,
    routes: buildRoutes(state),
    parseBody: parseServerPilotBody,
  };
  const emulator = await startEmulator(definition, { port: options.port, chaos });

  return {
    url: emulator.url,
    clientId,
    apiKey,
    store,
    requests: emulator.requests,
    chaos: emulator.chaos,
    chaosOff: emulator.chaosOff,
    faultLog: emulator.faultLog,
    injectFault(fault) {
      emulator.injectFault(fault);
    },
    failNextAction() {
      actions.failNextAction();
    },
    setActionDelay(ms) {
      actions.setDelay(ms);
    },
    setAutoSslDelay(ms) {
      state.autoSslDelayMs = ms;
    },
    async close() {
      actions.close();
      await emulator.close();
    },
  };
}
