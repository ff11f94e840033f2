import { LiteralMatcher, type Range } from "./literal-matcher";
import { reversed } from "./reversed";
import { MIN_SECRET_LENGTH, secretForms } from "./secret-forms";

/**
 * Keeps secrets out of every message this layer produces. APIs echo headers and request
 * bodies back in their errors, and those errors end up in Pulumi's output and CI logs.
 */

const MASK = "***";

// A cut-off secret is still a leak, but a shorter tail than this is too likely to be an
// ordinary word that merely starts like one.
const MIN_FRAGMENT_LENGTH = 8;

// A start of a secret that stops anywhere else, as in `"Correct-Horse-Battery-St" (truncated)`,
// must be longer: there is no cut to show that it ever was a secret.
const MIN_STOPPED_FRAGMENT_LENGTH = 12;

// The same rules hold for an end of a secret, which an API that keeps the end of a long value
// leaves ("...Battery-Staple"): found as the start of the reversed secret in the reversed text.
// Only after an ellipsis, not at the start of a text: a property path or a word scrubbed on its
// own ("password") would be masked whenever a secret ends like it.

/** Both lists sorted and without overlaps; overlapping ranges join, touching ones stay apart. */
function union(a: Range[], b: Range[]): Range[] {
  if (b.length === 0) return a;
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!;
    const last = out[out.length - 1];
    if (last && next.start < last.end) last.end = Math.max(last.end, next.end);
    else out.push({ start: next.start, end: next.end });
  }
  return out;
}

// Header-style echoes: `Authorization: hmac key:sig:nonce:ts`, `"authorization":"Bearer x"`.
// Each quantifier is followed by something it cannot match, so no input makes it backtrack.
// Without flags: a shared global regex would carry lastIndex from one scrub to the next.
const HEADER_PATTERN = /\b((?:proxy-)?authorization|x-api-key)(["']?\s*[:=]\s*["']?)([^"'\s,}][^"'\r\n,}]*)/;

// A scheme followed by a credential. The token test below keeps prose such as
// "Basic authentication failed" readable while masking anything that looks like a token.
const SCHEME_PATTERN = /\b(basic|bearer|hmac)(\s+)([A-Za-z0-9+/=._~:-]+)/;

function looksLikeToken(word: string): boolean {
  if (word.length < 8) return false;
  return /[0-9+/=_.:~-]/.test(word) || /[A-Z]/.test(word.slice(1));
}

const isWordCharacter = (text: string, at: number) => at >= 0 && at < text.length && /[\p{L}\p{N}]/u.test(text[at]!);

/**
 * A short secret (shorter than any fragment that is masked) found inside a longer word: a
 * 4-character password "mail" is no reason to mask "emailAddress". A secret echoed as a value
 * stands apart from the words around it, by quotes, spaces or punctuation.
 */
function isPartOfWord(text: string, { start, end }: Range): boolean {
  if (end - start >= MIN_FRAGMENT_LENGTH) return false;
  const joinsBefore = isWordCharacter(text, start - 1) && isWordCharacter(text, start);
  const joinsAfter = isWordCharacter(text, end - 1) && isWordCharacter(text, end);
  return joinsBefore || joinsAfter;
}

/** Secrets whose forms are searched by one pair of matchers, built when first needed. */
interface Level {
  values: string[];
  /** Characters in all its values: what deriving their forms costs, once. */
  size: number;
  matchers?: { starts: LiteralMatcher; ends: LiteralMatcher };
}

export class SecretRedactor {
  // Every secret known, with its forms once a level needed them: levels that merge reuse them,
  // and for a secret of a megabyte, deriving them is most of what building a matcher costs.
  private readonly known = new Map<string, string[] | undefined>();
  // Adding a secret builds matchers only for a level of its own size or so, not for every secret
  // known: a megabyte-long secret is built into one a few times in all, not once for every small
  // one added after it. Sizes at least double down the list, so a scrub runs few matchers.
  private readonly levels: Level[] = [];

  add(value: string | undefined): void {
    if (value === undefined || value.length < MIN_SECRET_LENGTH) return;
    if (this.known.has(value)) return;
    this.known.set(value, undefined);
    let level: Level = { values: [value], size: value.length };
    while (this.levels.length > 0 && this.levels[this.levels.length - 1]!.size <= 2 * level.size) {
      const smaller = this.levels.pop()!;
      level = { values: [...smaller.values, ...level.values], size: smaller.size + level.size };
    }
    this.levels.push(level);
  }

  /** Masks every form of every secret, whole or cut, then auth headers and scheme tokens. */
  scrub(text: string): string {
    let out = this.maskSecrets(text);
    out = out.replace(new RegExp(HEADER_PATTERN, "gi"), (_m, name: string, sep: string) => `${name}${sep}${MASK}`);
    out = out.replace(new RegExp(SCHEME_PATTERN, "gi"), (match, scheme: string, space: string, token: string) =>
      token === MASK || !looksLikeToken(token) ? match : `${scheme}${space}${MASK}`,
    );
    return out;
  }

  private maskSecrets(text: string): string {
    if (this.levels.length === 0) return text;
    const backwards = reversed(text);
    const ranges = this.levels
      .reduce<Range[]>((found, level) => union(found, this.rangesOf(level, text, backwards)), [])
      .filter((range) => !isPartOfWord(text, range));
    if (ranges.length === 0) return text;
    const parts: string[] = [];
    let at = 0;
    for (const { start, end } of ranges) {
      parts.push(text.slice(at, start), MASK);
      at = end;
    }
    parts.push(text.slice(at));
    return parts.join("");
  }

  /** `backwards` is `text` reversed, shared by every level. */
  private rangesOf(level: Level, text: string, backwards: string): Range[] {
    if (!level.matchers) {
      const forms = level.values.flatMap((value) => this.formsOf(value));
      level.matchers = { starts: new LiteralMatcher(forms), ends: new LiteralMatcher(forms, { backwards: true }) };
    }
    const n = text.length;
    const ends = level.matchers.ends
      .ranges(backwards, MIN_FRAGMENT_LENGTH, MIN_STOPPED_FRAGMENT_LENGTH, false)
      .map(({ start, end }) => ({ start: n - end, end: n - start }))
      .reverse();
    return union(level.matchers.starts.ranges(text, MIN_FRAGMENT_LENGTH, MIN_STOPPED_FRAGMENT_LENGTH), ends);
  }

  private formsOf(value: string): string[] {
    let forms = this.known.get(value);
    if (!forms) this.known.set(value, (forms = secretForms(value)));
    return forms;
  }
}

export { secretForms } from "./secret-forms";

/** Process-wide: every API client registers its credentials here. */
export const secrets = new SecretRedactor();
