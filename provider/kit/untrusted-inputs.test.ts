// Inputs the declarations' own code never expects: keys named like Object's properties, keys
// that are not names, and previous inputs from a state that no longer fits the declaration.
// Check and Diff answer them by name instead of throwing (which the engine shows as a crash).
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { checkInputs } from "./check";
import { diffInputs } from "./diff";
import { field } from "./fields";
import { UNKNOWN } from "./values";
import { unreadableOf, UNREADABLE_KEY } from "./write-only";

const inputs = {
  name: field(z.string(), { description: "n", replaceOnChanges: true }),
  enabled: field(z.boolean().optional(), { description: "e" }),
  settings: field(z.object({ size: z.number().optional() }).optional(), { description: "s" }),
};
const declaration = {
  token: "hosting:test:Thing",
  inputs,
  // Written for checked inputs, as every backend's are.
  uniqueKeys: (args: { name: string }) => [args.name.toLowerCase()],
  rules: (news: { name: string }, olds?: { name: string }) =>
    olds && olds.name.toLowerCase() === news.name.toLowerCase() && olds.name !== news.name ? [{ property: "name", reason: "only case changed" }] : [],
};

describe("Check of keys named like Object's own properties", () => {
  it("refuses them as unknown properties", () => {
    for (const key of ["constructor", "toString", "hasOwnProperty", "valueOf"]) {
      expect(checkInputs(declaration as never, { name: "a", [key]: 1 }).failures.map((f) => f.property)).toEqual([key]);
    }
  });

  it("checks a value holding them against its type instead of throwing", () => {
    expect(checkInputs(declaration as never, { name: "a", enabled: [{ constructor: 0 }] }).failures).toEqual([
      { property: "enabled", reason: "must be of type boolean" },
    ]);
    expect(checkInputs(declaration as never, { name: "a", settings: { toString: "x".repeat(70_000) } }).failures).toEqual([
      { property: "settings.toString", reason: "must be at most 65536 characters" },
    ]);
  });
});

describe("Check of unknown keys that are not plain names", () => {
  it("names each by its path, as the engine writes paths", () => {
    expect(checkInputs(declaration as never, { name: "a", "": 1, "a.b": 2 }).failures.map((f) => f.property)).toEqual(['[""]', '["a.b"]']);
  });
});

describe("Check with previous inputs that no longer fit the declaration", () => {
  it("runs the rules as on a create instead of handing them what they cannot read", () => {
    expect(checkInputs(declaration as never, { name: "A" }, { enabled: true })).toEqual({ inputs: { name: "A" }, failures: [] });
    expect(checkInputs(declaration as never, { name: "A" }, { name: 5 })).toEqual({ inputs: { name: "A" }, failures: [] });
    expect(checkInputs(declaration as never, { name: "A" }, { name: "a" }).failures).toEqual([{ property: "name", reason: "only case changed" }]);
  });

  it("reads only the paths among the unreadable marks", () => {
    expect(unreadableOf({ name: "a", [UNREADABLE_KEY]: [0, "user.password", null, { a: 1 }] })).toEqual(new Set(["user.password"]));
    expect(unreadableOf({ [UNREADABLE_KEY]: "user.password" })).toEqual(new Set());
  });
});

describe("Diff with a state that no longer fits the declaration", () => {
  it("diffs without the unique keys of olds that lack them", () => {
    expect(diffInputs(declaration as never, { enabled: true }, { name: "a" })).toEqual({
      detailedDiff: { name: { kind: "add", replace: true }, enabled: { kind: "delete", replace: false } },
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
  });

  it("compares unique keys only of news whose known parts fit", () => {
    expect(diffInputs(declaration as never, { name: "a" }, { name: { x: UNKNOWN } }).deleteBeforeReplace).toBe(false);
    expect(diffInputs(declaration as never, { name: "a", enabled: true }, { name: "a", enabled: UNKNOWN, settings: UNKNOWN }).replaces).toEqual([]);
  });

  it("still deletes first when a known unique key is kept", () => {
    const replacing = { ...declaration, inputs: { ...inputs, enabled: field(z.boolean().optional(), { description: "e", replaceOnChanges: true }) } };
    expect(diffInputs(replacing as never, { name: "A", enabled: true }, { name: "a", enabled: false }).deleteBeforeReplace).toBe(true);
  });
});
