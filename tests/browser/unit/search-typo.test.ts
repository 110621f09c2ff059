/** Missing query words, their closest vocabulary words and the rewritten query (no build, no browser). */
import { describe, expect, it } from 'vitest';
import {
  allowedDistance,
  countWords,
  editDistance,
  normalizeWord,
  parseVocabulary,
  queryWords,
  rewriteQuery,
  suggestWord,
  textWords,
  vocabularyText,
  wordsWithoutEvidence,
} from '../../../src/scripts/search-typo.ts';

const vocabulary = ['the', 'rights', 'torture', 'women', 'detention', 'preventive', 'national', 'mechanism', 'tortured', 'wome'];

describe('query and text words as Pagefind compares them', () => {
  it('lower-cases, drops diacritics and punctuation, and keeps a hyphenated word whole', () => {
    expect(normalizeWord('Ill-Treatment,')).toBe('illtreatment');
    expect(normalizeWord('Élections')).toBe('elections');
    expect(queryWords(' “National  preventive” mechanism ')).toEqual(['national', 'preventive', 'mechanism']);
    expect(textWords('torture and ill-treatment (CAT).')).toEqual(['torture', 'and', 'illtreatment', 'ill', 'treatment', 'cat']);
  });

  it('finds the words no text shows, whole or as the start of a word', () => {
    const texts = ['Victims of torture and ill-treatment.', 'Journalists were detained.'];
    expect(wordsWithoutEvidence(['torture', 'journ', 'treatment', 'illtreatment'], texts)).toEqual([]);
    expect(wordsWithoutEvidence(['tortue', 'torture', 'detention'], texts)).toEqual(['tortue', 'detention']);
  });
});

describe('closest words', () => {
  it('measures edits, counting an adjacent swap as one', () => {
    expect(editDistance('tortue', 'torture', 2)).toBe(1);
    expect(editDistance('womne', 'women', 2)).toBe(1);
    expect(editDistance('detension', 'detention', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });

  it('allows one edit in short words and two in long ones, none below three letters', () => {
    expect([allowedDistance('un'), allowedDistance('cat'), allowedDistance('women'), allowedDistance('torture')]).toEqual([0, 1, 1, 2]);
  });

  it('suggests "torture" for "tortue" and "torure", and "women" for "womn"', () => {
    expect(suggestWord('tortue', vocabulary)).toBe('torture');
    expect(suggestWord('torure', vocabulary)).toBe('torture');
    expect(suggestWord('womn', vocabulary)).toBe('women');
    expect(suggestWord('preventiv', vocabulary)).toBe('preventive');
  });

  it('prefers the closer word, then the more frequent one (listed first)', () => {
    expect(suggestWord('tortured', ['torture', 'tortured'])).toBeNull();
    expect(suggestWord('torturd', ['torture', 'tortured'])).toBe('torture');
    expect(suggestWord('torturd', ['tortured', 'torture'])).toBe('tortured');
  });

  it('suggests nothing for numbers, very short words or words far from every word', () => {
    expect(suggestWord('2019', ['2018', '2010'])).toBeNull();
    expect(suggestWord('xq', ['xa'])).toBeNull();
    expect(suggestWord('zzyzxquux', vocabulary)).toBeNull();
  });
});

describe('the rewritten query', () => {
  it('replaces missing words, keeps the others as typed, and drops words with no suggestion', () => {
    const replacements = new Map([
      ['tortue', 'torture'],
      ['zzyzx', null],
    ]);
    expect(rewriteQuery('Tortue detention', replacements)).toBe('torture detention');
    expect(rewriteQuery('zzyzx detention', replacements)).toBe('detention');
    expect(rewriteQuery('zzyzx', replacements)).toBe('');
  });

  it('keeps a quoted phrase quoted, straight or typographic', () => {
    const replacements = new Map([['preventiv', 'preventive']]);
    expect(rewriteQuery('"national preventiv mechanism"', replacements)).toBe('"national preventive mechanism"');
    expect(rewriteQuery('“national preventiv mechanism”', replacements)).toBe('"national preventive mechanism"');
  });
});

describe('the vocabulary file', () => {
  it('counts words of three letters or more without digits, most frequent first, ties in code-point order', () => {
    const counts = countWords(['The torture of women; torture in 2019.', 'Women and UN bodies: torture.']);
    expect(counts.get('torture')).toBe(3);
    expect(counts.has('2019')).toBe(false);
    expect(counts.has('un')).toBe(false);
    const text = vocabularyText(counts);
    expect(parseVocabulary(text)).toEqual(['torture', 'women', 'and', 'bodies', 'the']);
    expect(vocabularyText(countWords(['Women and UN bodies: torture.', 'The torture of women; torture in 2019.']))).toBe(text);
  });
});
