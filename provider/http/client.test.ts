import type { Socket } from "node:net";
import { Agent } from "undici";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  isNotFound,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
} from "./errors";
import { secrets } from "./redact";
import { errorFieldMessage, failure, useTestServers } from "../../test/support/http-client-fixtures";
import { sendJson } from "../../test/support/http-test-server";

const { serve, clientFor } = useTestServers({ errorMessage: errorFieldMessage });

describe("requests and responses", () => {
  it("sends JSON with accept, content-type, user agent and auth, to the base path", async () => {
    const server = await serve((_req, res) => sendJson(res, 201, { data: { id: "a1" } }));
    const seen: unknown[] = [];
    const client = clientFor(server, {
      authorize: (request) => {
        seen.push({ ...request, headers: { ...request.headers } });
        request.headers.authorization = "Bearer abcdefgh1234";
      },
    });
    const response = await client.post("/apps", { name: "blog" }, { query: { page: 2, q: "a b", skip: undefined, on: true } });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ data: { id: "a1" } });
    expect(response.headers["content-type"]).toBe("application/json");
    const received = server.requests[0]!;
    expect(received.method).toBe("POST");
    expect(received.url).toBe("/v1/apps?page=2&q=a%20b&on=true");
    expect(received.body).toBe('{"name":"blog"}');
    expect(received.headers["content-type"]).toBe("application/json");
    expect(received.headers.accept).toBe("application/json");
    expect(received.headers["user-agent"]).toMatch(/^pulumi-hosting\/\d+\.\d+\.\d+/);
    expect(received.headers.authorization).toBe("Bearer abcdefgh1234");
    expect(seen[0]).toMatchObject({ method: "POST", pathAndQuery: "/v1/apps?page=2&q=a%20b&on=true", body: '{"name":"blog"}' });
  });

  it("tolerates empty bodies on 204, 200 and 202 and returns the request id", async () => {
    const server = await serve((_req, res, i) => {
      if (i === 0) sendJson(res, 204);
      else if (i === 1) sendJson(res, 200, undefined, { "x-request-id": "r-200" });
      else sendJson(res, 202, undefined, { location: "/v2/provisioningjobs/7", "retry-after": "5" });
    });
    const client = clientFor(server);
    expect((await client.delete("/apps/1")).body).toBeUndefined();
    const ok = await client.get("/apps/1");
    expect(ok.body).toBeUndefined();
    expect(ok.requestId).toBe("r-200");
    const accepted = await client.post("/apps", {});
    expect(accepted.status).toBe(202);
    expect(accepted.headers.location).toBe("/v2/provisioningjobs/7");
  });

  it("follows an absolute URL on the same origin but refuses another origin", async () => {
    const server = await serve((req, res) => sendJson(res, 200, { url: req.url }));
    const client = clientFor(server);
    expect((await client.get(`${server.origin}/v2/provisioningjobs/7`)).body).toEqual({ url: "/v2/provisioningjobs/7" });
    const err = await failure(client.get("http://example.invalid/steal"));
    expect(err.message).toContain("refusing");
    expect(server.requests).toHaveLength(1);
  });

  it("answers expect404 with status 404 for 404 and 410 instead of throwing", async () => {
    const server = await serve((_req, res, i) => sendJson(res, i === 0 ? 404 : 410, { error: { message: "gone" } }));
    const client = clientFor(server);
    expect((await client.get("/apps/x", { expect404: true })).status).toBe(404);
    expect((await client.get("/apps/x", { expect404: true })).status).toBe(404);
  });
});

