import { z } from "zod";
import { describe, expect, it } from "vitest";
import { diffInputs } from "./diff";
import { field } from "./fields";
import { UNKNOWN } from "./values";

const declaration = {
  inputs: {
    name: field(z.string(), { description: "n", replaceOnChanges: true }),
    size: field(z.number().optional(), { description: "s" }),
    domains: field(z.array(z.string()).default([]), {
      description: "d",
      unordered: true,
      normalize: (v) => (v as string[]).map((d) => d.toLowerCase()),
    }),
    user: field(
      z.object({
        name: field(z.string(), { description: "u", replaceOnChanges: true }),
        password: field(z.string(), { description: "p", secret: true, writeOnly: true }),
      }),
      { description: "user" },
    ),
  },
  uniqueKeys: (v: Record<string, unknown>) => [String(v.name)],
};

const base = { name: "a", domains: ["x.com", "y.com"], user: { name: "u", password: "p1" } };

describe("diffInputs", () => {
  it("replaces a resource whose recorded state no update can finish, whatever the inputs, deleting first when it keeps its name", () => {
    const broken = { ...declaration, replaceWhen: (recorded: Record<string, unknown>) => (recorded.status === "error" ? { output: "status", reason: "r" } : undefined) };
    const diff = diffInputs(broken, base, base, new Set(), { ...base, status: "error" });
    expect(diff.detailedDiff).toEqual({ status: { kind: "update", replace: true } });
    expect(diff.replaces).toEqual(["status"]);
    expect(diff.deleteBeforeReplace).toBe(true);
    expect(diffInputs(broken, base, base, new Set(), { ...base, status: "running" }).replaces).toEqual([]);
  });

  it("sees no change in order or case of an unordered, normalised list", () => {
    expect(diffInputs(declaration, base, { ...base, domains: ["Y.com", "x.com"] }).detailedDiff).toEqual({});
  });

  it("reports adds, updates and deletes by path", () => {
    const diff = diffInputs(declaration, { ...base, size: 1 }, { ...base, domains: ["x.com"] });
    expect(diff.detailedDiff).toEqual({ size: { kind: "delete", replace: false }, domains: { kind: "update", replace: false } });
    expect(diffInputs(declaration, base, { ...base, size: 2 }).detailedDiff).toEqual({ size: { kind: "add", replace: false } });
  });

  it("diffs nested objects field by field: a password is an update, a user name a replacement", () => {
    expect(diffInputs(declaration, base, { ...base, user: { name: "u", password: "p2" } })).toEqual({
      detailedDiff: { "user.password": { kind: "update", replace: false } },
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffInputs(declaration, base, { ...base, user: { name: "v", password: "p1" } })).toEqual({
      detailedDiff: { "user.name": { kind: "update", replace: true } },
      replaces: ["user"],
      deleteBeforeReplace: true, // the unique name "a" stays
    });
  });

  it("does not delete first when the unique name changes", () => {
    expect(diffInputs(declaration, base, { ...base, name: "b" }).deleteBeforeReplace).toBe(false);
  });

  it("treats a value not known yet as a change", () => {
    expect(diffInputs(declaration, base, { ...base, name: UNKNOWN }).detailedDiff).toEqual({ name: { kind: "update", replace: true } });
  });

  it("takes the program's value for a write-only path an import could not read", () => {
    const imported = { ...base, user: { name: "u" } };
    expect(diffInputs(declaration, imported, base, new Set(["user.password"])).detailedDiff).toEqual({});
    expect(diffInputs(declaration, imported, base).detailedDiff).toEqual({ "user.password": { kind: "add", replace: false } });
  });

  it("still shows a replacement inside an object whose other field is not known yet", () => {
    const diff = diffInputs(declaration, base, { ...base, user: { name: "v", password: UNKNOWN } });
    expect(diff.detailedDiff).toEqual({
      "user.name": { kind: "update", replace: true },
      "user.password": { kind: "update", replace: false },
    });
    expect(diff.replaces).toEqual(["user"]);
    expect(diff.deleteBeforeReplace).toBe(true); // the unique name "a" is known and kept
  });

  it("counts a whole object not known yet as a replacement when a replace-on-change field is inside", () => {
    const diff = diffInputs(declaration, base, { ...base, user: UNKNOWN });
    expect(diff.detailedDiff).toEqual({ user: { kind: "update", replace: true } });
    expect(diff.replaces).toEqual(["user"]);
  });

  it("does not ask to delete first when the unique name is not known yet", () => {
    expect(diffInputs(declaration, base, { ...base, name: UNKNOWN }).deleteBeforeReplace).toBe(false);
  });

  it("compares nested fields with their own normalisation", () => {
    const pem = {
      inputs: {
        cert: field(
          z.object({ text: field(z.string(), { description: "t", normalize: (v) => String(v).trim() }) }),
          { description: "c" },
        ),
      },
    };
    expect(diffInputs(pem, { cert: { text: "PEM\n" } }, { cert: { text: "PEM" } }).detailedDiff).toEqual({});
  });
});
