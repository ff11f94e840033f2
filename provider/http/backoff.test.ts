import { describe, expect, it } from "vitest";
import { backoffDelay, retryAfterMs, sleep } from "./backoff";
import { CancelledError } from "./errors";

describe("backoffDelay", () => {
  it("doubles the ceiling per attempt up to maxMs, with full jitter below it", () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => backoffDelay(a, { baseMs: 500, maxMs: 10_000, random: top }))).toEqual([
      499, 999, 1999, 3999, 7999, 9999, 9999,
    ]);
    expect(backoffDelay(3, { baseMs: 500, maxMs: 10_000, random: () => 0 })).toBe(0);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(2, { baseMs: 100, maxMs: 1000 });
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(400);
    }
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");

  it("reads Retry-After in seconds", () => {
    expect(retryAfterMs({ "retry-after": "5" }, now)).toBe(5000);
    expect(retryAfterMs({ "Retry-After": " 0 " }, now)).toBe(0);
  });

  it("reads Retry-After as an HTTP date, never negative", () => {
    expect(retryAfterMs({ "retry-after": "Wed, 01 Jan 2025 00:00:07 GMT" }, now)).toBe(7000);
    expect(retryAfterMs({ "retry-after": "Tue, 31 Dec 2024 23:59:00 GMT" }, now)).toBe(0);
  });

  it("reads X-RateLimit-Reset as seconds from now when small (reseller API)", () => {
    expect(retryAfterMs({ "X-RateLimit-Reset": "12" }, now)).toBe(12_000);
  });

  it("reads X-RateLimit-Reset as a Unix timestamp when large (WisPanel), never negative", () => {
    expect(retryAfterMs({ "x-ratelimit-reset": String(now / 1000 + 30) }, now)).toBe(30_000);
    expect(retryAfterMs({ "x-ratelimit-reset": String(now / 1000 - 30) }, now)).toBe(0);
  });

  it("reads a Unix timestamp in milliseconds, and takes a reset over a day away for no reset at all", () => {
    expect(retryAfterMs({ "x-ratelimit-reset": String(now + 30_000) }, now)).toBe(30_000);
    expect(retryAfterMs({ "x-ratelimit-reset": String(now / 1000 + 2 * 86_400) }, now)).toBeUndefined();
    expect(retryAfterMs({ "x-ratelimit-reset": String(80_000) }, now)).toBe(80_000_000);
    expect(retryAfterMs({ "x-ratelimit-reset": String(now * 1000) }, now)).toBeUndefined();
  });

  it("prefers Retry-After, falls back past an unreadable one, and ignores garbage", () => {
    expect(retryAfterMs({ "retry-after": "2", "x-ratelimit-reset": "60" }, now)).toBe(2000);
    expect(retryAfterMs({ "retry-after": "soon", "x-ratelimit-reset": "60" }, now)).toBe(60_000);
    expect(retryAfterMs({ "x-ratelimit-reset": "-5" }, now)).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
    expect(retryAfterMs({ "retry-after": ["3", "9"] }, now)).toBe(3000);
  });
});

describe("sleep", () => {
  it("waits", async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("rejects with CancelledError as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await expect(sleep(10_000, controller.signal, "waiting for a retry")).rejects.toThrow(
      new CancelledError("waiting for a retry"),
    );
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("rejects at once when already aborted", async () => {
    await expect(sleep(10_000, AbortSignal.abort())).rejects.toBeInstanceOf(CancelledError);
  });
});