describe("errors by status", () => {
  const cases: Array<[number, new (...args: never[]) => ApiError]> = [
    [400, BadRequestError],
    [422, BadRequestError],
    [401, UnauthorizedError],
    [402, ForbiddenError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [410, NotFoundError],
    [409, ConflictError],
    [429, RateLimitedError],
    [500, ServerError],
    [418, ApiError],
  ];

  it.each(cases)("%i becomes %o with status, path, request id and API message", async (status, type) => {
    const server = await serve((_req, res) =>
      sendJson(res, status, { error: { message: "App name already exists" } }, { "x-request-id": "abc" }),
    );
    // POST so that neither 429 nor 500 is retried at length here.
    const client = clientFor(server, { maxRetryWaitMs: 0 });
    const err = await failure(client.post("/apps", { name: "blog" }));
    expect(err).toBeInstanceOf(type);
    const apiError = err as ApiError;
    expect(apiError.status).toBe(status);
    expect(apiError.method).toBe("POST");
    expect(apiError.path).toBe("/v1/apps");
    expect(apiError.requestId).toBe("abc");
    expect(apiError.apiMessage).toBe("App name already exists");
    expect(isNotFound(err)).toBe(status === 404 || status === 410);
  });

  it("reads one line like the API's own error", async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 409, { error: { message: "App name already exists" } }, { "X-Request-Id": "abc" }),
    );
    const err = await failure(clientFor(server).post("/apps", { name: "blog" }));
    expect(err.message).toBe("ServerPilot API POST /v1/apps failed with 409 Conflict: App name already exists (request id abc)");
  });

  it("takes the request id from request-id and x-correlation-id too", async () => {
    const server = await serve((_req, res, i) =>
      sendJson(res, 400, {}, i === 0 ? { "request-id": "r1" } : { "x-correlation-id": "c2" }),
    );
    const client = clientFor(server);
    expect(((await failure(client.get("/a"))) as ApiError).requestId).toBe("r1");
    expect(((await failure(client.get("/a"))) as ApiError).requestId).toBe("c2");
  });

  it("falls back to common error shapes and to non-JSON bodies", async () => {
    const bodies = [
      () => ({ json: { errors: [{ code: "ValidationException", status: "422", detail: "The database field is required." }] } }),
      () => ({ json: { error: "database not found" } }),
      () => ({ text: "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>" }),
      () => ({ text: "" }),
    ];
    const server = await serve((_req, res, i) => {
      const b = bodies[i]!();
      if ("json" in b) return sendJson(res, 400, b.json);
      res.writeHead(400, { "content-type": "text/html" });
      res.end(b.text);
    });
    const client = clientFor(server, { errorMessage: undefined });
    expect((await failure(client.get("/a"))).message).toContain(": The database field is required.");
    expect((await failure(client.get("/a"))).message).toContain(": database not found");
    expect((await failure(client.get("/a"))).message).toContain(": 502 Bad Gateway nginx");
    expect((await failure(client.get("/a"))).message).toBe("ServerPilot API GET /v1/a failed with 400 Bad Request");
  });

  it("reads only the start of a huge error page: the error comes at once, and the rest is never downloaded", async () => {
    const page = `<html><body><h1>502 Bad Gateway</h1>${"<p>upstream unavailable</p>".repeat(1_500_000)}</body></html>`;
    let sentWhole = false;
    const server = await serve((_req, res, i) => {
      if (i > 0) return sendJson(res, 200, { ok: true });
      res.on("finish", () => (sentWhole = true));
      res.writeHead(400, { "content-type": "text/html" });
      res.end(page);
    });
    const client = clientFor(server, { errorMessage: undefined });
    const started = performance.now();
    const err = await failure(client.get("/a"));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(err.message).toMatch(/^ServerPilot API GET \/v1\/a failed with 400 Bad Request: 502 Bad Gateway upstream unavailable upstream unavailable .*…$/);
    expect(err.message.length).toBeLessThan(700);
    expect(sentWhole).toBe(false);
    // The client goes on over a new connection.
    expect((await client.get("/b")).body).toEqual({ ok: true });
  });

  it("refuses a path longer than servers accept before sending it, in a short message", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const started = performance.now();
    const err = await failure(clientFor(server).get(`/databases/${"x".repeat(100_000)}`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err.message).toMatch(/^ServerPilot API request to \/v1\/databases\/x+… not sent: its path and query would be 100014 characters, more than the 8192 servers accept/);
    expect(err.message.length).toBeLessThan(300);
    expect(server.requests).toHaveLength(0);
  });

  it("keeps the original error when the message hook throws on an unexpected body", async () => {
    const server = await serve((_req, res) => sendJson(res, 400, { message: "plain" }));
    const client = clientFor(server, {
      errorMessage: () => {
        throw new Error("hook bug");
      },
    });
    expect((await failure(client.get("/a"))).message).toContain(": plain");
  });
});

