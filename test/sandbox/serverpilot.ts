// A ServerPilot API v1 emulator for tests: real HTTP on loopback, the document's
// routes, validation and error shapes, background actions, and (optionally)
// real MariaDB databases behind /dbs. It is test equipment: it rejects what the
// real API rejects, so a provider bug shows up here rather than in production.
//
// Order of handling for each request: injected faults, then Basic auth, then
// routing (404 unknown route, 405 known route with another method), then the
// body (400 malformed JSON), then the route's own rules.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { ActionTracker } from "./serverpilot-actions";
import { ApiError, badRequest } from "./serverpilot-errors";
import { mariadbDatabases, storeOnlyDatabases } from "./serverpilot-real-databases";
import { emptyStore, randomAlphanumeric } from "./serverpilot-records";
import { buildRoutes, type Route } from "./serverpilot-routes";
import type { JsonObject } from "./serverpilot-validation";
import type { MariaDB } from "./mariadb";

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
}

export interface InjectedFault {
  /** Any method when absent; compared case-insensitively. */
  method?: string;
  /** Tested against the request path without query, e.g. "/v1/servers/abc"; any path when absent. */
  path?: RegExp;
  status: number;
  /** Default {"error": {"message": "Injected fault: HTTP <status>"}}. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests get this response; default 1. */
  times?: number;
}

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface ServerPilotSandbox {
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
  /** Every request served, in order (path without query). */
  readonly requests: ServedRequest[];
  /** The next matching requests get this response, before auth and routing. */
  injectFault(fault: InjectedFault): void;
  /** The next action created ends with status "error" instead of "success". */
  failNextAction(): void;
  setActionDelay(ms: number): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** Runs mutations one at a time, so checks (uniqueness, limits) and writes cannot interleave. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkBasicAuth(header: string | undefined, clientId: string, apiKey: string): void {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) {
    throw new ApiError(401, "Authentication required: send your client id and API key with HTTP Basic auth.");
  }
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  const givenId = separator < 0 ? decoded : decoded.slice(0, separator);
  const givenKey = separator < 0 ? "" : decoded.slice(separator + 1);
  if (!sameSecret(givenId, clientId) || !sameSecret(givenKey, apiKey)) {
    throw new ApiError(401, "Invalid client id or API key.");
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "Request body is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The body is parsed as JSON whatever the Content-Type says: the document's own
 * curl example for a database password update sends JSON without one. An empty
 * body is an empty object, so missing fields are reported by name.
 */
function parseJsonObject(text: string): JsonObject {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest(`Malformed JSON in request body: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("The request body must be a JSON object.");
  }
  return value as JsonObject;
}

/** An id from the path; one that is not even valid percent-encoding is an unknown id. */
function decodeIdSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function startServerPilotSandbox(options: ServerPilotSandboxOptions = {}): Promise<ServerPilotSandbox> {
  const clientId = options.clientId ?? `cid_${randomAlphanumeric(16)}`;
  const apiKey = options.apiKey ?? randomAlphanumeric(43);
  const store = emptyStore();
  const actions = new ActionTracker(store.actions, options.actionDelayMs ?? 300);
  const routes: Route[] = buildRoutes({
    store,
    actions,
    databases: options.mariadb ? mariadbDatabases(options.mariadb) : storeOnlyDatabases,
    paidPlan: options.paidPlan ?? true,
  });
  const requests: ServedRequest[] = [];
  const faults: Array<InjectedFault & { remaining: number }> = [];
  const mutations = new SerialQueue();

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    requests.push({ method: request.method ?? "", path, status });
    const text = JSON.stringify(body);
    response.writeHead(status, {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(text),
      ...headers,
    });
    response.end(text);
  }

  function takeFault(method: string, path: string): InjectedFault | undefined {
    const index = faults.findIndex(
      (f) => (f.method === undefined || f.method.toUpperCase() === method) && (f.path === undefined || f.path.test(path)),
    );
    if (index < 0) return undefined;
    const fault = faults[index];
    if (--fault.remaining <= 0) faults.splice(index, 1);
    return fault;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? "GET").toUpperCase();
    const path = new URL(request.url ?? "/", "http://sandbox").pathname;
    try {
      const fault = takeFault(method, path);
      if (fault) {
        request.resume();
        const body = fault.body ?? { error: { message: `Injected fault: HTTP ${fault.status}` } };
        send(request, response, path, fault.status, body, fault.headers);
        return;
      }

      try {
        checkBasicAuth(request.headers.authorization, clientId, apiKey);
      } catch (error) {
        request.resume();
        const headers = { "WWW-Authenticate": 'Basic realm="ServerPilot API"' };
        send(request, response, path, 401, (error as ApiError).toBody(), headers);
        return;
      }

      const matching = routes.map((route) => ({ route, match: route.pattern.exec(path) })).filter((m) => m.match);
      if (matching.length === 0) throw new ApiError(404, `Not found: no API route ${method} ${path}.`);
      const selected = matching.find((m) => m.route.method === method);
      if (!selected) {
        // Not in the document's status list, but what a web framework answers for
        // a known path with the wrong method; it keeps "wrong method" apart from
        // "resource gone" (404) for a provider that uses PUT or PATCH.
        const allowed = matching.map((m) => m.route.method).join(", ");
        request.resume();
        send(request, response, path, 405, { error: { message: `Method ${method} is not allowed on ${path}; allowed: ${allowed}.` } }, { Allow: allowed });
        return;
      }

      const text = method === "POST" ? await readBody(request) : (request.resume(), "");
      const body = method === "POST" ? parseJsonObject(text) : {};
      const params = selected.match!.slice(1).map(decodeIdSegment);
      const run = () => selected.route.handle(params, body);
      const result = method === "GET" ? await run() : await mutations.run(run);
      send(request, response, path, 200, result);
    } catch (error) {
      if (error instanceof ApiError) {
        send(request, response, path, error.status, error.toBody());
      } else {
        send(request, response, path, 500, { error: { message: `Internal server error: ${String(error)}` } });
      }
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    clientId,
    apiKey,
    store,
    requests,
    injectFault(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    failNextAction() {
      actions.failNextAction();
    },
    setActionDelay(ms) {
      actions.setDelay(ms);
    },
    async close() {
      actions.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
