// Retries, deadlines, timeouts, cancellation and transport failures of HttpClient.
import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  CancelledError,
  DeadlineExceededError,
  NetworkError,
  RateLimitedError,
  RequestTimeoutError,
  ServerError,
} from "./errors";
import { errorFieldMessage, failure, useTestServers } from "../../test/support/http-client-fixtures";
import { closedPort, sendJson } from "../../test/support/http-test-server";

const { serve, clientFor } = useTestServers({ errorMessage: errorFieldMessage });

describe("retries", () => {
  it("retries a GET on 503 and then succeeds, logging each retry", async () => {
    const server = await serve((_req, res, i) => (i < 2 ? sendJson(res, 503, { error: { message: "busy" } }) : sendJson(res, 200, { ok: true })));
    const logs: string[] = [];
    const response = await clientFor(server).get("/servers", {}, { log: (m) => logs.push(m) });
    expect(response.body).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^ServerPilot API GET \/v1\/servers failed with 503 Service Unavailable: busy; retrying in \d+ms \(retry 1 of 4\)$/);
  });

  it("re-runs authorize on every attempt", async () => {
    const server = await serve((_req, res, i) => (i < 2 ? sendJson(res, 502) : sendJson(res, 200, {})));
    let n = 0;
    const client = clientFor(server, {
      authorize: ({ headers }) => {
        headers.authorization = `hmac k:sig:${++n}:0`;
      },
    });
    await client.get("/x");
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["hmac k:sig:1:0", "hmac k:sig:2:0", "hmac k:sig:3:0"]);
  });

  it("gives up after maxRetries with the last error", async () => {
    const server = await serve((_req, res) => sendJson(res, 500, { error: { message: "boom" } }));
    const err = await failure(clientFor(server, { maxRetries: 2 }).get("/x"));
    expect(err).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a POST on 500, nor a GET on 400", async () => {
    const server = await serve((req, res) => sendJson(res, req.method === "POST" ? 500 : 400, {}));
    const client = clientFor(server);
    expect(await failure(client.post("/apps", {}))).toBeInstanceOf(ServerError);
    expect(await failure(client.get("/apps"))).toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a POST on 429, honouring Retry-After in seconds", async () => {
    const server = await serve((_req, res, i) =>
      i === 0 ? sendJson(res, 429, { error: { message: "slow down" } }, { "retry-after": "1" }) : sendJson(res, 201, { id: 1 }),
    );
    const logs: string[] = [];
    const started = Date.now();
    const response = await clientFor(server).post("/apps", { name: "x" }, {}, { log: (m) => logs.push(m) });
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests.map((r) => r.body)).toEqual(['{"name":"x"}', '{"name":"x"}']);
    expect(logs).toEqual(["rate limited by ServerPilot on POST /v1/apps, retrying in 1s"]);
  });

  it("does not count 429s against maxRetries", async () => {
    const server = await serve((_req, res, i) => {
      if (i < 6) return sendJson(res, 429, {});
      if (i === 6) return sendJson(res, 503, {});
      sendJson(res, 200, { ok: true });
    });
    const response = await clientFor(server, { maxRetries: 1 }).get("/x");
    expect(response.body).toEqual({ ok: true });
    expect(server.requests).toHaveLength(8);
  });

  it("bounds 429s without a deadline by maxRetryWaitMs", async () => {
    const server = await serve((_req, res) => sendJson(res, 429, {}, { "retry-after": "2" }));
    const err = await failure(clientFor(server, { maxRetryWaitMs: 1000 }).get("/x"));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(2000);
    expect(server.requests).toHaveLength(1);
  });

  it("reads X-RateLimit-Reset on a 429 as seconds from now or as a Unix timestamp", async () => {
    const inAMinute = Math.floor(Date.now() / 1000) + 60;
    const server = await serve((_req, res, i) =>
      sendJson(res, 429, {}, { "x-ratelimit-reset": i === 0 ? "30" : String(inAMinute) }),
    );
    // A client remembers a 429's wait for all its requests, so each reading needs its own.
    const ctx = () => ({ deadline: Date.now() + 5000 });
    const seconds = (await failure(clientFor(server).get("/x", {}, ctx()))) as DeadlineExceededError;
    expect(seconds).toBeInstanceOf(DeadlineExceededError);
    expect(seconds.message).toContain("the next retry was due in 30s, after the deadline");
    expect(seconds.lastError).toBeInstanceOf(RateLimitedError);
    const timestamp = (await failure(clientFor(server).get("/x", {}, ctx()))) as DeadlineExceededError;
    expect(timestamp.message, timestamp.message).toMatch(/because the next retry was due in (59s|1m00s|1m01s), after the deadline/);
  });

  it("ignores X-RateLimit-Reset on a 503, where it is not a wait instruction", async () => {
    const server = await serve((_req, res, i) => (i === 0 ? sendJson(res, 503, {}, { "x-ratelimit-reset": "3600" }) : sendJson(res, 200, {})));
    const started = Date.now();
    await clientFor(server).get("/x");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("stops retrying at the deadline with a message naming the request and the last error", async () => {
    const server = await serve((_req, res) => sendJson(res, 503, { error: { message: "maintenance" } }));
    const started = Date.now();
    const err = await failure(
      clientFor(server, { backoff: { baseMs: 100, maxMs: 100 }, maxRetries: 100 }).get("/apps", {}, { deadline: Date.now() + 300 }),
    );
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(Date.now() - started).toBeLessThan(600);
    expect(err.message).toMatch(
      /^Timed out waiting for ServerPilot API GET \/v1\/apps: gave up after \d+ms (because the next retry was due in \d+ms, after the deadline|when the deadline passed|because the deadline passed while the request was in flight); last error: ServerPilot API GET \/v1\/apps failed with 503 Service Unavailable: maintenance$/,
    );
  });

  it("cuts an in-flight request at the deadline as a deadline, not a request timeout", async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 3000);
    });
    const started = Date.now();
    const err = await failure(clientFor(server).get("/slow", {}, { deadline: Date.now() + 150 }));
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("timeouts, cancellation and network errors", () => {
  it("aborts an in-flight slow request promptly on cancel", async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 5000);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort("engine cancel"), 50);
    const started = Date.now();
    const err = await failure(clientFor(server).get("/slow", {}, { signal: controller.signal }));
    expect(err).toBeInstanceOf(CancelledError);
    expect(err.message).toBe("ServerPilot API GET /v1/slow was cancelled: engine cancel");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("sends nothing when cancelled while authorize is awaited, even over a connection already open", async () => {
    const server = await serve((_req, res) => sendJson(res, 201, {}));
    const controller = new AbortController();
    let signing = false;
    const client = clientFor(server, {
      authorize: async () => {
        if (!signing) return;
        controller.abort("engine cancel");
        await new Promise((resolve) => setTimeout(resolve, 10));
      },
    });
    await client.get("/warm");
    signing = true;
    const err = await failure(client.post("/databases", { name: "db" }, {}, { signal: controller.signal }));
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).mayHaveArrived).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/warm"]);
  });

  it("aborts during a backoff sleep", async () => {
    const server = await serve((_req, res) => sendJson(res, 429, {}, { "retry-after": "30" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await failure(clientFor(server).get("/x", {}, { signal: controller.signal }));
    expect(err).toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("times out a slow attempt, retries a GET but not a POST", async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 2000);
    });
    const client = clientFor(server, { requestTimeoutMs: 100, maxRetries: 1 });
    const started = Date.now();
    const err = await failure(client.get("/slow"));
    expect(err).toBeInstanceOf(RequestTimeoutError);
    expect(err.message).toBe("ServerPilot API GET /v1/slow timed out: no complete answer within 100ms");
    expect(server.requests).toHaveLength(2);
    expect(await failure(client.post("/slow", {}))).toBeInstanceOf(RequestTimeoutError);
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("maps refused connections to NetworkError and retries them even for a POST", async () => {
    const port = await closedPort();
    const logs: string[] = [];
    const err = await failure(clientFor(`http://127.0.0.1:${port}`, { maxRetries: 2 }).post("/apps", {}, {}, { log: (m) => logs.push(m) }));
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).code).toBe("ECONNREFUSED");
    expect(err.message).toBe("ServerPilot API POST /v1/apps failed: connection refused (ECONNREFUSED)");
    expect(logs).toHaveLength(2);
  });

  it("retries a GET whose connection is reset, but not a POST that may have been processed", async () => {
    const server = await serve((req, res, i) => {
      if (i === 0 || req.method === "POST") res.socket?.destroy();
      else sendJson(res, 200, { ok: true });
    });
    const client = clientFor(server);
    expect((await client.get("/x")).body).toEqual({ ok: true });
    const err = await failure(client.post("/x", {}));
    expect(err).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(3);
  });
});
