import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LiteralMatcher } from "./literal-matcher";
import { reversed } from "./reversed";
import { runs } from "../../test/support/property-runs";

// The trie holds literals only so deep; past that a long literal is followed on its own. What a
// text gets masked must not depend on where that depth lies: the ranges are the same as with a
// trie that holds every literal whole. Small depths and a small alphabet make every case
// (repeats, shared starts, cuts, ellipses, stops) common.

const SETTINGS = runs(2000);
const FRAGMENT = 3;
const STOPPED = 5;

const unit = fc.constantFrom("a", "b", "a", "b", "c", ".", "…");
const literal = fc.string({ unit, minLength: 4, maxLength: 24 });

/** Literals, and a text of their pieces (wholes, starts, ends, middles) among other characters. */
const literalsAndText = fc.array(literal, { minLength: 1, maxLength: 4 }).chain((literals) =>
  fc.record({
    literals: fc.constant(literals),
    text: fc
      .array(
        fc.oneof(
          fc.string({ unit, maxLength: 4 }),
          fc.tuple(fc.nat(literals.length - 1), fc.nat(30), fc.nat(30)).map(([k, from, to]) => literals[k]!.slice(Math.min(from, to), Math.max(from, to) + 1)),
          fc.nat(literals.length - 1).map((k) => literals[k]!.repeat(2)),
        ),
        { maxLength: 12 },
      )
      .map((pieces) => pieces.join("")),
    trieDepth: fc.integer({ min: STOPPED, max: 12 }),
    endIsCut: fc.boolean(),
  }),
);

describe("LiteralMatcher with literals longer than its trie", () => {
  it("finds the same ranges as a trie holding every literal whole", () => {
    fc.assert(
      fc.property(literalsAndText, ({ literals, text, trieDepth, endIsCut }) => {
        const whole = new LiteralMatcher(literals, { trieDepth: Infinity }).ranges(text, FRAGMENT, STOPPED, endIsCut);
        expect(new LiteralMatcher(literals, { trieDepth }).ranges(text, FRAGMENT, STOPPED, endIsCut)).toEqual(whole);
      }),
      SETTINGS,
    );
  });

  it("read backwards, finds what the reversed literals find in the reversed text", () => {
    fc.assert(
      fc.property(literalsAndText, ({ literals, text, trieDepth, endIsCut }) => {
        const backwards = reversed(text);
        const expected = new LiteralMatcher(literals.map(reversed), { trieDepth: Infinity }).ranges(backwards, FRAGMENT, STOPPED, endIsCut);
        expect(new LiteralMatcher(literals, { trieDepth, backwards: true }).ranges(backwards, FRAGMENT, STOPPED, endIsCut)).toEqual(expected);
      }),
      SETTINGS,
    );
  });

  it("follows a literal that repeats its own start through a text that repeats it further", () => {
    const matcher = new LiteralMatcher(["abababababX", "ababab.ab"], { trieDepth: STOPPED });
    expect(matcher.ranges("xabababababababXy", FRAGMENT, STOPPED)).toEqual([{ start: 1, end: 16 }]);
    expect(matcher.ranges("ababab.ab", FRAGMENT, STOPPED)).toEqual([{ start: 0, end: 9 }]);
    expect(matcher.ranges("abababa", FRAGMENT, STOPPED)).toEqual([{ start: 0, end: 7 }]);
  });
});
