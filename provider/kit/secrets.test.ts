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
});
