// Escape codes only for a person at a terminal who has not asked for none.
import { describe, expect, it } from "vitest";
import { styleFor, wantsColour } from "./terminal-style";

describe("colour", () => {
  it("is off in a pipe or a file", () => {
    expect(wantsColour({ isTTY: undefined }, {})).toBe(false);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
  });

  it("is on at a terminal, unless NO_COLOR has any value", () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: "false" })).toBe(false);
  });

  it("leaves the text alone when off", () => {
    expect(styleFor(false).bold("== up")).toBe("== up");
    expect(styleFor(true).bold("== up")).toBe("\x1b[1m== up\x1b[22m");
  });
});
