import { afterEach } from "vitest";
import { HttpClient, type HttpClientOptions } from "../../provider/http/client";
import type { ErrorMessageHook } from "../../provider/http/error-message";
import { startServer, type Handler, type TestServer } from "./http-test-server";

/** HttpClients for the HTTP layer's tests, against the real servers of ./http-test-server. */

export interface TestClientOptions extends Partial<HttpClientOptions> {
  /** Appended to the server's origin when no baseUrl is given. Default "/v1". */
  basePath?: string;
}

export interface TestServersOptions extends TestClientOptions {
  /** Also close, after each test, every client `clientFor` made (before the servers). */
  closeClients?: boolean;
}

/** An authorize hook that sends `Authorization: Bearer <token>`. */
export function bearer(token: string): HttpClientOptions["authorize"] {
  return ({ headers }) => {
    headers.authorization = `Bearer ${token}`;
  };
}

/** The hook of an API that answers errors with `{ error: { message } }`. */
export const errorFieldMessage: ErrorMessageHook = (_status, body) =>
  (body as { error?: { message?: string } } | undefined)?.error?.message;

/**
 * A client of `server` (a TestServer, or an origin such as a closed port's): ServerPilot-like
 * names, a bearer token, backoff of a few milliseconds, no error-message hook; `options` win.
 */
export function testClient(server: TestServer | string, options: TestClientOptions = {}): HttpClient {
  const { basePath = "/v1", ...rest } = options;
  const origin = typeof server === "string" ? server : server.origin;
  return new HttpClient({
    apiName: "ServerPilot",
    baseUrl: `${origin}${basePath}`,
    authorize: bearer("test-token-123456"),
    backoff: { baseMs: 1, maxMs: 5 },
    ...rest,
  });
}

export interface TestServers {
  /** Starts a server that is closed after the test. */
  serve(handler: Handler): Promise<TestServer>;
  /** `testClient` with this file's defaults, then the call's `options`. */
  clientFor(server: TestServer | string, options?: TestClientOptions): HttpClient;
}

/** Call once at the top of a test file: registers the afterEach that closes what the tests opened. */
export function useTestServers(defaults: TestServersOptions = {}): TestServers {
  const { closeClients = false, ...clientDefaults } = defaults;
  const servers: TestServer[] = [];
  const clients: HttpClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    async serve(handler) {
      const server = await startServer(handler);
      servers.push(server);
      return server;
    },
    clientFor(server, options = {}) {
      const client = testClient(server, { ...clientDefaults, ...options });
      if (closeClients) clients.push(client);
      return client;
    },
  };
}

/** What `promise` rejects with; throws if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a failure");
}
