import { afterEach, describe, expect, it, vi } from "vitest";
import { configureRequestLog, logExchange, MAX_LOGGED_BODY_CHARS } from "./request-log";
import { requestLogSettings } from "../server/request-logging";

afterEach(() => configureRequestLog({}));

/** What one exchange writes to stderr under these settings. */
function stderrOf(exchange: Parameters<typeof logExchange>[0]): string {
  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  try {
    logExchange(exchange, {});
  } finally {
    spy.mockRestore();
  }
  return written.join("");
}

const exchange = {
  apiName: "DBaaS",
  method: "GET",
  url: new URL("https://user:pw-in-url@dbaas.example.com/api/v1/databases/7/credentials"),
  outcome: 200,
  durationMs: 42,
  requestId: "req-1",
  responseBody: { username: "app_owner_4d1", password: "generated-pass-91f", connection_string: "postgres://app:x@h/db", port: 5432, note: "x".repeat(3000) },
};

describe("the request log", () => {
  it("writes nothing unless the verbosity or PULUMI_HOSTING_DEBUG asks for it", () => {
    configureRequestLog(requestLogSettings(4, {}));
    expect(stderrOf(exchange)).toBe("");
  });

  it("from -v=5 writes the request line only: no user info in the URL, status, duration, request id", () => {
    configureRequestLog(requestLogSettings(5, {}));
    expect(stderrOf(exchange)).toBe("hosting http: DBaaS GET https://dbaas.example.com/api/v1/databases/7/credentials -> 200 OK in 42ms (request id req-1)\n");
  });

  it("from -v=9 adds the bodies, cut to a sane size, with the values of secret keys masked: the generic ones and those the declarations mark secret", () => {
    configureRequestLog(requestLogSettings(9, {}));
    const text = stderrOf(exchange);
    expect(text).toContain('answer body: {"username":"***","password":"***","connection_string":"***","port":"***","note":"xxx');
    expect(text).toMatch(new RegExp(`… \\(\\d{4} characters\\)\\n$`));
    expect(text.split("\n")[1]!.length).toBeLessThan(MAX_LOGGED_BODY_CHARS + 100);
    for (const value of ["pw-in-url", "app_owner_4d1", "generated-pass-91f", "postgres://"]) expect(text).not.toContain(value);
  });

  it("PULUMI_HOSTING_DEBUG=1 sends the lines with bodies to the operation's debug log, not to stderr", () => {
    configureRequestLog(requestLogSettings(0, { PULUMI_HOSTING_DEBUG: "1" }));
    const debug: string[] = [];
    const spy = vi.spyOn(process.stderr, "write");
    logExchange({ ...exchange, outcome: "connection refused" }, { debug: (m) => debug.push(m) });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatch(/^DBaaS GET https:\/\/dbaas\.example\.com\/api\/v1\/databases\/7\/credentials -> failed: connection refused in 42ms \(request id req-1\)\n  answer body: /);
  });
});
