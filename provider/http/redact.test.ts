import { describe, expect, it } from "vitest";
import { SecretRedactor } from "./redact";

describe("SecretRedactor", () => {
  it("masks registered secrets, longest first, and their URL-encoded and base64 forms", () => {
    const r = new SecretRedactor();
    r.add("abcd1234");
    r.add("abcd1234-and-more");
    r.add("p@ss word/1");
    const text = "key=abcd1234-and-more k2=abcd1234 q=p%40ss%20word%2F1 raw=p@ss word/1 b64=" + Buffer.from("abcd1234").toString("base64");
    expect(r.scrub(text)).toBe("key=*** k2=*** q=*** raw=*** b64=***");
  });

  it("ignores values shorter than 4 characters and undefined", () => {
    const r = new SecretRedactor();
    r.add("ab1");
    r.add(undefined);
    r.add("");
    expect(r.scrub("ab1 is fine")).toBe("ab1 is fine");
  });

  it("masks authorization headers and scheme tokens it was never told about", () => {
    const r = new SecretRedactor();
    expect(r.scrub("Authorization: hmac key:c2lnbmF0dXJl:nonce:1700000000")).toBe("Authorization: ***");
    expect(r.scrub('{"authorization":"Bearer eyJhbGciOi.x.y","other":1}')).toBe('{"authorization":"***","other":1}');
    expect(r.scrub("sent Bearer dop_v1_abcdef0123 to the API")).toBe("sent Bearer *** to the API");
    expect(r.scrub("header Basic dXNlcjpwYXNzd29yZA==")).toBe("header Basic ***");
    expect(r.scrub("got hmac mykey:sig+/=:n:1")).toBe("got hmac ***");
  });

  it("leaves prose that merely uses the scheme words readable", () => {
    const r = new SecretRedactor();
    const prose = "Basic authentication failed; the bearer must present a token; hmac mismatch";
    expect(r.scrub(prose)).toBe(prose);
  });
});
