/**
 * Honest handling of words the library does not contain. Pagefind has no typo tolerance: a word
 * it cannot find is silently replaced by the longest indexed word it starts with ("torure" →
 * "to") or by a word its stem happens to begin ("tortue" → "torture"). The search page therefore
 * checks that every query word is really there, and where one is not, names it and searches the
 * closest word of the library's own vocabulary instead, saying so ("No paragraph contains
 * “tortue”. Showing results for “torture”.").
 *
 * Pure functions, shared by the search page script, the vocabulary endpoint and the unit tests.
 */

/** Punctuation Pagefind strips from query words (dashes, brackets, quotes, other punctuation). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** A word as Pagefind compares it: lower case, without diacritics or punctuation. */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(PUNCTUATION, '');
}

/** The words of a query as Pagefind searches them ("ill-treatment" is one word, "illtreatment"). */
export function queryWords(q: string): string[] {
  return q
    .split(/\s+/)
    .map(normalizeWord)
    .filter((word) => word !== '');
}

/**
 * The words of an indexed text: each whitespace token whole ("ill-treatment" → "illtreatment")
 * and, for hyphenated or slashed tokens, each part ("ill", "treatment"), all normalised.
 */
export function textWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    const whole = normalizeWord(token);
    if (whole) words.push(whole);
    if (/[\p{Pd}/]/u.test(token)) {
      for (const part of token.split(/[\p{Pd}/]+/u)) {
        const word = normalizeWord(part);
        if (word && word !== whole) words.push(word);
      }
    }
  }
  return words;
}

/** The query words that none of `texts` contains, as a word or as the start of one. */
export function wordsWithoutEvidence(words: readonly string[], texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) for (const word of textWords(text)) seen.add(word);
  const found = [...seen];
  return [...new Set(words)].filter((word) => !seen.has(word) && !found.some((candidate) => candidate.startsWith(word)));
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `max + 1` as soon
 * as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Largest edit distance accepted for a word of this length: none below 3 letters, 1 up to 5, else 2. */
export function allowedDistance(word: string): number {
  if (word.length < 3) return 0;
  return word.length <= 5 ? 1 : 2;
}

/**
 * The closest vocabulary word to `word` (normalised), or null: smallest edit distance within
 * allowedDistance, ties going to the word listed first (the vocabulary is most frequent first).
 * Words with digits are never corrected (numbers and symbols are not typos of words).
 */
export function suggestWord(word: string, vocabulary: readonly string[]): string | null {
  const max = allowedDistance(word);
  // A word the vocabulary holds is no typo, whatever Pagefind made of it.
  if (max === 0 || /\d/.test(word) || vocabulary.includes(word)) return null;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(word, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 1) break;
    }
  }
  return best;
}

/** A vocabulary file: one normalised word per line, most frequent first. */
export function parseVocabulary(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/**
 * The query with each unknown word replaced by its suggestion, or dropped when it has none
 * (`replacements`: normalised word → suggestion or null). A quoted phrase stays quoted.
 * Returns '' when no word is left.
 */
export function rewriteQuery(q: string, replacements: ReadonlyMap<string, string | null>): string {
  const text = q.trim();
  const phrase = /^\s*["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB].+["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]\s*$/.test(text);
  const words = text
    .replace(/["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, phrase ? '' : '$&')
    .split(/\s+/)
    .flatMap((token) => {
      const word = normalizeWord(token);
      if (!replacements.has(word)) return token === '' ? [] : [token];
      const replacement = replacements.get(word);
      return replacement ? [replacement] : [];
    });
  if (words.length === 0) return '';
  return phrase ? `"${words.join(' ')}"` : words.join(' ');
}

/** Counts each word of `texts` (textWords); the basis of the vocabulary file. */
export function countWords(texts: Iterable<string>, counts: Map<string, number> = new Map()): Map<string, number> {
  for (const text of texts) {
    for (const word of textWords(text)) {
      // Only words worth suggesting: letters, at least three of them.
      if (word.length < 3 || /\d/.test(word) || !/\p{L}/u.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/** The vocabulary file's text: most frequent first, ties in code-point order (reproducible). */
export function vocabularyText(counts: ReadonlyMap<string, number>): string {
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return words.map(([word]) => `${word}\n`).join('');
}
