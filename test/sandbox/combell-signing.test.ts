// The reseller API's signing string, as the official client (combell/combell-api's
// HmacHandler.php) builds it: hand-computed examples, and PHP's urlencode.
import { describe, it, expect } from "vitest";
import { combellSignature, combellSigningString, phpUrlEncode } from "./combell-auth";
import { phpUrlencodeForTests } from "./combell-test-client";

describe("Combell signing string", () => {
  it("matches a hand-computed example without a body (query included, / ? = & encoded in upper case)", () => {
    const input = {
      apiKey: "xyz",
      method: "GET",
      pathAndQuery: "/v2/dns/example.com/records?type=A&record_name=www",
      unixSeconds: 1700000000,
      nonce: "5f3a9c",
    };
    const expected = "xyzget%2Fv2%2Fdns%2Fexample.com%2Frecords%3Ftype%3DA%26record_name%3Dwww17000000005f3a9c";
    expect(combellSigningString(input)).toBe(expected);
    // HMAC-SHA256 with secret "abc", base64; computed apart with Python's hmac module.
    expect(combellSignature("abc", expected)).toBe("CS0pQAs7jGBOdABXnEMvU5lytdhPdm0CNVoeVTrJL00=");
  });

  it("appends base64(md5(body)) only for a non-empty body", () => {
    const body = '{"identifier":"example.com","servicepack_id":3001}';
    const input = { apiKey: "xyz", method: "post", pathAndQuery: "/v2/accounts", unixSeconds: 1700000000, nonce: "n0nce" };
    expect(combellSigningString({ ...input, body })).toBe("xyzpost%2Fv2%2Faccounts1700000000n0ncezatJErR3hw8GaIImHGLHdg==");
    expect(combellSignature("abc", combellSigningString({ ...input, body }))).toBe("MVbGHsEgLvWEaEJ/o6eg+zp6Skqqs2imfXRAaQoNgFM=");
    expect(combellSigningString({ ...input, body: "" })).toBe("xyzpost%2Fv2%2Faccounts1700000000n0nce");
  });

  it("urlencodes as PHP does: space as +, ~ * ! ' ( ) @ : % + encoded, UTF-8 bytes, upper-case hex", () => {
    const text = "/v2/a b~c*!'()/é?x=1&y=%41:@+-_.";
    const expected = "%2Fv2%2Fa+b%7Ec%2A%21%27%28%29%2F%C3%A9%3Fx%3D1%26y%3D%2541%3A%40%2B-_.";
    expect(phpUrlEncode(text)).toBe(expected);
    expect(phpUrlencodeForTests(text)).toBe(expected);
  });
});
