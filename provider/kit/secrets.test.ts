import { describe, expect, it } from "vitest";
import { z } from "zod";
import { field } from "./fields";
import { wrapDeclaredSecrets } from "./secrets";
import { wrapSecret } from "./values";

describe("wrapDeclaredSecrets", () => {
  const shape = { user: field(z.object({ password: field(z.string().optional(), { description: "p", secret: true }) }), { description: "u" }) };

  it("wraps a declared secret, and leaves what the wire carries as null (null, NaN, Infinity) unwrapped", () => {
    expect(wrapDeclaredSecrets(shape, { user: { password: "Secret-1" } })).toEqual({ user: { password: wrapSecret("Secret-1") } });
    for (const nothing of [null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(wrapDeclaredSecrets(shape, { user: { password: nothing } })).toEqual({ user: { password: nothing } });
      expect(wrapDeclaredSecrets({}, { other: nothing }, ["other"])).toEqual({ other: nothing });
    }
  });

  it("keeps the mark of a value the user made secret inside a map, and only of that value", () => {
    const maps = { http2: field(z.record(z.string(), z.boolean()), { description: "h" }), labels: field(z.record(z.string(), z.object({ note: z.string() })), { description: "l" }) };
    const values = { http2: { "shop.example.com": true, "www.example.com": false }, labels: { a: { note: "hidden" }, b: { note: "shown" } } };
    expect(wrapDeclaredSecrets(maps, values, ["http2.shop.example.com", "labels.a.note"])).toEqual({
      http2: { "shop.example.com": wrapSecret(true), "www.example.com": false },
      labels: { a: { note: wrapSecret("hidden") }, b: { note: "shown" } },
    });
  });
});
