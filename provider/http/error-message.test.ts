// Error bodies whose message is not a string: the ApiError must still come out, of the right
// class, and a 5xx must still be retried.
import { describe, expect, it } from "vitest";
import type { HttpClientOptions } from "./client";
import { apiErrorMessage } from "./error-message";
import { ApiError, BadRequestError, ConflictError, NotFoundError, ServerError, UnauthorizedError } from "./errors";
import { secrets, SecretRedactor } from "./redact";
import { bearer, failure, useTestServers } from "../../test/support/http-client-fixtures";
import { sendJson } from "../../test/support/http-test-server";

const { serve, clientFor } = useTestServers({ apiName: "WisPanel", basePath: "/api", authorize: bearer("wsp_test_token_0123456789") });

// The hook a backend writes for its API's usual shape, trusting the body's types.
const trustingHook: HttpClientOptions["errorMessage"] = (_status, body) => {
  const b = body as any;
  return b?.error?.message ?? b?.message ?? b?.errors?.[0]?.detail ?? b?.error;
};

const cases: Array<[status: number, body: unknown, errorClass: typeof ApiError]> = [
  [400, { error: { message: { code: 1 } } }, BadRequestError],
  [404, { message: 42 }, NotFoundError],
  [422, { errors: [{ detail: null }] }, BadRequestError],
  [409, { error: true }, ConflictError],
  [401, { errors: [{ detail: ["a", "b"] }], message: { text: "no" } }, UnauthorizedError],
];

describe("error bodies whose message is not a string", () => {
  for (const [hookName, hook] of [
    ["a hook that trusts the body's types", trustingHook],
    ["no hook", undefined],
  ] as const) {
    it.each(cases)(`give the ApiError for %i %j with ${hookName}`, async (status, body, errorClass) => {
      const server = await serve((_req, res) => sendJson(res, status, body));
      const err = await failure(clientFor(server, { errorMessage: hook }).post("/things", {}));
      expect(err).toBeInstanceOf(errorClass);
      const apiError = err as ApiError;
      expect(apiError.status).toBe(status);
      // The body itself, short, as the best hint there is.
      expect(apiError.apiMessage).toBe(JSON.stringify(body));
      expect(apiError.message).toMatch(new RegExp(`^WisPanel API POST /api/things failed with ${status} [A-Za-z ]+: \\{`));
    });
  }

  it("retries a 503 whose message is an object, then succeeds", async () => {
    const server = await serve((_req, res, i) =>
      i < 2 ? sendJson(res, 503, { error: { message: { code: 1 } } }) : sendJson(res, 200, { ok: true }),
    );
    const logs: string[] = [];
    const response = await clientFor(server, { errorMessage: trustingHook }).get("/servers", {}, { log: (m) => logs.push(m) });
    expect(response.body).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    expect(logs[0]).toMatch(
      /^WisPanel API GET \/api\/servers failed with 503 Service Unavailable: \{"error":\{"message":\{"code":1\}\}\}; retrying in \d+ms \(retry 1 of 4\)$/,
    );
  });

  it("gives up on a 503 with such a body with a ServerError", async () => {
    const server = await serve((_req, res) => sendJson(res, 503, { message: 42 }));
    const err = await failure(clientFor(server, { errorMessage: trustingHook, maxRetries: 2 }).get("/servers"));
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it("masks secrets in the body's JSON and cuts it short", async () => {
    const secret = "json-rendered-Secret-0123456789";
    secrets.add(secret);
    const body = { error: { message: { code: 1 }, echoed: secret, padding: "x".repeat(1000) } };
    const server = await serve((_req, res) => sendJson(res, 400, body));
    const err = (await failure(clientFor(server, { errorMessage: trustingHook }).post("/things", {}))) as ApiError;
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.apiMessage).toMatch(/^\{"error":\{"message":\{"code":1\},"echoed":"\*\*\*","padding":"x+…$/);
    expect(err.apiMessage!.length).toBeLessThanOrEqual(200);
    expect(err.message).not.toContain("json-rendered");
  });

  it("keeps a string message as it was and says nothing for an empty body", () => {
    const none = new SecretRedactor();
    expect(apiErrorMessage(400, { error: { message: "bad name" } }, trustingHook, none)).toBe("bad name");
    expect(apiErrorMessage(400, { message: 42, detail: "the detail" }, trustingHook, none)).toBe("the detail");
    expect(apiErrorMessage(400, "plain text", undefined, none)).toBe("plain text");
    expect(apiErrorMessage(500, undefined, trustingHook, none)).toBeUndefined();
    expect(apiErrorMessage(500, {}, undefined, none)).toBeUndefined();
  });

  it("falls back when a hook throws or returns a blank string", () => {
    const none = new SecretRedactor();
    const throwing = () => {
      throw new TypeError("no");
    };
    expect(apiErrorMessage(400, { message: "from the body" }, throwing, none)).toBe("from the body");
    expect(apiErrorMessage(400, { message: "from the body" }, () => "  ", none)).toBe("from the body");
    expect(apiErrorMessage(400, { code: 7 }, () => 7 as unknown as string, none)).toBe('{"code":7}');
  });
});
