// The sandbox base: what every API emulator needs and none should write again.
// An emulator is a definition (its auth, error shape, routes, and optionally its
// body reading and rate limit); startEmulator serves it over real HTTP on
// loopback, so a provider under test talks to it exactly as to the real API.
//
// Order of handling for each request, and why:
//   1. injected faults: a test's fault stands in for the whole service;
//   2. rate limit: counted for every request the service sees, so its headers
//      come on every answer, 401s and 404s included;
//   3. the body's size limit (413): the body is needed before auth because a
//      signature (the reseller API's HMAC) covers it;
//   4. authenticate (the API's 401/403): before routing, so a stranger learns
//      nothing about which routes exist;
//   5. routing (404, 405 + Allow), then parseBody (the API's 400 for a bad body);
//   6. the handler, mutations one at a time.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { DEFAULT_MAX_BODY_BYTES, parseJsonBody, readBody } from "./base-body";
import { Reply, type EmulatorDefinition, type EmulatorRequest, type Query, type RequestHead } from "./base-definition";
import { Chaos, chaosControls, type ChaosControls } from "./base-chaos";
import { EmulatorError, type HeaderMap } from "./base-error";
import { FaultList, type InjectedFault } from "./base-faults";
import { SerialQueue } from "./base-queue";
import { matchRoute } from "./base-routing";
import { ScanRecord } from "../harness/scan-record";

export * from "./base-body";
export * from "./base-chaos";
export * from "./base-definition";
export * from "./base-error";
export * from "./base-faults";
export * from "./base-queue";
export * from "./base-rate-limit";

export interface EmulatorOptions {
  /** 0 (default): a free port on 127.0.0.1. */
  port?: number;
  /** Default 1 MiB; a longer body is answered with 413. */
  maxBodyBytes?: number;
  /** Serves HTTPS with this key and certificate (PEM) instead of plain HTTP: a panel's own certificate. */
  tls?: { key: string; cert: string };
  /** Seeded random faults, off until switched on; a sandbox passes its own to share it with its background work. */
  chaos?: Chaos;
}

export interface ServedRequest {
  method: string;
  /** Without the query. */
  path: string;
  /** 0 when an injected fault dropped the connection. */
  status: number;
  query: Query;
  /** As received, names in lower case: for tests of signatures, paging and user agents. */
  headers: IncomingHttpHeaders;
  /** When it was answered (or dropped), in ms since the epoch: for tests of how soon a client looks again. */
  at: number;
}

export interface Emulator extends ChaosControls {
  /** Origin and base path, e.g. "http://127.0.0.1:41234/v1" (https:// when served with tls). */
  readonly url: string;
  readonly port: number;
  /** Every request answered (or dropped), in order. */
  readonly requests: ServedRequest[];
  /** The next matching requests meet this fault, before anything else. */
  injectFault(fault: InjectedFault): void;
  /** Forgets the faults not met yet. */
  clearFaults(): void;
  /** Stops listening and cuts open connections; requests waiting on a fault's delay are dropped. */
  close(): Promise<void>;
}

function parseQuery(params: URLSearchParams): Query {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of params) {
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  // fromEntries defines own properties, so a parameter named __proto__ is just a parameter.
  return Object.fromEntries([...grouped].map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
}

function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end--;
  return path.slice(0, end);
}

function pathBelow(basePath: string, path: string): string | null {
  if (basePath === "") return path;
  if (path === basePath) return "/";
  return path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : null;
}

