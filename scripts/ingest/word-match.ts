/**
 * Word-bounded phrase matching for the taggers (rights.ts keywords, bodies.ts names), fast.
 *
 * Pure: no disk access, no state besides compiled patterns.
 *
 * A phrase's meaning is its reference pattern (`wordPatternRegExp`):
 *   (?<![\p{L}\p{N}])word1\s+word2…([\p{L}-]*)?(?![\p{L}\p{N}])   (flags gu, or giu)
 * V8 spends about a millisecond compiling each pattern with Unicode property classes, so a few
 * hundred of them cost half a second before the first paragraph is tagged. A compiled matcher
 * therefore runs only the literal part (`word1\s+word2…`, compiled in microseconds) and checks the
 * boundaries itself with the same classes, compiled once for all phrases.
 *
 * After compiling, the following are guaranteed:
 * - `matches(text)` returns exactly the [start, end) spans of `text.matchAll(wordPatternRegExp(p))`,
 *   in order (tests/site/tagging-precompiled.test.ts compares the two on all five sources);
 * - a text whose `foldCase` form lacks the phrase's required literal word has no match, so
 *   `matches` returns [] without running any pattern.
 */

/** A phrase: literal words separated by any whitespace, with word boundaries around it. */
export interface WordPattern {
  /** The literal words, in order (each non-empty for the fast path; see `compileWordPattern`). */
  words: string[];
  /** Case-sensitive (flags gu) or case-insensitive (flags giu). */
  caseSensitive: boolean;
  /** Whether a hyphen before the phrase also prevents a match ("OP-CAT" is not "CAT"). */
  hyphenBefore: boolean;
  /** Whether the match runs on over any following letters and hyphens (keyword "tortur*"). */
  prefix: boolean;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function literalSource(words: string[]): string {
  return words.map(escape).join('\\s+');
}

/** The reference regular expression of a phrase: what a match is. */
export function wordPatternRegExp(p: WordPattern): RegExp {
  const before = p.hyphenBefore ? '(?<![\\p{L}\\p{N}-])' : '(?<![\\p{L}\\p{N}])';
  const tail = p.prefix ? '[\\p{L}-]*' : '';
  return new RegExp(`${before}${literalSource(p.words)}${tail}(?![\\p{L}\\p{N}])`, p.caseSensitive ? 'gu' : 'giu');
}

/**
 * Lower-cases text so that every character a case-insensitive `u` pattern equates with an ASCII
 * letter becomes that letter: besides A–Z, only KELVIN SIGN (lower-cased to "k") and LONG S
 * ("ſ", which folds to "s" but does not lower-case to it).
 */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ſ/g, 's');
}

/** The longest literal word (a substring of every match), folded unless case-sensitive; null outside printable ASCII. */
export function requiredLiteral(words: string[], caseSensitive: boolean): string | null {
  const longest = words.reduce((a, w) => (w.length > a.length ? w : a), '');
  if (longest.length === 0 || /[^\x20-\x7e]/.test(longest)) return null;
  return caseSensitive ? longest : foldCase(longest);
}

/** The boundary classes, with the same flags as the reference patterns. */
interface Classes {
  letterOrDigit: RegExp;
  letterDigitOrHyphen: RegExp;
  letterOrHyphen: RegExp;
}
const classes = (flags: string): Classes => ({
  letterOrDigit: new RegExp('^[\\p{L}\\p{N}]$', flags),
  letterDigitOrHyphen: new RegExp('^[\\p{L}\\p{N}-]$', flags),
  letterOrHyphen: new RegExp('^[\\p{L}-]$', flags),
});
const CASE_SENSITIVE = classes('u');
const CASE_INSENSITIVE = classes('iu');

/** The code point starting at `i` (as a string), or null at the end; lone surrogates stand alone. */
function codePointAt(text: string, i: number): string | null {
  if (i >= text.length) return null;
  return String.fromCodePoint(text.codePointAt(i) as number);
}

/** The code point ending at `i`, or null at the start. */
function codePointBefore(text: string, i: number): string | null {
  if (i <= 0) return null;
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1] as string;
}

/** A compiled phrase. */
export interface WordMatcher {
  /** Lower-case (unless case-sensitive) word that every match contains, or null. */
  literal: string | null;
  caseSensitive: boolean;
  /** The [start, end) spans of the phrase in `text`; `folded` must be `foldCase(text)`. */
  matches(text: string, folded: string): Array<[number, number]>;
}

/** Compiles a phrase; phrases with an empty word fall back to running the reference pattern. */
export function compileWordPattern(p: WordPattern): WordMatcher {
  const literal = requiredLiteral(p.words, p.caseSensitive);
  const mayMatch = (text: string, folded: string) => literal === null || (p.caseSensitive ? text : folded).includes(literal);
  if (p.words.some((w) => w.length === 0)) {
    // "\s+" at an end of the phrase can give back whitespace, so spans are not unique: use the reference.
    const reference = wordPatternRegExp(p);
    return {
      literal,
      caseSensitive: p.caseSensitive,
      matches: (text, folded) =>
        mayMatch(text, folded) ? [...text.matchAll(reference)].map((m): [number, number] => [m.index, m.index + m[0].length]) : [],
    };
  }
  const core = new RegExp(literalSource(p.words), p.caseSensitive ? 'gu' : 'giu');
  const c = p.caseSensitive ? CASE_SENSITIVE : CASE_INSENSITIVE;
  const notBefore = p.hyphenBefore ? c.letterDigitOrHyphen : c.letterOrDigit;
  const is = (re: RegExp, ch: string | null) => ch !== null && re.test(ch);
  const next = (text: string, i: number) => i + ((codePointAt(text, i)?.length ?? 1) as number);
  return {
    literal,
    caseSensitive: p.caseSensitive,
    matches(text, folded) {
      const out: Array<[number, number]> = [];
      if (!mayMatch(text, folded)) return out;
      let from = 0;
      while (from <= text.length) {
        core.lastIndex = from;
        const m = core.exec(text);
        if (!m) break;
        const start = m.index;
        // The literal words can match at `start` only with these whitespace runs (words hold no
        // whitespace), so the reference pattern matches here iff a boundary below allows it.
        let end: number | null = start + m[0].length;
        if (is(notBefore, codePointBefore(text, start))) end = null;
        else if (!p.prefix) {
          if (is(c.letterOrDigit, codePointAt(text, end))) end = null;
        } else {
          // Greedy [\p{L}-]*, then backtrack to the longest run not followed by a letter or digit.
          const stops = [end];
          let at = end;
          while (is(c.letterOrHyphen, codePointAt(text, at))) stops.push((at = next(text, at)));
          end = null;
          for (let s = stops.length - 1; s >= 0; s--)
            if (!is(c.letterOrDigit, codePointAt(text, stops[s] as number))) {
              end = stops[s] as number;
              break;
            }
        }
        if (end === null) {
          from = next(text, start);
          continue;
        }
        out.push([start, end]);
        from = end;
      }
      return out;
    },
  };
}
