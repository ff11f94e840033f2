import { describe, expect, it } from "vitest";
import { requestUrl, uriComponent } from "./url";

describe("uriComponent", () => {
  it("encodes a lone surrogate as UTF-8 carries it (U+FFFD) instead of throwing as encodeURIComponent does", () => {
    expect(() => encodeURIComponent("a\ud800b")).toThrow(URIError);
    expect(uriComponent("a\ud800b")).toBe("a%EF%BF%BDb");
    expect(uriComponent("\udfff")).toBe(encodeURIComponent("\ufffd"));
    expect(uriComponent("h\u00e9 \u{1F600}/?#%")).toBe(encodeURIComponent("h\u00e9 \u{1F600}/?#%"));
    expect(uriComponent(42)).toBe("42");
  });

  it("lets a request's query hold a lone surrogate", () => {
    const url = requestUrl("Test", new URL("https://api.example/v1"), "/things", { name: "x\ud800" });
    expect(url.search).toBe("?name=x%EF%BF%BD");
  });
});
