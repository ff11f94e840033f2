/**
 * Finds every occurrence of many literal strings in one pass (Aho-Corasick), so the cost of
 * scrubbing a message grows with its length and not with the number of registered secrets.
 * Also reports a text's fragments that a cut left behind: the start of a literal at the end
 * of the text or right before an ellipsis, and a longer start of one wherever it stops.
 */

export interface Range {
  start: number;
  end: number;
}

const ELLIPSIS = 0x2026;
const DOT = 0x2e;
const NO_CHILD = -1;

export class LiteralMatcher {
  // A trie in parallel arrays. Most nodes have one child, so the first child is stored inline
  // and a Map exists only where the trie branches; that keeps long secrets (PEM keys) cheap.
  private firstChar: Int32Array;
  private firstNext: Int32Array;
  private readonly otherChildren: Array<Map<number, number> | undefined> = [undefined];
  private depth: Int32Array;
  private fail: Int32Array;
  /** Length of the longest literal that ends at this node, 0 for none. */
  private longestMatch: Int32Array;
  // The root is where the scan sits most of the time; a table makes leaving it on ASCII one load.
  private readonly rootAscii = new Int32Array(128).fill(NO_CHILD);
  private readonly rootOther = new Map<number, number>();

  constructor(literals: Iterable<string>) {
    const list = [...literals];
    // The trie has at most one node per literal character, plus the root.
    const size = list.reduce((sum, literal) => sum + literal.length, 1);
    this.firstChar = new Int32Array(size).fill(NO_CHILD);
    this.firstNext = new Int32Array(size).fill(NO_CHILD);
    this.depth = new Int32Array(size);
    this.fail = new Int32Array(size);
    this.longestMatch = new Int32Array(size);
    const terminal = new Int32Array(size);
    let nodes = 1;
    for (const literal of list) {
      let node = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        let next = this.child(node, c);
        if (next === NO_CHILD) {
          next = nodes++;
          this.depth[next] = this.depth[node]! + 1;
          this.addChild(node, c, next);
        }
        node = next;
      }
      if (literal.length > 0) terminal[node] = literal.length;
    }
    this.link(terminal);
  }

  /**
   * Ranges to mask, sorted and without overlaps: every occurrence of a literal, plus a
   * fragment that begins a literal and was cut there: at least `fragmentMinLength` characters
   * where the text ends or an ellipsis ("…" or "...") follows, at least `stoppedMinLength`
   * wherever the next character is not one a literal continues with. Without `endIsCut`, the
   * end of the text is only a stop (`stoppedMinLength`), not a cut.
   */
  ranges(text: string, fragmentMinLength: number, stoppedMinLength = Infinity, endIsCut = true): Range[] {
    const starts: number[] = [];
    const ends: number[] = [];
    const add = (start: number, end: number) => {
      // Ranges arrive in order of their end, so only the newest ones can overlap this one.
      let s = start;
      while (ends.length > 0 && ends[ends.length - 1]! > s) {
        s = Math.min(s, starts.pop()!);
        ends.pop();
      }
      starts.push(s);
      ends.push(end);
    };

    const { rootAscii, rootOther, firstChar, firstNext, otherChildren, fail, depth, longestMatch } = this;
    const n = text.length;
    let state = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // The state is the longest start of a literal that ends here. If no literal continues it
      // with `c`, that start stops at i: a cut fragment, unless it is a whole literal already.
      const stopped = state;
      // Inlined `child`: this loop is the whole cost of scrubbing a large text.
      for (;;) {
        if (state === 0) {
          state = c < 128 ? rootAscii[c]! : (rootOther.get(c) ?? NO_CHILD);
          break;
        }
        const next = firstChar[state] === c ? firstNext[state]! : (otherChildren[state]?.get(c) ?? NO_CHILD);
        if (next !== NO_CHILD) {
          state = next;
          break;
        }
        if (state === stopped) {
          const run = depth[state]!;
          if (run >= stoppedMinLength && run > longestMatch[state]!) add(i - run, i);
        }
        state = fail[state]!;
      }
      if (state === NO_CHILD) {
        state = 0;
        continue;
      }

      const matched = longestMatch[state]!;
      if (matched > 0) add(i + 1 - matched, i + 1);
      const partial = depth[state]!;
      if (partial >= fragmentMinLength && partial > matched && this.isCutAt(text, i + 1, endIsCut || partial >= stoppedMinLength)) {
        add(i + 1 - partial, i + 1);
      }
    }
    return starts.map((start, k) => ({ start, end: ends[k]! }));
  }

  /** An ellipsis at `at`; the end of the text counts when `endCounts`. */
  private isCutAt(text: string, at: number, endCounts: boolean): boolean {
    if (at === text.length) return endCounts;
    const c = text.charCodeAt(at);
    if (c === ELLIPSIS) return true;
    return c === DOT && text.charCodeAt(at + 1) === DOT && text.charCodeAt(at + 2) === DOT;
  }

  private child(node: number, c: number): number {
    if (node === 0) return c < 128 ? this.rootAscii[c]! : (this.rootOther.get(c) ?? NO_CHILD);
    if (this.firstChar[node] === c) return this.firstNext[node]!;
    return this.otherChildren[node]?.get(c) ?? NO_CHILD;
  }

  private addChild(node: number, c: number, next: number): void {
    if (node === 0) {
      if (c < 128) this.rootAscii[c] = next;
      else this.rootOther.set(c, next);
    }
    else if (this.firstChar[node] === NO_CHILD) {
      this.firstChar[node] = c;
      this.firstNext[node] = next;
    } else {
      let map = this.otherChildren[node];
      if (!map) this.otherChildren[node] = map = new Map();
      map.set(c, next);
    }
  }

  private *children(node: number): Generator<[number, number]> {
    if (node === 0) {
      for (let c = 0; c < 128; c++) if (this.rootAscii[c] !== NO_CHILD) yield [c, this.rootAscii[c]!];
      yield* this.rootOther;
      return;
    }
    if (this.firstChar[node] !== NO_CHILD) yield [this.firstChar[node]!, this.firstNext[node]!];
    const map = this.otherChildren[node];
    if (map) yield* map;
  }

  /** Failure links in breadth-first order, so a node's shorter suffixes are linked before it. */
  private link(terminal: Int32Array): void {
    const queue: number[] = [];
    for (const [, child] of this.children(0)) {
      this.fail[child] = 0;
      this.longestMatch[child] = terminal[child]!;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [c, child] of this.children(node)) {
        let f = this.fail[node]!;
        let target = this.child(f, c);
        while (target === NO_CHILD && f !== 0) {
          f = this.fail[f]!;
          target = this.child(f, c);
        }
        this.fail[child] = target === NO_CHILD ? 0 : target;
        this.longestMatch[child] = terminal[child]! || this.longestMatch[this.fail[child]!]!;
        queue.push(child);
      }
    }
  }
}
