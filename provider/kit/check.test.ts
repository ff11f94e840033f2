import { z } from "zod";
import { describe, expect, it } from "vitest";
import { checkInputs } from "./check";
import { field } from "./fields";
import { UNKNOWN } from "./values";

// Defaults that depend on another input: filled in for what the program left unset, once every
// input is known, before the rules see them.
const declaration = {
  token: "hosting:test:Record",
  inputs: {
    type: field(z.enum(["A", "MX"]), { description: "t" }),
    priority: field(z.number().int().optional(), { description: "p" }),
  },
  defaults: (inputs: { type: string }) => (inputs.type === "MX" ? { priority: 10 } : {}),
  rules: (inputs: { type: string; priority?: number }) =>
    inputs.type === "A" && inputs.priority !== undefined ? [{ property: "priority", reason: "does not apply to A records" }] : [],
};

describe("checkInputs with defaults that depend on other inputs", () => {
  it("fills in a default the type has", () => {
    expect(checkInputs(declaration as never, { type: "MX" })).toEqual({ inputs: { type: "MX", priority: 10 }, failures: [] });
  });

  it("keeps the program's own value", () => {
    expect(checkInputs(declaration as never, { type: "MX", priority: 5 }).inputs).toEqual({ type: "MX", priority: 5 });
  });

  it("fills in nothing the type does not have, so the rules still see only the program's values", () => {
    expect(checkInputs(declaration as never, { type: "A" })).toEqual({ inputs: { type: "A" }, failures: [] });
    expect(checkInputs(declaration as never, { type: "A", priority: 1 }).failures).toEqual([{ property: "priority", reason: "does not apply to A records" }]);
  });

  it("waits for inputs not known yet (preview)", () => {
    expect(checkInputs(declaration as never, { type: UNKNOWN }).inputs).toEqual({ type: UNKNOWN });
  });
});
