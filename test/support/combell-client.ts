import { HttpClient } from "../../provider/http/client";
import { combellApi } from "../../provider/backends/combell/api";
import type { SignatureSources } from "../../provider/backends/combell/auth";
import type { CombellClient } from "../../provider/backends/combell/client";
import type { TestServer } from "./http-test-server";

/** Credentials the Combell unit tests sign with. */
export const COMBELL_KEY = "test-api-key";
export const COMBELL_SECRET = "test-api-secret-0123456789";

/**
 * The backend's own client, connected as the kit connects it (api.ts), to a test server, with a
 * backoff of milliseconds so retries do not slow the tests.
 */
export function combellClientFor(server: TestServer | string, clients: HttpClient[] = []): CombellClient {
  const origin = typeof server === "string" ? server : server.origin;
  return combellApi.connect(
    { apiKey: COMBELL_KEY, apiSecret: COMBELL_SECRET, endpoint: origin },
    {
      http: (options) => {
        const http = new HttpClient({ ...options, apiName: "Combell", backoff: { baseMs: 1, maxMs: 5 } });
        clients.push(http);
        return http;
      },
    },
  );
}

/** A clock and nonce that never change, to pin a signature. */
export function fixedSources(unixSeconds: number, nonce: string): SignatureSources {
  return { unixSeconds: () => unixSeconds, nonce: () => nonce };
}
