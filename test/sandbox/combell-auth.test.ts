// The Combell sandbox's HMAC check: it must accept exactly what the official
// client (combell/combell-api's HmacHandler.php) signs, and refuse the rest with
// the API's 401, or a provider with a broken signature would pass its tests.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { combellSignature, combellSigningString, startCombellSandbox, type CombellSandbox } from "./combell";
import { combellClient, signedAuthorization, type Answer, type Call } from "./combell-test-client";

function expect401(answer: Answer, text: RegExp): void {
  expect(answer.status, answer.text).toBe(401);
  expect(Object.keys(answer.body).sort()).toEqual(["error_code", "error_text"]);
  expect(answer.body.error_code).toBe("unauthorized");
  expect(answer.body.error_text).toMatch(text);
}

describe("Combell sandbox authentication", () => {
  let sandbox: CombellSandbox;
  let api: Call;

  beforeAll(async () => {
    sandbox = await startCombellSandbox({ apiKey: "key-1234", apiSecret: "s3cr3t-value" });
    api = combellClient(sandbox);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it("accepts a correctly signed request, with and without a query and a body", async () => {
    expect((await api("GET", "/servicepacks")).status).toBe(200);
    expect((await api("GET", "/accounts?skip=0&take=5&identifier=a%20b.example.com")).status).toBe(200);
    const created = await api("POST", "/accounts", { identifier: "signed.example.com", servicepack_id: 3003 });
    expect(created.status, created.text).toBe(202);
  });

  it("signs paths with characters PHP's urlencode escapes (+ @ :) as they are sent", async () => {
    const mailbox = await api("GET", "/mailboxes/first+tag@nowhere.be");
    expect(mailbox.status, mailbox.text).toBe(404);
    const key = await api("DELETE", "/linuxhostings/nowhere.be/ssh/keys/2d:82:77:d2:be:27:4c:e3:f4:e7:1e:69:5e:2d:ad:45");
    expect(key.status, key.text).toBe(404);
  });

  it("accepts a header built by hand from the documented steps", async () => {
    const time = Math.floor(Date.now() / 1000);
    const value = combellSigningString({ apiKey: "key-1234", method: "GET", pathAndQuery: "/v2/domains?take=3", unixSeconds: time, nonce: "hand-made-1" });
    const authorization = `hmac key-1234:${combellSignature("s3cr3t-value", value)}:hand-made-1:${time}`;
    expect((await api("GET", "/domains?take=3", undefined, { authorization })).status).toBe(200);
  });

  it("refuses a missing or garbled header", async () => {
    expect401(await api("GET", "/servicepacks", undefined, { authorization: null }), /Missing Authorization/);
    expect401(await api("GET", "/servicepacks", undefined, { authorization: "Bearer abc" }), /Malformed/);
    expect401(await api("GET", "/servicepacks", undefined, { authorization: "hmac key-1234:sig:nonce" }), /Malformed/);
    expect401(await api("GET", "/servicepacks", undefined, { authorization: "hmac key-1234:c2ln:nonce:soon" }), /Malformed/);
  });

  it("refuses an unknown key, even with a signature made with the right secret", async () => {
    expect401(await api("GET", "/servicepacks", undefined, { apiKey: "other-key" }), /Unknown API key/);
  });

  it("refuses a wrong signature: another secret, another path, a changed body, a lowercased path", async () => {
    expect401(await api("GET", "/servicepacks", undefined, { apiSecret: "wrong" }), /Invalid signature/);
    const time = Math.floor(Date.now() / 1000);
    const forOtherPath = signedAuthorization(sandbox, "GET", "/v2/domains", "", "n-other-path", time);
    expect401(await api("GET", "/servicepacks", undefined, { authorization: forOtherPath }), /Invalid signature/);
    const forOtherBody = signedAuthorization(sandbox, "POST", "/v2/accounts", '{"identifier":"a.example.com","servicepack_id":3003}', "n-body", time);
    expect401(
      await api("POST", "/accounts", undefined, { authorization: forOtherBody, rawBody: '{"identifier":"b.example.com","servicepack_id":3003}' }),
      /Invalid signature/,
    );
    // Signed without the body part although the request has one.
    const withoutBody = signedAuthorization(sandbox, "POST", "/v2/accounts", "", "n-nobody", time);
    expect401(await api("POST", "/accounts", undefined, { authorization: withoutBody, rawBody: "{}" }), /Invalid signature/);
    // The official client signs the path as sent; a lowercased copy of an upper-case path does not match.
    const lowered = signedAuthorization(sandbox, "GET", "/v2/domains/example.com", "", "n-case", time);
    expect401(await api("GET", "/domains/EXAMPLE.com", undefined, { authorization: lowered }), /Invalid signature/);
  });

  it("shows the string it signed, so a client can find its mistake, without the secret", async () => {
    const answer = await api("GET", "/servicepacks?take=2", undefined, { apiSecret: "wrong", nonce: "show-me" });
    expect(answer.body.error_text).toContain("key-1234get%2Fv2%2Fservicepacks%3Ftake%3D2");
    expect(answer.text).not.toContain("s3cr3t-value");
  });

  it("refuses a time more than five minutes off, either way, and accepts one just inside", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect401(await api("GET", "/servicepacks", undefined, { unixSeconds: now - 302 }), /seconds away from the server time/);
    expect401(await api("GET", "/servicepacks", undefined, { unixSeconds: now + 302 }), /seconds away/);
    expect((await api("GET", "/servicepacks", undefined, { unixSeconds: now - 290 })).status).toBe(200);
  });

  it("refuses a nonce already used, even with a new timestamp and signature", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await api("GET", "/servicepacks", undefined, { nonce: "once-only" })).status).toBe(200);
    expect401(await api("GET", "/servicepacks", undefined, { nonce: "once-only" }), /already used/);
    expect401(await api("GET", "/domains", undefined, { nonce: "once-only", unixSeconds: now - 10 }), /already used/);
  });

  it("checks auth before routing: a stranger gets 401 for unknown routes too", async () => {
    expect401(await api("GET", "/no-such-route", undefined, { authorization: null }), /Missing/);
    const known = await api("GET", "/no-such-route");
    expect(known.status).toBe(404);
    expect(known.body).toEqual({ error_code: "not_found", error_text: expect.stringContaining("/v2/no-such-route") });
  });
});

describe("Combell sandbox clock", () => {
  it("checks signature times against the clock option", async () => {
    let now = Date.UTC(2030, 0, 1);
    const own = await startCombellSandbox({ clock: () => now });
    try {
      const api = combellClient(own, () => now);
      expect((await api("GET", "/servicepacks")).status).toBe(200);
      const real = combellClient(own);
      expect((await real("GET", "/servicepacks")).status).toBe(401);
      now += 3600_000;
      expect((await api("GET", "/servicepacks")).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
