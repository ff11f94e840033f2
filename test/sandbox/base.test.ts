// Tests of the sandbox base on its own, with a tiny fake API: what every
// emulator inherits must hold before any emulator is built on it.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EmulatorError,
  FixedWindowRateLimiter,
  reply,
  startEmulator,
  type Emulator,
  type EmulatorDefinition,
  type Route,
} from "./base";

const TOKEN = "fake-token";

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function call(emulator: Emulator, method: string, path: string, body?: string, token: string | null = TOKEN): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(emulator.url + path, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The fake API: Bearer auth, errors as {"problem": {...}}, a handful of routes. */
function fakeApi(extra: Partial<EmulatorDefinition<string>> = {}): EmulatorDefinition<string> {
  const log: string[] = [];
  const routes: Route<string>[] = [
    { method: "GET", pattern: /^\/things$/, handle: () => ({ things: [] }) },
    {
      method: "POST",
      pattern: /^\/things$/,
      handle: () => reply(202, undefined, { Location: "/api/jobs/job1", "Retry-After": "5" }),
    },
    {
      method: "GET",
      pattern: /^\/things\/([^/]+)$/,
      handle: ({ params }) => {
        throw new EmulatorError(404, `Thing ${params[0]} not found.`, { details: { id: params[0] } });
      },
    },
    {
      method: "POST",
      pattern: /^\/echo\/([^/]+)$/,
      handle: ({ params, body, query, principal }) => reply(201, { params, body, query, principal }),
    },
    {
      method: "GET",
      pattern: /^\/boom$/,
      handle: () => {
        throw new Error("kaput");
      },
    },
    {
      method: "POST",
      pattern: /^\/slow\/([^/]+)$/,
      handle: async ({ params }) => {
        log.push(`start ${params[0]}`);
        await sleep(50);
        log.push(`end ${params[0]}`);
        return { log: [...log] };
      },
    },
  ];
  return {
    name: "Fake",
    basePath: "/api/",
    authenticate(request) {
      const header = request.headers.authorization ?? "";
      if (header !== `Bearer ${TOKEN}`) {
        throw new EmulatorError(401, "Bad token.", { headers: { "WWW-Authenticate": "Bearer" } });
      }
      return "the-principal";
    },
    errorBody: (status, message, details) => ({ problem: { status, message, ...(details === undefined ? {} : { details }) } }),
    routes,
    ...extra,
  };
}

describe("sandbox base", () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator(fakeApi(), { maxBodyBytes: 1024 });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  describe("routing and protocol", () => {
    it("serves on loopback under the base path", () => {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
      expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}/api`);
    });

    it("answers 404 for an unknown route or a path outside the base path, in the API's shape", async () => {
      const unknown = await call(emulator, "GET", "/nothing");
      expect(unknown.status).toBe(404);
      expect(unknown.body.problem).toMatchObject({ status: 404, message: expect.stringContaining("/api/nothing") });
      const outside = await fetch(`http://127.0.0.1:${emulator.port}/things`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(outside.status).toBe(404);
      // A path that starts with "//" is still a path on this server.
      const doubled = await fetch(`http://127.0.0.1:${emulator.port}//api/things`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(doubled.status).toBe(404);
      expect(emulator.requests.at(-1)!.path).toBe("//api/things");
    });

    it("answers 405 with Allow for a known path and another method", async () => {
      const answer = await call(emulator, "DELETE", "/things");
      expect(answer.status).toBe(405);
      expect(answer.headers.get("allow")).toBe("GET, POST");
      expect(answer.body.problem.status).toBe(405);
    });

    it("authenticates before routing, with the definition's error and headers", async () => {
      const answer = await call(emulator, "GET", "/nothing", undefined, "wrong");
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toBe("Bearer");
      expect(answer.body).toEqual({ problem: { status: 401, message: "Bad token." } });
    });

    it("answers 413 for a body over the limit, declared or streamed", async () => {
      const declared = await call(emulator, "POST", "/echo/x", "x".repeat(2048));
      expect(declared.status).toBe(413);
      expect(declared.body.problem.status).toBe(413);
      // Chunked, so the limit is found while reading rather than from Content-Length.
      const streamed = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${emulator.url}/echo/x`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        for (let i = 0; i < 8; i++) req.write("y".repeat(512));
        req.end();
      });
      expect(streamed).toBe(413);
      expect((await call(emulator, "POST", "/echo/x", JSON.stringify({ fits: true }))).status).toBe(201);
    });

    it("hands the handler decoded params, the parsed body, the query and the principal", async () => {
      const answer = await call(emulator, "POST", "/echo/a%20b?skip=25&tag=x&tag=y", JSON.stringify({ n: 1 }));
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ params: ["a b"], body: { n: 1 }, query: { skip: "25", tag: ["x", "y"] }, principal: "the-principal" });
    });

    it("answers 400 in the API's shape for malformed JSON", async () => {
      const answer = await call(emulator, "POST", "/echo/x", '{"n": ');
      expect(answer.status).toBe(400);
      expect(answer.body.problem.message).toMatch(/Malformed JSON/);
    });

    it("answers a route's own status, headers and empty body (202 + Location + Retry-After)", async () => {
      const answer = await call(emulator, "POST", "/things", "");
      expect(answer.status).toBe(202);
      expect(answer.headers.get("location")).toBe("/api/jobs/job1");
      expect(answer.headers.get("retry-after")).toBe("5");
      expect(answer.headers.get("content-length")).toBe("0");
      expect(answer.body).toBeUndefined();
    });

    it("renders an EmulatorError with its details, and any other error as a 500 in the API's shape", async () => {
      const missing = await call(emulator, "GET", "/things/t1");
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ problem: { status: 404, message: "Thing t1 not found.", details: { id: "t1" } } });
      const boom = await call(emulator, "GET", "/boom");
      expect(boom.status).toBe(500);
      expect(boom.body.problem.message).toMatch(/Fake sandbox.*kaput/);
    });

    it("runs mutations one at a time", async () => {
      const [first, second] = await Promise.all([call(emulator, "POST", "/slow/1"), call(emulator, "POST", "/slow/2")]);
      const log: string[] = second.body.log.length > first.body.log.length ? second.body.log : first.body.log;
      const mine = log.filter((line) => / [12]$/.test(line));
      expect(mine).toHaveLength(4);
      // Each start is followed by its own end, never by the other's start.
      expect(mine[1]).toBe(mine[0].replace("start", "end"));
      expect(mine[3]).toBe(mine[2].replace("start", "end"));
    });

    it("logs every request: method, path without query, status, query and headers", async () => {
      const before = emulator.requests.length;
      await call(emulator, "GET", "/things?skip=5&take=10");
      await call(emulator, "GET", "/things", undefined, null);
      const served = emulator.requests.slice(before);
      expect(served).toEqual([
        expect.objectContaining({ method: "GET", path: "/api/things", status: 200, query: { skip: "5", take: "10" } }),
        expect.objectContaining({ method: "GET", path: "/api/things", status: 401, query: {} }),
      ]);
      expect(served[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(served[1].headers.authorization).toBeUndefined();
    });
  });

  describe("injected faults", () => {
    it("answers with the fault's status, before auth, the given number of times", async () => {
      emulator.injectFault({ method: "get", path: /^\/api\/things$/, status: 503, headers: { "Retry-After": "2" }, times: 2 });
      const stranger = await call(emulator, "GET", "/things", undefined, null);
      expect(stranger.status).toBe(503);
      expect(stranger.headers.get("retry-after")).toBe("2");
      expect(stranger.body).toEqual({ problem: { status: 503, message: "Injected fault: HTTP 503" } });
      expect((await call(emulator, "POST", "/things", "")).status).toBe(202);
      expect((await call(emulator, "GET", "/things")).status).toBe(503);
      expect((await call(emulator, "GET", "/things")).status).toBe(200);
    });

    it("serves a custom body", async () => {
      emulator.injectFault({ status: 500, body: { anything: "goes" } });
      expect((await call(emulator, "GET", "/things")).body).toEqual({ anything: "goes" });
    });

    it("makes its body from the request, to echo what was sent, before auth", async () => {
      emulator.injectFault({
        method: "POST",
        status: 400,
        body: (request) => ({ echoed: `${request.method} ${request.path}${request.rawQuery}: ${request.body.toString("utf8")}`, auth: request.headers.authorization ?? null }),
      });
      const echo = await call(emulator, "POST", "/echo/x?take=1", '{"password":"line1\\nline2"}', null);
      expect(echo.status).toBe(400);
      expect(echo.body).toEqual({ echoed: 'POST /api/echo/x?take=1: {"password":"line1\\nline2"}', auth: null });
    });

    it("answers slowly: a delay alone, then the usual answer; a delay with a status, then the fault", async () => {
      emulator.injectFault({ path: /\/things$/, delayMs: 200 });
      let started = Date.now();
      const slow = await call(emulator, "GET", "/things");
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(slow.status).toBe(200);

      emulator.injectFault({ path: /\/things$/, delayMs: 150, status: 504 });
      started = Date.now();
      expect((await call(emulator, "GET", "/things")).status).toBe(504);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it("lets a client time out on a delay, and still serves the request", async () => {
      emulator.injectFault({ method: "POST", path: /\/echo\//, delayMs: 300 });
      const before = emulator.requests.length;
      await expect(
        fetch(`${emulator.url}/echo/late`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(50) }),
      ).rejects.toThrow();
      await sleep(400);
      expect(emulator.requests.slice(before)).toEqual([expect.objectContaining({ path: "/api/echo/late", status: 201 })]);
    });

    it("drops the connection without an answer, logged with status 0", async () => {
      emulator.injectFault({ method: "GET", path: /\/things$/, drop: true });
      const before = emulator.requests.length;
      await expect(call(emulator, "GET", "/things")).rejects.toThrow();
      expect(emulator.requests.slice(before)).toEqual([expect.objectContaining({ method: "GET", path: "/api/things", status: 0 })]);
      expect((await call(emulator, "GET", "/things")).status).toBe(200);
    });

    it("drops after a delay", async () => {
      emulator.injectFault({ drop: true, delayMs: 100 });
      const started = Date.now();
      await expect(call(emulator, "GET", "/things")).rejects.toThrow();
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    });

    it("refuses a fault that would do nothing or two things", () => {
      expect(() => emulator.injectFault({})).toThrow(/status, drop/);
      expect(() => emulator.injectFault({ status: 500, drop: true })).toThrow(/not both/);
    });

    it("does not let a pending delay hold close() up", async () => {
      const own = await startEmulator(fakeApi());
      own.injectFault({ delayMs: 60_000 });
      const pending = call(own, "GET", "/things").catch((error: unknown) => error);
      await sleep(50);
      const started = Date.now();
      await own.close();
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(await pending).toBeInstanceOf(Error);
    });
  });

  describe("rate limit", () => {
    it("sends X-RateLimit-* on every answer and a 429 with Retry-After past the limit", async () => {
      const limiter = new FixedWindowRateLimiter({ limit: 3, windowMs: 1_000 });
      const limited = await startEmulator(fakeApi({ rateLimit: limiter.hook() }));
      try {
        const ok = await call(limited, "GET", "/things");
        expect(ok.status).toBe(200);
        expect(ok.headers.get("x-ratelimit-limit")).toBe("3");
        expect(ok.headers.get("x-ratelimit-remaining")).toBe("2");
        expect(ok.headers.get("x-ratelimit-reset")).toBe("1");
        const notFound = await call(limited, "GET", "/nothing");
        expect(notFound.status).toBe(404);
        expect(notFound.headers.get("x-ratelimit-remaining")).toBe("1");
        // Another token has its own window, and a 401 carries the headers too.
        const stranger = await call(limited, "GET", "/things", undefined, "other");
        expect(stranger.status).toBe(401);
        expect(stranger.headers.get("x-ratelimit-remaining")).toBe("2");

        expect((await call(limited, "GET", "/things")).headers.get("x-ratelimit-remaining")).toBe("0");
        const refused = await call(limited, "GET", "/things");
        expect(refused.status).toBe(429);
        expect(refused.headers.get("retry-after")).toBe("1");
        expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
        expect(refused.body.problem).toMatchObject({ status: 429, message: expect.stringMatching(/at most 3/) });

        await sleep(1_050);
        const fresh = await call(limited, "GET", "/things");
        expect(fresh.status).toBe(200);
        expect(fresh.headers.get("x-ratelimit-remaining")).toBe("2");
      } finally {
        await limited.close();
      }
    });

    it("gives X-RateLimit-Reset as seconds from now or as a Unix time", () => {
      let now = 1_700_000_000_000;
      const seconds = new FixedWindowRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
      const unix = new FixedWindowRateLimiter({ limit: 2, windowMs: 60_000, reset: "unix", now: () => now });
      expect(seconds.check("k")["X-RateLimit-Reset"]).toBe("60");
      expect(unix.check("k")["X-RateLimit-Reset"]).toBe(String(1_700_000_060));
      now += 20_500;
      expect(seconds.check("k")).toEqual({ "X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "40" });
      expect(unix.check("k")["X-RateLimit-Reset"]).toBe(String(1_700_000_060));
      let refusal: EmulatorError | undefined;
      try {
        seconds.check("k");
      } catch (error) {
        refusal = error as EmulatorError;
      }
      expect(refusal).toBeInstanceOf(EmulatorError);
      expect(refusal!.status).toBe(429);
      expect(refusal!.headers).toMatchObject({ "Retry-After": "40", "X-RateLimit-Remaining": "0" });
      // A new window begins once the old one has ended.
      now += 40_000;
      expect(seconds.check("k")).toMatchObject({ "X-RateLimit-Remaining": "1", "X-RateLimit-Reset": "60" });
    });
  });
});
