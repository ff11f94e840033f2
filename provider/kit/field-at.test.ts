import { z } from "zod";
import { describe, expect, it } from "vitest";
import { field } from "./fields";
import { fieldAt } from "./introspect";
import { valueAt } from "./write-only";

const shape = {
  name: z.string(),
  user: z.object({ login: z.string(), password: field(z.string(), { description: "p", secret: true }) }).optional(),
};

describe("fieldAt and valueAt", () => {
  it("follow a dotted path through nested objects", () => {
    expect(fieldAt(shape, "user.password")).toBe(shape.user.unwrap().shape.password);
    expect(valueAt({ user: { password: "pw" } }, "user.password")).toBe("pw");
  });

  it("find nothing past a leaf, at an undeclared key, or on an object's inherited properties", () => {
    expect(fieldAt(shape, "name.length")).toBeUndefined();
    expect(fieldAt(shape, "constructor")).toBeUndefined();
    expect(fieldAt(shape, "user.toString")).toBeUndefined();
    expect(valueAt({ name: "x" }, "constructor")).toBeUndefined();
    expect(valueAt({ name: "x" }, "name.length")).toBeUndefined();
    expect(valueAt(undefined, "name")).toBeUndefined();
  });
});
