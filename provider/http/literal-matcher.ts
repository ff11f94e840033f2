/**
 * Finds every occurrence of many literal strings in one pass (Aho-Corasick), so the cost of
 * scrubbing a message grows with its length and not with the number of registered secrets.
 * Also reports a text's fragments that a cut left behind: the start of a literal at the end
 * of the text or right before an ellipsis, and a longer start of one wherever it stops.
 * The trie holds each literal's first TRIE_DEPTH characters; a longer literal is followed past
 * them on its own (long-literal.ts), with the same results as if the trie held it whole.
 */
import { LongLiteral, type LongMatch } from "./long-literal";
import { reversed } from "./reversed";

export interface Range {
  start: number;
  end: number;
}

const ELLIPSIS = 0x2026;
const DOT = 0x2e;
const NO_CHILD = -1;

// How deep the trie holds a literal. Building it costs time and memory for every character it
// holds (a megabyte-long secret in all its forms took seconds and a gigabyte); past this depth
// a literal is followed on its own, only where a text holds its start, which is rare. No less
// than the length at which a start is masked wherever it stops: the trie reports a long
// literal's start as a match of its own.
export const TRIE_DEPTH = 256;

/** An ellipsis at `at`; the end of the text counts when `endCounts`. */
function isCutAt(text: string, at: number, endCounts: boolean): boolean {
  if (at === text.length) return endCounts;
  const c = text.charCodeAt(at);
  if (c === ELLIPSIS) return true;
  return c === DOT && text.charCodeAt(at + 1) === DOT && text.charCodeAt(at + 2) === DOT;
}

interface MatchRules {
  fragmentMinLength: number;
  stoppedMinLength: number;
  endIsCut: boolean;
  add: (start: number, end: number) => void;
}

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
  /** The literals longer than the trie's depth, by the node that holds their start. */
  private readonly longAt = new Map<number, LongLiteral[]>();

  private readonly trieDepth: number;

  /**
   * `backwards`: the literals are read from their end, in texts given reversed (see reversed.ts).
   * A long literal is reversed only once a text holds its end.
   */
  constructor(literals: Iterable<string>, options: { backwards?: boolean; trieDepth?: number } = {}) {
    const trieDepth = (this.trieDepth = options.trieDepth ?? TRIE_DEPTH);
    const list = [...new Set(literals)];
    // The trie has at most one node per literal character it holds, plus the root.
    const size = list.reduce((sum, literal) => sum + Math.min(literal.length, trieDepth), 1);
    this.firstChar = new Int32Array(size).fill(NO_CHILD);
    this.firstNext = new Int32Array(size).fill(NO_CHILD);
    this.depth = new Int32Array(size);
    this.fail = new Int32Array(size);
    this.longestMatch = new Int32Array(size);
    const terminal = new Int32Array(size);
    let nodes = 1;
    for (const literal of list) {
      let node = 0;
      const start = options.backwards ? reversed(literal.slice(-trieDepth)) : literal.slice(0, trieDepth);
      const held = start.length;
      for (let i = 0; i < held; i++) {
        const c = start.charCodeAt(i);
        let next = this.child(node, c);
        if (next === NO_CHILD) {
          next = nodes++;
          this.depth[next] = this.depth[node]! + 1;
          this.addChild(node, c, next);
        }
        node = next;
      }
      // A long literal's start is reported as a match of its own: it is a start of a secret
      // long enough to mask wherever it stops, and every match of the whole contains it.
      if (held > 0) terminal[node] = held;
      if (held < literal.length) this.longAt.set(node, [...(this.longAt.get(node) ?? []), new LongLiteral(options.backwards ? () => reversed(literal) : literal)]);
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
      // Ranges arrive in order of their end, so only the newest ones can overlap this one. A long
      // literal's stop, which ends one character before a range the trie found there, overlaps it.
      let s = start;
      let e = end;
      while (ends.length > 0 && ends[ends.length - 1]! > s) {
        s = Math.min(s, starts.pop()!);
        e = Math.max(e, ends.pop()!);
      }
      starts.push(s);
      ends.push(e);
    };
    const rules: MatchRules = { fragmentMinLength, stoppedMinLength, endIsCut, add };

    const { rootAscii, rootOther, firstChar, firstNext, otherChildren, fail, depth, longestMatch, longAt, trieDepth } = this;
    const n = text.length;
    const following: LongMatch[] = [];
    let state = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (following.length > 0) this.follow(following, text, i, rules);
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
      if (partial >= fragmentMinLength && partial > matched && isCutAt(text, i + 1, endIsCut || partial >= stoppedMinLength)) {
        add(i + 1 - partial, i + 1);
      }
      // The text holds all the trie has of long literals: follow each from here, unless it is
      // followed already (then it has matched at least as far).
      if (partial === trieDepth) {
        for (const literal of longAt.get(state) ?? []) {
          if (!following.some((match) => match.literal === literal)) following.push({ literal, text: literal.text, depth: partial });
        }
      }
    }
    return starts.map((start, k) => ({ start, end: ends[k]! }));
  }

  /**
   * Takes each long literal followed one character further, with the trie's rules: a whole
   * match, a start cut at an ellipsis or the end of the text, a long start that stops. A match
   * that falls back below the trie's depth is left to the trie, which holds every such start.
   */
  private follow(following: LongMatch[], text: string, i: number, rules: MatchRules): void {
    const c = text.charCodeAt(i);
    // What follows this character decides whether a start that goes on here was cut.
    const cutAfter = isCutAt(text, i + 1, true);
    for (let k = following.length - 1; k >= 0; k--) {
      const match = following[k]!;
      const { literal, text: whole } = match;
      let d = match.depth;
      if (whole.charCodeAt(d) === c) d++;
      else {
        if (d < whole.length && d >= rules.stoppedMinLength) rules.add(i - d, i);
        do {
          d = literal.border(d);
        } while (d >= this.trieDepth && whole.charCodeAt(d) !== c);
        if (d < this.trieDepth) {
          following.splice(k, 1);
          continue;
        }
        d++;
      }
      match.depth = d;
      if (d === whole.length) rules.add(i + 1 - d, i + 1);
      else if (cutAfter && d >= rules.fragmentMinLength && (i + 1 < text.length || rules.endIsCut || d >= rules.stoppedMinLength)) rules.add(i + 1 - d, i + 1);
    }
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