export async function startEmulator<P, B = unknown>(
  definition: EmulatorDefinition<P, B>,
  options: EmulatorOptions = {},
): Promise<Emulator> {
  const basePath = trimTrailingSlashes(definition.basePath);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Without a hook B is unknown, which is what parseJsonBody gives.
  const parseBody = definition.parseBody ?? (parseJsonBody as (request: EmulatorRequest) => B);
  const requests: ServedRequest[] = [];
  const faults = new FaultList();
  const chaos = options.chaos ?? new Chaos();
  const mutations = new SerialQueue();
  const sleepers = new Set<() => void>();
  let closed = false;
  // For the secret scan: no credential may travel in a request's path or query.
  const requestLog = ScanRecord.open(`sandbox-${definition.name}`);

  /** True when the time passed, false when the emulator closed meanwhile. */
  function pause(ms: number): Promise<boolean> {
    if (closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve(false);
      };
      const timer = setTimeout(() => {
        sleepers.delete(wake);
        resolve(!closed);
      }, ms);
      sleepers.add(wake);
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? "GET").toUpperCase();
    const target = request.url ?? "/";
    // Prefixed rather than resolved: "//x/y" is a path here, not another host.
    const url = new URL(target.startsWith("/") ? `http://sandbox${target}` : target, "http://sandbox");
    const head: RequestHead = {
      method,
      path: url.pathname,
      routePath: pathBelow(basePath, url.pathname),
      rawQuery: url.search,
      query: parseQuery(url.searchParams),
      headers: request.headers,
    };
    const entry: ServedRequest = { method, path: head.path, status: 0, query: head.query, headers: head.headers, at: 0 };
    requestLog.text(`${definition.name} sandbox request`, `${method} ${target}`);
    let everyAnswer: HeaderMap = {};

    const send = (status: number, body: unknown, headers: HeaderMap = {}) => {
      const text = body === undefined ? "" : JSON.stringify(body);
      entry.status = status;
      entry.at = Date.now();
      requests.push(entry);
      // The client may have gone while a fault's delay or a slow handler ran.
      if (response.destroyed || response.headersSent) return;
      response.writeHead(status, {
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        "Content-Length": Buffer.byteLength(text),
        ...everyAnswer,
        ...headers,
      });
      response.end(text);
    };
    const drop = () => {
      entry.at = Date.now();
      requests.push(entry);
      request.socket.destroy();
    };

    // Read from the start, so that a request held up by a fault's delay is whole
    // even if its client gives up meanwhile: the work then still happens, as on a
    // real server that answers too late. Its 413 waits its turn (step 3).
    const bodyRead = readBody(request, maxBodyBytes);
    bodyRead.catch(() => undefined);

    try {
      // A test's own fault first: it was asked for this very request.
      const fault = faults.take(method, head.path) ?? chaos.requestFault(method, head.path);
      /** True when the fault answered (or dropped the connection) in the real answer's place. */
      const answerWith = async (fault: InjectedFault): Promise<boolean> => {
        if (fault.delayMs && !(await pause(fault.delayMs))) {
          request.socket.destroy();
          return true;
        }
        if (fault.drop) {
          drop();
          return true;
        }
        if (fault.status === undefined) return false;
        const made = typeof fault.body === "function" ? fault.body({ ...head, body: await bodyRead }) : fault.body;
        send(fault.status, made ?? definition.errorBody(fault.status, `Injected fault: HTTP ${fault.status}`), fault.headers);
        return true;
      };
      if (fault && !fault.afterServing && (await answerWith(fault))) return;

      everyAnswer = definition.rateLimit?.(head) ?? {};
      const full: EmulatorRequest = { ...head, body: await bodyRead };
      const principal = await definition.authenticate(full);
      const { route, params } = matchRoute(definition.routes, method, head.routePath, head.path);
      const body = parseBody(full);
      const run = () => route.handle({ params, body, query: head.query, headers: head.headers, principal, request: full });
      const serial = route.serial ?? !(method === "GET" || method === "HEAD");
      const result = serial ? await mutations.run(run) : await run();
      if (fault?.afterServing && (await answerWith(fault))) return;
      if (result instanceof Reply) send(result.status, result.body, result.headers);
      else send(200, result);
    } catch (error) {
      if (error instanceof EmulatorError) {
        send(error.status, definition.errorBody(error.status, error.message, error.details), error.headers);
      } else {
        send(500, definition.errorBody(500, `Internal error in the ${definition.name} sandbox: ${String(error)}`));
      }
    }
  }

  const listener: RequestListener = (request, response) => {
    handle(request, response).catch((error) => {
      // Only reached when errorBody itself fails: answer anyway, the test needs to see it.
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { "Content-Type": "text/plain" });
        response.end(`${definition.name} sandbox failed to render an error: ${String(error)}`);
      }
    });
  };
  const server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}${basePath}`,
    port,
    requests,
    ...chaosControls(chaos),
    injectFault(fault) {
      faults.add(fault);
    },
    clearFaults() {
      faults.clear();
    },
    async close() {
      closed = true;
      requestLog.close();
      for (const wake of [...sleepers]) wake();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopped;
    },
  };
}
