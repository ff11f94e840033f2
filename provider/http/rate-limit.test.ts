import { describe, expect, it } from "vitest";
import { CancelledError, DeadlineExceededError } from "./errors";
import { failure, useTestServers } from "../../test/support/http-client-fixtures";
import { sendJson, type Handler } from "../../test/support/http-test-server";

const { serve, clientFor } = useTestServers({ apiName: "Combell", basePath: "/v2", authorize: () => {}, closeClients: true });

/** Fixed windows like the reseller API's: Reset in whole seconds, rounded up; a 429 past the limit. */
function windowedApi(limit: number, windowMs: number) {
  const opened = Date.now();
  const counts = new Map<number, number>();
  const statuses: number[] = [];
  const times: number[] = [];
  const handler: Handler = (_req, res) => {
    const now = Date.now();
    const window = Math.floor((now - opened) / windowMs);
    const used = (counts.get(window) ?? 0) + 1;
    counts.set(window, used);
    const reset = String(Math.ceil((opened + (window + 1) * windowMs - now) / 1000));
    const headers = { "X-RateLimit-Limit": String(limit), "X-RateLimit-Remaining": String(Math.max(0, limit - used)), "X-RateLimit-Reset": reset };
    const status = used > limit ? 429 : 200;
    statuses.push(status);
    times.push(now);
    sendJson(res, status, status === 429 ? { error: "rate limited" } : { ok: true }, status === 429 ? { ...headers, "Retry-After": reset } : headers);
  };
  return { handler, statuses, times };
}

