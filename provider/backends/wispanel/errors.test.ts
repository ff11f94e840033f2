import { describe, expect, it } from "vitest";
import { apiErrorFor } from "../../http/errors";
import { InputError } from "../../kit/errors";
import { validateCaCertificate } from "../../kit/ca-certificate";
import { apiBaseUrl, validateApiToken } from "./api";
import { DATABASE_FIELDS } from "./client";
import { inputErrorOf, wispanelErrorMessage } from "./errors";

const refusal = (status: number, body: unknown) =>
  apiErrorFor({ apiName: "WisPanel", status, method: "POST", path: "/api/v1/databases", apiMessage: wispanelErrorMessage(status, body) });

describe("WisPanel's two error shapes", () => {
  it("reads the newer {success, code, error, message, status}", () => {
    const body = { success: false, code: "VALIDATION_ERROR", error: "Invalid database name", message: "Invalid database name", status: 400 };
    expect(wispanelErrorMessage(400, body)).toBe("Invalid database name (VALIDATION_ERROR)");
  });

  it("reads the older {error: {code, message, details}} with its fields", () => {
    const body = { error: { code: "VALIDATION_ERROR", message: "The given data was invalid.", details: { name: ["The name may only contain letters."], remote_host: ["Bad host."] } } };
    expect(wispanelErrorMessage(422, body)).toBe("The given data was invalid. (VALIDATION_ERROR); name: The name may only contain letters.; remote_host: Bad host.");
  });

  it("turns a refusal into errors on the inputs it names, by field or by its words", () => {
    const older = inputErrorOf(refusal(422, { error: { code: "VALIDATION_ERROR", message: "Invalid.", details: { remote_host: ["Bad host."] } } }), DATABASE_FIELDS);
    expect(older).toBeInstanceOf(InputError);
    expect((older as InputError).failures).toEqual([{ property: "remoteHost", reason: "WisPanel refused it (422): remote_host: Bad host." }]);
    const conflict = inputErrorOf(refusal(409, { success: false, code: "CONFLICT", error: "Database already exists", status: 409 }), DATABASE_FIELDS);
    expect((conflict as InputError).failures).toEqual([{ property: "name", reason: "WisPanel refused it (409): Database already exists (CONFLICT)" }]);
    const other = refusal(500, { success: false, code: "INTERNAL", error: "boom", status: 500 });
    expect(inputErrorOf(other, DATABASE_FIELDS)).toBe(other);
  });
});

describe("configuration", () => {
  it("adds /api/v1 to the panel's address, once", () => {
    expect(apiBaseUrl("https://panel.example.com:2083")).toBe("https://panel.example.com:2083/api/v1");
    expect(apiBaseUrl("https://panel.example.com:2083/api/v1/")).toBe("https://panel.example.com:2083/api/v1");
    expect(apiBaseUrl("https://example.com/panel/")).toBe("https://example.com/panel/api/v1");
  });

  it("takes only wsp_ keys and certificates that parse, without echoing them", () => {
    expect(validateApiToken("wsp_56be4cb59e73761bed78686b6c0b37f3bebd929439c20d7d")).toBeUndefined();
    expect(validateApiToken("e24ff6f1754c2d9a")).toMatch(/starts with wsp_/);
    expect(validateApiToken("e24ff6f1754c2d9a")).not.toContain("e24ff6f1754c2d9a");
    expect(validateCaCertificate("not a pem")).toMatch(/must be a PEM certificate/);
    expect(validateCaCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toMatch(/not a valid X\.509/);
  });
});
