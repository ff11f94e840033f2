import { describe, expect, it } from "vitest";
import {
  ApiError,
  apiErrorFor,
  CancelledError,
  DeadlineExceededError,
  isNotFound,
  NetworkError,
  NotFoundError,
  ServerError,
} from "./errors";
import { secrets } from "./redact";

describe("error messages", () => {
  it("keep a multi-line API message on one line and cut a huge one", () => {
    const err = apiErrorFor({ apiName: "WisPanel", status: 500, method: "GET", path: "/api/x", apiMessage: "a\n  b\n" + "x".repeat(2000) });
    expect(err).toBeInstanceOf(ServerError);
    expect(err.message).not.toContain("\n");
    expect(err.message.length).toBeLessThan(700);
  });

  it("pass through the process-wide redactor", () => {
    secrets.add("wsp_live_secretkey");
    const err = new ApiError({ apiName: "WisPanel", status: 401, method: "GET", path: "/api/me?key=wsp_live_secretkey", apiMessage: "bad key wsp_live_secretkey" });
    expect(err.message).toBe("WisPanel API GET /api/me?key=*** failed with 401 Unauthorized: bad key ***");
    expect(err.path).toBe("/api/me?key=***");
  });

  it("say what timed out, how long it waited, and what was last seen", () => {
    const last = new ServerError({ apiName: "Combell", status: 503, method: "GET", path: "/v2/accounts" });
    const err = new DeadlineExceededError({ what: "Combell provisioning job 42", elapsedMs: 125_000, lastStatus: "ongoing", lastError: last });
    expect(err.message).toBe(
      "Timed out waiting for Combell provisioning job 42: gave up after 2m05s when the deadline passed; last status: ongoing; last error: Combell API GET /v2/accounts failed with 503 Service Unavailable",
    );
    expect(err.lastError).toBe(last);
  });

  it("name the cancelled operation and the reason", () => {
    expect(new CancelledError("waiting for job 7", "engine cancel").message).toBe("Waiting for job 7 was cancelled: engine cancel");
    expect(new CancelledError().message).toBe("Operation was cancelled");
  });

  it("describe network failures with their code", () => {
    const err = new NetworkError({ apiName: "DBaaS", method: "POST", path: "/v2/databases", code: "ECONNRESET" });
    expect(err.message).toBe("DBaaS API POST /v2/databases failed: connection reset by the server (ECONNRESET)");
    expect(err.requestNotSent).toBe(false);
  });

  it("isNotFound is true for 404 and 410 only", () => {
    expect(isNotFound(apiErrorFor({ apiName: "A", status: 410, method: "GET", path: "/" }))).toBe(true);
    expect(apiErrorFor({ apiName: "A", status: 404, method: "GET", path: "/" })).toBeInstanceOf(NotFoundError);
    expect(isNotFound(apiErrorFor({ apiName: "A", status: 400, method: "GET", path: "/" }))).toBe(false);
    expect(isNotFound(new Error("404"))).toBe(false);
  });
});

describe("an ApiError given a message that is not a string", () => {
  it("is still built, without the message", () => {
    const err = apiErrorFor({ apiName: "A", status: 503, method: "GET", path: "/x", apiMessage: { code: 1 } as unknown as string });
    expect(err).toBeInstanceOf(ServerError);
    expect(err.message).toBe("A API GET /x failed with 503 Service Unavailable");
    expect(err.apiMessage).toBeUndefined();
  });
});