describe("following the server's rate limit headers", () => {
  it("sends 30 requests through a limit of 10 per 2s window without a 429", async () => {
    const api = windowedApi(10, 2000);
    const server = await serve(api.handler);
    const client = clientFor(server);
    const logs: string[] = [];
    const started = Date.now();
    await Promise.all(Array.from({ length: 30 }, (_, i) => client.get(`/accounts/${i}`, {}, { log: (m) => logs.push(m) })));
    const elapsed = Date.now() - started;
    console.log(`30 requests, 10 per 2s window: ${elapsed}ms`);
    expect(api.statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(api.statuses).toHaveLength(30);
    // Three windows: the first at once, the next two each after a reset.
    expect(elapsed).toBeGreaterThanOrEqual(3900);
    expect(elapsed).toBeLessThan(6500);
    expect(logs.some((l) => /^waiting (\d+ms|[\d.]+s) for the Combell rate limit \(10 requests per 2s\)$/.test(l))).toBe(true);
  });

  it("waits for the reset when the server says none remain, with any header case", async () => {
    const server = await serve((_req, res, i) =>
      sendJson(res, 200, {}, i === 0 ? { "x-ratelimit-remaining": "0", "X-RATELIMIT-RESET": "1" } : {}),
    );
    const client = clientFor(server);
    await client.get("/a");
    const started = Date.now();
    await client.get("/b");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("reads a reset given as a Unix timestamp", async () => {
    const server = await serve((_req, res, i) =>
      sendJson(res, 200, {}, i === 0 ? { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Date.now() / 1000 + 0.8) } : {}),
    );
    const client = clientFor(server);
    await client.get("/a");
    const started = Date.now();
    await client.get("/b");
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("lets a 429's Retry-After hold back the client's other requests", async () => {
    const arrivals: number[] = [];
    const server = await serve((_req, res, i) => {
      arrivals.push(Date.now());
      if (i === 0) sendJson(res, 429, {}, { "retry-after": "1" });
      else sendJson(res, 200, {});
    });
    const client = clientFor(server);
    const first = client.get("/a");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.get("/b");
    await first;
    expect(server.requests.map((r) => r.url)).toEqual(["/v2/a", "/v2/b", "/v2/a"]);
    // /b never saw a 429 itself, yet waited out the one /a was given.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
  });
});

describe("a configured rate", () => {
  it("spaces requests by requestsPerMinute after the burst", async () => {
    const times: number[] = [];
    const server = await serve((_req, res) => {
      times.push(Date.now());
      sendJson(res, 200, {});
    });
    const client = clientFor(server, { rateLimit: { requestsPerMinute: 600, burst: 2 } });
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, (_, i) => client.get(`/x/${i}`)));
    const elapsed = Date.now() - started;
    console.log(`6 requests at 600 a minute, burst 2: ${elapsed}ms`);
    // Two at once (the second after the first answer, as nothing is known before it), then
    // 100ms apart. The server shares this process, so a busy event loop may bunch arrivals late,
    // never early: each comes no sooner than its slot, less the time in transit.
    const spaced = times.slice(2);
    spaced.forEach((t, i) => expect(t - spaced[0]!).toBeGreaterThanOrEqual(i * 100 - 40));
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1000);
  });

  it("follows the server's Limit when it is lower than the configured rate", async () => {
    const times: number[] = [];
    const server = await serve((_req, res) => {
      times.push(Date.now());
      sendJson(res, 200, {}, { "X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "100", "X-RateLimit-Reset": "60" });
    });
    const logs: string[] = [];
    const client = clientFor(server, { rateLimit: { requestsPerMinute: 6000 } });
    await client.get("/learn");
    await Promise.all(Array.from({ length: 4 }, (_, i) => client.get(`/x/${i}`, {}, { log: (m) => logs.push(m) })));
    const gaps = times.slice(2).map((t, i) => t - times[i + 1]!);
    // 120 a minute: one every 500ms, not the configured 10ms.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(440);
    expect(logs.length).toBeGreaterThanOrEqual(1);
    // The fourth waits up to 2 s (four slots of 500 ms after the first request), less what has passed.
    for (const line of logs) expect(line).toMatch(/^waiting (1|1\.\d|2)s for the Combell rate limit \(120 requests a minute\)$/);
  });

  it("stops waiting at once on cancel, and says why it was waiting", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const client = clientFor(server, { rateLimit: { requestsPerMinute: 30 } });
    await client.get("/first");
    const controller = new AbortController();
    const logs: string[] = [];
    setTimeout(() => controller.abort("engine cancel"), 50);
    const started = Date.now();
    const err = await failure(client.get("/second", {}, { signal: controller.signal, log: (m) => logs.push(m) }));
    expect(err).toBeInstanceOf(CancelledError);
    expect(err.message).toBe("Combell API GET /v2/second was cancelled: engine cancel");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(logs).toEqual([expect.stringMatching(/^waiting 2s for the Combell rate limit \(30 requests a minute\)$/)]);
    expect(server.requests).toHaveLength(1);
  });

  it("gives up at once when the next slot comes after the deadline", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const client = clientFor(server, { rateLimit: { requestsPerMinute: 30 } });
    await client.get("/first");
    const started = Date.now();
    const err = await failure(client.get("/second", {}, { deadline: Date.now() + 300 }));
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(err.message).toMatch(
      /^Timed out waiting for Combell API GET \/v2\/second: gave up after \d+ms because the Combell rate limit \(30 requests a minute\) lets no request go for another 2s, past the deadline$/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("gives up as soon as the queue ahead cannot clear before the deadline", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const client = clientFor(server, { rateLimit: { requestsPerMinute: 120 } });
    await client.get("/first");
    const queued = [client.get("/second"), client.get("/third")];
    const started = Date.now();
    const err = await failure(client.get("/fourth", {}, { deadline: Date.now() + 700 }));
    expect(err).toBeInstanceOf(DeadlineExceededError);
    // Once /second has gone, nothing goes for 500ms, and /third is still ahead.
    expect(err.message).toMatch(/because the Combell rate limit \(120 requests a minute\) lets no request go for another \d+ms, past the deadline$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(Date.now() - started).toBeLessThan(700);
    await Promise.all(queued);
    expect(server.requests.map((r) => r.url)).toEqual(["/v2/first", "/v2/second", "/v2/third"]);
  });

  it("gives up at the deadline while the first answer that tells the limit is still out", async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => sendJson(res, 200, {}), 600);
    });
    const client = clientFor(server);
    const slow = client.get("/slow");
    const started = Date.now();
    const err = await failure(client.get("/second", {}, { deadline: Date.now() + 200 }));
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(err.message).toMatch(
      /^Timed out waiting for Combell API GET \/v2\/second: gave up after \d+ms because it was still waiting for the Combell rate limit \(finding out the limit from the first answer\)$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(400);
    await slow;
    expect(server.requests).toHaveLength(1);
  });

  it("fails the requests still waiting when the client is closed", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const client = clientFor(server, { rateLimit: { requestsPerMinute: 6 } });
    await client.get("/first");
    const waiting = failure(client.get("/second"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.close();
    const err = await waiting;
    expect(err).toBeInstanceOf(CancelledError);
    expect(err.message).toBe("Combell API GET /v2/second was cancelled: the client was closed");
  });
});

describe("a documented rate", () => {
  it("spaces requests while the server reports no limit", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const client = clientFor(server, { rateLimit: { documentedPerMinute: 600 } });
    const started = Date.now();
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.get(`/a/${i}`)));
    // One every 100 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it("gives way to the server's own shorter window once it reports one, still without a 429", async () => {
    const api = windowedApi(10, 1000);
    const server = await serve(api.handler);
    // Followed alone, 6 a minute would take three minutes for these.
    const client = clientFor(server, { rateLimit: { documentedPerMinute: 6 } });
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.get(`/a/${i}`)));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(api.statuses.filter((s) => s === 429)).toHaveLength(0);
  });

  it("sends a burst at once while the server's window has room for it", async () => {
    const api = windowedApi(10, 60_000);
    const server = await serve(api.handler);
    const client = clientFor(server, { rateLimit: { documentedPerMinute: 6 } });
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.get(`/a/${i}`)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(api.statuses).toEqual(Array(10).fill(200));
  });
});
