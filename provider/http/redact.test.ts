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

  it("masks a short secret standing apart, but not inside a longer word", () => {
    const r = new SecretRedactor();
    r.add("mail");
    expect(r.scrub('emailAddress "mail" rejected; password=mail, mail.')).toBe('emailAddress "***" rejected; password=***, ***.');
    expect(r.scrub("mailbox webmail")).toBe("mailbox webmail");
    r.add("Hunter2-long-enough");
    expect(r.scrub("xHunter2-long-enoughx")).toBe("x***x");
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

describe("SecretRedactor with transformed and cut secrets", () => {
  const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n\tBKcwggSjAgEAAoIBAQC7  xyz\n-----END PRIVATE KEY-----";

  it("masks a secret whose whitespace was squashed", () => {
    const r = new SecretRedactor();
    r.add(pem);
    const squashed = pem.replace(/\s+/g, " ");
    expect(r.scrub(`key was: ${squashed} (rejected)`)).toBe("key was: *** (rejected)");
  });

  it("masks a secret echoed inside a JSON string, also PHP-style", () => {
    const r = new SecretRedactor();
    r.add(pem);
    r.add("pa/ss\"wörd-1");
    expect(r.scrub(`body: {"key":${JSON.stringify(pem)}}`)).toBe('body: {"key":"***"}');
    expect(r.scrub('body: {"p":"pa\\/ss\\"w\\u00f6rd-1"}')).toBe('body: {"p":"***"}');
    expect(r.scrub("form: p=pa%2Fss%22w%C3%B6rd-1")).toBe("form: p=***");
  });

  it("masks the start of a secret cut at the end of a text or before an ellipsis", () => {
    const r = new SecretRedactor();
    const secret = "s3cr3t-0123456789-abcdefghijklmnop";
    r.add(secret);
    expect(r.scrub(`got ${secret.slice(0, 20)}... (truncated)`)).toBe("got ***... (truncated)");
    expect(r.scrub(`got ${secret.slice(0, 12)}… more`)).toBe("got ***… more");
    expect(r.scrub(`ends with ${secret.slice(0, 9)}`)).toBe("ends with ***");
  });

  it("masks the end of a secret an API cut from the left, after an ellipsis, or 12 characters or more anywhere", () => {
    const r = new SecretRedactor();
    const secret = "s3cr3t-0123456789-abcdefghijklmnop";
    r.add(secret);
    expect(r.scrub(`the code ending "...${secret.slice(-20)}" was refused`)).toBe('the code ending "...***" was refused');
    expect(r.scrub(`ends …${secret.slice(-9)} here`)).toBe("ends …*** here");
    expect(r.scrub(`${secret.slice(-12)} was the rest`)).toBe("*** was the rest");
    expect(r.scrub(`value ${secret.slice(-12)} too long`)).toBe("value *** too long");
    // Short ends stay: "mnop" at a cut, 11 characters in the middle of a text, a text (a
    // property path) that is only the last word of a secret.
    expect(r.scrub("got ...mnop")).toBe("got ...mnop");
    expect(r.scrub(secret.slice(-8))).toBe(secret.slice(-8));
    const p = new SecretRedactor();
    p.add("my-deploy-password");
    expect(p.scrub("password")).toBe("password");
    expect(p.scrub("password: cannot be removed")).toBe("password: cannot be removed");
    expect(r.scrub(`x ${secret.slice(-11)} y`)).toBe(`x ${secret.slice(-11)} y`);
  });

  it("masks the end of a secret with characters outside the BMP, and keeps one that only shares them", () => {
    const r = new SecretRedactor();
    r.add("key-🔑🔑-0123456789-end");
    expect(r.scrub("got ...🔑-0123456789-end")).toBe("got ...***");
    expect(r.scrub("🔑🔑 is just an emoji")).toBe("🔑🔑 is just an emoji");
  });

  it("leaves a fragment shorter than 8 characters at a cut, or shorter than 12 elsewhere, alone", () => {
    const r = new SecretRedactor();
    r.add("s3cr3t-0123456789-abcdefghijklmnop");
    expect(r.scrub("ends with s3cr3t-")).toBe("ends with s3cr3t-");
    expect(r.scrub("s3cr3t-0123 is a prefix in the middle")).toBe("s3cr3t-0123 is a prefix in the middle");
  });

  it("masks the start of a cut JSON-escaped secret", () => {
    const r = new SecretRedactor();
    r.add(pem);
    const escaped = JSON.stringify(pem).slice(1, -1);
    expect(r.scrub(`echo: ${escaped.slice(0, 40)}...`)).toBe("echo: ***...");
  });

  it("scrubs 1 MB with 100 secrets in linear time", () => {
    const r = new SecretRedactor();
    const registered: string[] = [];
    for (let i = 0; i < 100; i++) {
      const secret = `secret-${i}-${Buffer.from(String(i * 7919)).toString("hex")}-Zq9`;
      registered.push(secret);
      r.add(secret);
    }
    const words = "the quick brown fox jumps over the lazy dog secret- sec 0123 ";
    const textOf = (length: number) => {
      let text = "";
      while (text.length < length) text += words + registered[text.length % 100]!.slice(0, 12) + " ";
      return text + registered[42];
    };
    const text = textOf(1_000_000);
    const quarter = textOf(250_000);
    const timed = (input: string) => {
      const started = performance.now();
      const out = r.scrub(input);
      return { out, ms: performance.now() - started };
    };
    // The first run also builds the matcher and runs before the JIT has optimised the loop.
    const first = timed(text);
    const small = Math.min(timed(quarter).ms, timed(quarter).ms);
    const large = Math.min(timed(text).ms, timed(text).ms);
    console.log(`scrub of ${text.length} characters, 100 secrets: first ${first.ms.toFixed(1)}ms, then ${large.toFixed(1)}ms; a quarter of it ${small.toFixed(1)}ms`);
    expect(first.out.endsWith(" ***")).toBe(true);
    expect(first.out).not.toContain(registered[42]);
    // Each 12-character start in the text stops at a space: every one is masked in the same pass.
    expect(registered.filter((secret) => first.out.includes(secret.slice(0, 12)))).toEqual([]);
    // Linear: four times the text takes about four times as long (quadratic would be sixteen),
    // whatever else the machine is doing; and a megabyte never takes seconds.
    expect(large / small).toBeLessThan(8);
    expect(first.ms).toBeLessThan(2000);
  });

  it("registers small secrets quickly after a long one (a PEM bundle), and still masks them all", () => {
    const r = new SecretRedactor();
    const huge = `Pem-Like-${"Ab9+/\n".repeat(45_000)}-End`;
    r.add(huge);
    expect(r.scrub(`got ${huge} back`)).toBe("got *** back");
    const small = Array.from({ length: 8 }, (_, i) => `db-password-${i}-Xq7`);
    const started = performance.now();
    for (const secret of small) {
      r.add(secret);
      expect(r.scrub(`user ${secret} refused`)).toBe("user *** refused");
    }
    // Each used to rebuild the long one's matchers: seconds apiece.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.scrub(`${huge.slice(0, 40)}… and ${small.join(" ")}`)).toBe(`***… and ${small.map(() => "***").join(" ")}`);
  });

  it("stays linear on inputs built to make patterns backtrack", () => {
    const r = new SecretRedactor();
    r.add("aaaaaaaaaaaaaaab");
    const nasty = ["a".repeat(500_000), "authorization:" + " ".repeat(200_000), "bearer" + " ".repeat(200_000) + "\n"].join("");
    const started = performance.now();
    r.scrub(nasty);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("SecretRedactor with secrets in shapes an echo gives them", () => {
  const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7xyz\n-----END PRIVATE KEY-----";

  it("masks a secret echoed with all its whitespace removed", () => {
    const r = new SecretRedactor();
    r.add(pem);
    expect(r.scrub(`bad key ${pem.replace(/\s+/g, "")} given`)).toBe("bad key *** given");
  });

  it("does not register a whitespace-free form shorter than 8 characters", () => {
    const r = new SecretRedactor();
    r.add("ab cd ef");
    expect(r.scrub("the abcdef route")).toBe("the abcdef route");
    expect(r.scrub("the ab cd ef route")).toBe("the *** route");
  });

  it("masks a secret HTML-escaped in every common style", () => {
    const r = new SecretRedactor();
    const secret = `p<a>ss&"wo'rd-42`;
    r.add(secret);
    for (const apostrophe of ["&#39;", "&#x27;", "&#039;", "&apos;", "'"]) {
      const escaped = `p&lt;a&gt;ss&amp;&quot;wo${apostrophe}rd-42`;
      expect(r.scrub(`<pre>${escaped}</pre>`), apostrophe).toBe("<pre>***</pre>");
    }
    expect(r.scrub("<pre>p&lt;a&gt;ss&amp;&#34;wo&#39;rd-42</pre>")).toBe("<pre>***</pre>");
    expect(r.scrub(`<pre>p&lt;a&gt;ss&amp;"wo'rd-42</pre>`)).toBe("<pre>***</pre>");
  });

  it("masks a secret echoed in lowercase", () => {
    const r = new SecretRedactor();
    r.add("Ops.Admin@Example-Corp.COM");
    expect(r.scrub("mailbox ops.admin@example-corp.com exists")).toBe("mailbox *** exists");
  });

  it("does not register the lowercase form of a secret shorter than 8 characters", () => {
    const r = new SecretRedactor();
    r.add("Pass9");
    expect(r.scrub("password pass9 Pass9")).toBe("password pass9 ***");
  });

  it("masks a prefix of at least 12 characters wherever the API cut it", () => {
    const r = new SecretRedactor();
    r.add("Correct-Horse-Battery-Staple");
    expect(r.scrub('"Correct-Horse-Battery-St" (truncated)')).toBe('"***" (truncated)');
    expect(r.scrub("value 'Correct-Horse-Bat' too long")).toBe("value '***' too long");
    expect(r.scrub("value Correct-Horse-too long")).toBe("value ***too long");
    // Lowercased, then cut.
    expect(r.scrub("value correct-horse-bat too long")).toBe("value *** too long");
  });

  it("follows a start two secrets share until neither continues", () => {
    const r = new SecretRedactor();
    r.add("Correct-Horse-Battery-Staple");
    r.add("Correct-Horse-Battery-Other1");
    expect(r.scrub("Correct-Horse-Battery-Other1 x")).toBe("*** x");
    expect(r.scrub("Correct-Horse-Battery-Ot!")).toBe("***!");
    expect(r.scrub("Correct-Horse-BatCorrect-Horse-Battery-Staple")).toBe("******");
  });

  it("leaves a message alone that merely starts like a secret", () => {
    const r = new SecretRedactor();
    r.add("Correct-Horse-Battery-Staple");
    r.add("s3cr3t-0123456789-abcdefghijklmnop");
    // 6 and 8 characters shared; 11 (one short of a cut run) in the middle.
    for (const prose of ["s3cr3t is not a good password", "Correct-answer, but the horse is not ready", "Correct-Horizontal rule"]) {
      expect(r.scrub(prose)).toBe(prose);
    }
  });
});

describe("SecretRedactor with secrets that are not well-formed UTF-16", () => {
  it("masks a secret with a lone surrogate, and keeps scrubbing every text after it", () => {
    // A JSON answer can hold "\ud800"; encodeURIComponent throws on it.
    const r = new SecretRedactor();
    r.add("pass\ud800word");
    r.add("another-secret");
    expect(r.scrub("got pass\ud800word and another-secret")).toBe("got *** and ***");
    expect(r.scrub("the form sent: pass%EF%BF%BDword")).toBe("the form sent: ***");
    expect(r.scrub("nothing secret")).toBe("nothing secret");
  });
});
