import { z } from "zod";
import { describe, expect, it } from "vitest";
import { field } from "./fields";
import { reconcileInputs } from "./reconcile";
import { checkInputs } from "./check";
import { wrapDeclaredSecrets } from "./secrets";
import { unwrapSecrets, wrapSecret } from "./values";

const shape = {
  domains: field(z.array(z.string()).default([]), {
    description: "d",
    unordered: true,
    normalize: (v) => (v as string[]).map((d) => d.toLowerCase()),
  }),
  password: field(z.string().min(8, "must be at least 8 characters").optional(), { description: "p", secret: true, writeOnly: true }),
  user: field(
    z.object({
      name: field(z.string(), { description: "u" }),
      password: field(z.string(), { description: "p", secret: true, writeOnly: true }),
    }),
    { description: "user" },
  ),
};

describe("reconcileInputs (refresh)", () => {
  it("keeps the user's spelling when the API only reorders or re-cases", () => {
    expect(reconcileInputs(shape, { domains: ["b.com", "a.com"] }, { domains: ["A.com", "b.com"] })).toEqual({ domains: ["A.com", "b.com"] });
  });

  it("reports real drift as the API has it", () => {
    expect(reconcileInputs(shape, { domains: ["c.com"] }, { domains: ["a.com"] })).toEqual({ domains: ["c.com"] });
  });

  it("keeps write-only values the API never returns, at any depth", () => {
    expect(reconcileInputs(shape, { user: { name: "u" } }, { password: "secret-1", user: { name: "u", password: "secret-2" } })).toEqual({
      password: "secret-1",
      user: { name: "u", password: "secret-2" },
    });
  });
});

describe("checkInputs", () => {
  const declaration = { token: "hosting:test:Thing", inputs: shape };

  it("requires a write-only value on create", () => {
    expect(checkInputs(declaration, { user: { name: "u" } }).failures).toEqual([{ property: "user.password", reason: "is required" }]);
  });

  it("does not require a write-only value an import could not read", () => {
    const readInputs = { user: { name: "u" }, __unreadable: ["user.password"] };
    const result = checkInputs(declaration, { user: { name: "u" } }, readInputs);
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual({ domains: [], user: { name: "u" } });
  });

  it("requires a write-only value on a create, where the engine sends empty olds", () => {
    expect(checkInputs(declaration, { user: { name: "u" } }, {}).failures).toEqual([{ property: "user.password", reason: "is required" }]);
  });

  it("requires a write-only value on an update whose olds lack it", () => {
    expect(checkInputs(declaration, { user: { name: "u" } }, { user: { name: "u" } }).failures).toEqual([
      { property: "user.password", reason: "is required" },
    ]);
  });
});

describe("secrets on the wire", () => {
  it("round-trip: declared secrets and user secrets come back wrapped, nothing else", () => {
    const wire = { domains: ["a.com"], user: { name: wrapSecret("u"), password: "p" } };
    const { values, secretPaths } = unwrapSecrets(wire);
    expect(values).toEqual({ domains: ["a.com"], user: { name: "u", password: "p" } });
    expect(wrapDeclaredSecrets(shape, values, secretPaths)).toEqual({
      domains: ["a.com"],
      user: { name: wrapSecret("u"), password: wrapSecret("p") },
    });
  });
});