describe("unauthorizedHint", () => {
  it("follows the API's message on a 401, and stands alone when the API says nothing", async () => {
    const server = await serve((_req, res, i) =>
      i === 0 ? sendJson(res, 401, { error: { message: "invalid API key" } }, { "x-request-id": "r1" }) : sendJson(res, 401),
    );
    const client = clientFor(server, { unauthorizedHint: "check hosting:serverpilotApiKey or SERVERPILOT_API_KEY" });
    const err = (await failure(client.get("/servers"))) as UnauthorizedError;
    expect(err.message).toBe(
      "ServerPilot API GET /v1/servers failed with 401 Unauthorized: invalid API key; check hosting:serverpilotApiKey or SERVERPILOT_API_KEY (request id r1)",
    );
    expect(err.apiMessage).toBe("invalid API key");
    expect(err.hint).toBe("check hosting:serverpilotApiKey or SERVERPILOT_API_KEY");
    expect((await failure(client.get("/servers"))).message).toBe(
      "ServerPilot API GET /v1/servers failed with 401 Unauthorized: check hosting:serverpilotApiKey or SERVERPILOT_API_KEY",
    );
  });

  it("survives an API message long enough to be cut, and stays off other statuses", async () => {
    const server = await serve((_req, res, i) => sendJson(res, i === 0 ? 401 : 403, { error: { message: "x".repeat(2000) } }));
    const client = clientFor(server, { unauthorizedHint: "check hosting:apiKey" });
    expect((await failure(client.get("/a"))).message).toMatch(/x…; check hosting:apiKey$/);
    expect((await failure(client.get("/a"))).message).not.toContain("check hosting:apiKey");
  });
});

describe("redaction", () => {
  it("masks credentials, auth headers and registered secrets echoed in an error", async () => {
    const server = await serve((req, res) =>
      sendJson(res, 400, {
        error: { message: `bad request; you sent authorization=${req.headers.authorization} and body ${req.body}` },
      }),
    );
    secrets.add("hunter2-db-password");
    const client = clientFor(server, {
      credentials: ["cid-12345", "apikey-SECRET-value"],
      authorize: ({ headers }) => {
        headers.authorization = `Basic ${Buffer.from("cid-12345:apikey-SECRET-value").toString("base64")}`;
      },
    });
    const err = await failure(client.post("/dbs", { user: { password: "hunter2-db-password" }, key: "apikey-SECRET-value" }));
    expect(err.message).not.toContain("apikey-SECRET-value");
    expect(err.message).not.toContain("hunter2-db-password");
    expect(err.message).not.toContain(Buffer.from("cid-12345:apikey-SECRET-value").toString("base64"));
    expect(err.message).toContain("***");
    expect((err as ApiError).apiMessage).not.toContain("hunter2");
  });

  it("masks a per-request HMAC signature the API echoes without its scheme", async () => {
    const server = await serve((req, res) => {
      const [, signature] = String(req.headers.authorization).split(":");
      sendJson(res, 401, { message: `signature ${signature} does not match` });
    });
    const client = clientFor(server, {
      authorize: ({ headers }) => {
        headers.authorization = `hmac key1:${Buffer.from(`sig-${Math.random()}-xxxxxxxx`).toString("base64")}:nonce1:1700000000`;
      },
    });
    const err = await failure(client.get("/accounts"));
    expect(err).toBeInstanceOf(UnauthorizedError);
    expect(err.message).toContain("signature *** does not match");
  });
});

describe("connections", () => {
  it("keeps each client's connections to itself and closes them on close()", async () => {
    const clientsBySocket = new Map<Socket, Set<string>>();
    const server = await serve((req, res) => {
      const socket = res.socket!;
      if (!clientsBySocket.has(socket)) clientsBySocket.set(socket, new Set());
      clientsBySocket.get(socket)!.add(String(req.headers["x-client"]));
      sendJson(res, 200, {});
    });
    const named = (name: string) =>
      clientFor(server, {
        authorize: ({ headers }) => {
          headers["x-client"] = name;
        },
      });
    const first = named("first");
    const second = named("second");
    for (const path of ["/a", "/b", "/c"]) {
      await first.get(path);
      await second.get(path);
    }
    expect([...clientsBySocket.values()].map((clients) => clients.size)).toEqual([...clientsBySocket.keys()].map(() => 1));
    const closed = [...clientsBySocket.keys()].map((socket) => new Promise<void>((resolve) => socket.once("close", () => resolve())));
    await Promise.all([first.close(), second.close()]);
    await Promise.all(closed);
  });

  it("leaves a dispatcher it was given open", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const agent = new Agent();
    try {
      await clientFor(server, { dispatcher: agent }).close();
      expect(agent.closed).toBe(false);
      expect((await clientFor(server, { dispatcher: agent }).get("/a")).body).toEqual({ ok: true });
    } finally {
      await agent.close();
    }
  });
});
