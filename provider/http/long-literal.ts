/**
 * A literal longer than the matcher's trie goes deep: a secret of a megabyte, a CA bundle, a key
 * file. The trie holds only its start; where a text holds that start, the literal is followed
 * from there as Knuth-Morris-Pratt follows one pattern, in time linear in the text.
 */
export class LongLiteral {
  /** borders[d]: the length of the longest proper prefix of text[0, d) that also ends it. */
  private borders = new Int32Array(0);
  /** borders[0..known] are computed. */
  private known = 0;

  constructor(private source: string | (() => string)) {}

  /** Made, when it is made from the literal (reversed), only once a text holds its start. */
  get text(): string {
    if (typeof this.source === "function") this.source = this.source();
    return this.source;
  }

  /**
   * The longest start of the literal that also ends its first `length` characters: where a
   * text that matched that far goes on differently, the match may go on from there.
   * Computed only as deep as texts have matched, so a literal that is never echoed costs
   * nothing beyond its string, and one that is costs in proportion to the echo.
   */
  border(length: number): number {
    if (length > this.known) this.extend(length);
    return this.borders[length]!;
  }

  private extend(length: number): void {
    if (length >= this.borders.length) {
      const grown = new Int32Array(Math.min(this.text.length + 1, Math.max(length + 1, 2 * this.borders.length, 1024)));
      grown.set(this.borders);
      this.borders = grown;
    }
    const { text, borders } = this;
    // borders[0] and borders[1] are 0, as the array starts.
    for (let d = Math.max(this.known + 1, 2); d <= length; d++) {
      const c = text.charCodeAt(d - 1);
      let k = borders[d - 1]!;
      while (k > 0 && text.charCodeAt(k) !== c) k = borders[k]!;
      borders[d] = text.charCodeAt(k) === c ? k + 1 : 0;
    }
    this.known = length;
  }
}

/** How far a text has matched a long literal so far, at least as far as the trie holds it. */
export interface LongMatch {
  literal: LongLiteral;
  /** The literal's text, read once per character. */
  text: string;
  depth: number;
}
