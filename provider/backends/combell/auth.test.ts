import { describe, expect, it } from "vitest";
import { authorizationHeader, hmacAuthorizer, phpUrlEncode, signingString } from "./auth";
import { useTestServers } from "../../../test/support/http-client-fixtures";
import { sendJson } from "../../../test/support/http-test-server";
import { combellClientFor, COMBELL_KEY, fixedSources } from "../../../test/support/combell-client";

// The expected values were computed outside this code, with openssl:
//   printf '%s' "$BODY" | openssl dgst -md5 -binary | base64
//   printf '%s' "$SIGNING_STRING" | openssl dgst -sha256 -hmac demo-secret -binary | base64
const credentials = { apiKey: "demo-key", apiSecret: "demo-secret" };
const time = 1_700_000_000;
const nonce = "nonce-5f3c9e2a";
const body = '{"type":"A","record_name":"www","content":"192.0.2.10"}';
const request = { method: "POST", pathAndQuery: "/v2/dns/example.com/records?type=A&record_name=www~1", body };

describe("the reseller API's HMAC signature", () => {
  it("percent-encodes as PHP's urlencode: uppercase hex, / ? = & ~ * ! ' ( ) encoded, a space as +", () => {
    expect(phpUrlEncode("/v2/accounts?skip=0&take=25")).toBe("%2Fv2%2Faccounts%3Fskip%3D0%26take%3D25");
    expect(phpUrlEncode("a b*~!'()-_.")).toBe("a+b%2A%7E%21%27%28%29-_.");
    expect(phpUrlEncode("/v2/dns/ex%20ample.be")).toBe("%2Fv2%2Fdns%2Fex%2520ample.be");
    expect(phpUrlEncode("é")).toBe("%C3%A9");
  });

  it("signs apikey, lowercased method, encoded path and query, time, nonce and base64(md5(body))", () => {
    expect(signingString(credentials.apiKey, request, time, nonce)).toBe(
      "demo-keypost%2Fv2%2Fdns%2Fexample.com%2Frecords%3Ftype%3DA%26record_name%3Dwww%7E11700000000nonce-5f3c9e2agJ53GZ7SPffL710Do2o/Xg==",
    );
    expect(authorizationHeader(credentials, request, time, nonce)).toBe(
      "hmac demo-key:ZxOMiX6jBqE6zIOmDGTybnDcIV6LKWeyeXdx6SCvcCM=:nonce-5f3c9e2a:1700000000",
    );
  });

  it("leaves the body part out when there is no body", () => {
    const get = { method: "GET", pathAndQuery: "/v2/accounts?skip=0&take=25", body: undefined };
    expect(signingString(credentials.apiKey, get, time, nonce)).toBe("demo-keyget%2Fv2%2Faccounts%3Fskip%3D0%26take%3D251700000000nonce-5f3c9e2a");
    expect(authorizationHeader(credentials, get, time, nonce)).toBe(
      "hmac demo-key:13Se8sQZXGpDi82TvIWpEUZoIdUQX1s5bEYVFYbutRo=:nonce-5f3c9e2a:1700000000",
    );
    expect(signingString(credentials.apiKey, { ...get, body: "" }, time, nonce)).toBe(signingString(credentials.apiKey, get, time, nonce));
  });

  it("signs from /v2 when the endpoint has a path of its own (a proxy's)", () => {
    const headers: Record<string, string> = {};
    hmacAuthorizer(credentials, "/combell", fixedSources(time, nonce))({ method: "GET", pathAndQuery: "/combell/v2/accounts?skip=0&take=25", body: undefined, headers });
    expect(headers.authorization).toBe("hmac demo-key:13Se8sQZXGpDi82TvIWpEUZoIdUQX1s5bEYVFYbutRo=:nonce-5f3c9e2a:1700000000");
  });
});

describe("the signature on the wire", () => {
  const { serve } = useTestServers({ closeClients: true });

  it("is sent on every request, with a fresh nonce and the time on every attempt, retries included", async () => {
    const server = await serve((_req, res, i) => (i === 0 ? sendJson(res, 503, { message: "busy" }) : sendJson(res, 200, [])));
    await combellClientFor(server).listServicepacks({});
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests.map((r) => String(r.headers.authorization));
    for (const header of [first, second]) {
      const [scheme, params] = header.split(" ");
      expect(scheme).toBe("hmac");
      const [key, signature, nonceSent, timeSent] = params.split(":");
      expect(key).toBe(COMBELL_KEY);
      expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(Number(timeSent)).toBeCloseTo(Date.now() / 1000, -1);
      expect(nonceSent).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(first.split(":")[2]).not.toBe(second.split(":")[2]);
    expect(server.requests[0].url).toBe("/v2/servicepacks?skip=0&take=25");
  });
});
