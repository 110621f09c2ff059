/**
 * The taggers compile their registries once into word-match.ts matchers, which skip texts without
 * a phrase's literal word and check word boundaries themselves instead of compiling Unicode-class
 * patterns (scripts/ingest/rights.ts, bodies.ts). That may never change a result: these tests
 * compare every matcher with its reference regular expression on all five source texts and on
 * texts built to stress boundaries, case folding and surrogate pairs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBodies, findBodies, namePattern, normalise } from '../../scripts/ingest/bodies.ts';
import { compiledKeywords, keywordPattern, keywordScore, tagRights } from '../../scripts/ingest/rights.ts';
import { compileWordPattern, foldCase, wordPatternRegExp, type WordMatcher, type WordPattern } from '../../scripts/ingest/word-match.ts';
import { loadBodies, loadRights } from './registry.ts';
import { corpusDir, corpusNames } from '../corpora.ts';

const rights = loadRights();
const bodies = loadBodies();
// Every source text of every corpus: the matchers must agree with the reference patterns on all of them.
const sources = corpusNames().flatMap((name) => {
  const dir = corpusDir(name).sources;
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
});

/** Spans where matcher and reference disagree on a text (expected: none). */
function disagreements(name: string, matcher: WordMatcher, reference: RegExp, texts: string[]): string[] {
  const problems: string[] = [];
  for (const text of texts) {
    const expected = [...text.matchAll(reference)].map((m) => `${m.index}-${m.index + m[0].length}`).join(' ');
    const actual = matcher.matches(text, foldCase(text)).map(([s, e]) => `${s}-${e}`).join(' ');
    if (actual !== expected) problems.push(`${name} in "${text.slice(0, 60)}": expected [${expected}], got [${actual}]`);
  }
  return problems;
}

/** Texts that put each word of a phrase next to every kind of boundary character. */
function boundaryTexts(words: string[]): string[] {
  const around = ['', ' ', '-', 'Z', '7', 'é', '\u212A', '\u0345', '𝐀', '\uD835', '\uDC00', '/', 'ss-', 'a-b-7'];
  const phrase = words.join(' ');
  const variants = [phrase, words.join('\n  ').toUpperCase().replace(/S/g, 'ſ').replace(/K/g, '\u212A')];
  const out: string[] = [];
  for (const v of variants) for (const b of around) for (const a of around) out.push(`${b}${v}${a} ${v}`, `${v}${a}${v}`);
  return out;
}

describe('word-match.ts matchers', () => {
  it('find exactly the spans of the reference pattern for every right keyword, in the five sources and at crafted boundaries', () => {
    const problems = rights.flatMap((r) =>
      compiledKeywords(r).flatMap((k) =>
        disagreements(`${r.id}/${k.keyword}`, k.matcher, keywordPattern(k.keyword), [...sources, ...boundaryTexts(k.phrase.words)]),
      ),
    );
    expect(problems.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('find exactly the spans of the reference pattern for every body alias and abbreviation', () => {
    const texts = sources.map(normalise);
    const problems = compileBodies(bodies).names.flatMap((n) =>
      disagreements(`${n.body.id}/${n.name}`, n.matcher, namePattern(n.name, n.abbreviation), [
        ...texts,
        ...boundaryTexts(normalise(n.name).trim().split(' ')),
      ]),
    );
    expect(problems.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('agree with the reference pattern on phrases with punctuation, a leading hyphen class and empty words', () => {
    const phrases: WordPattern[] = [
      { words: ['non-refoulement'], caseSensitive: false, hyphenBefore: false, prefix: false },
      { words: ['tortur'], caseSensitive: false, hyphenBefore: false, prefix: true },
      { words: ['a'], caseSensitive: false, hyphenBefore: false, prefix: true },
      { words: ['CAT'], caseSensitive: true, hyphenBefore: true, prefix: false },
      { words: ['U.N.', 'body'], caseSensitive: false, hyphenBefore: true, prefix: false },
      { words: ['', 'trailing', ''], caseSensitive: false, hyphenBefore: false, prefix: false },
    ];
    const texts = ['tortured-7 torture-x torture- tortures a-a-a aa a-7 a--b', 'OP-CAT CAT CATs xCAT CAT-', 'u.n. body; U.N.  Body', ' trailing  x  trailing1'];
    const problems = phrases.flatMap((p) =>
      disagreements(p.words.join(' '), compileWordPattern(p), wordPatternRegExp(p), [...texts, ...boundaryTexts(p.words)]),
    );
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('fold every character that a case-insensitive pattern equates with an ASCII letter to that letter', () => {
    const all = Array.from({ length: 0x110000 }, (_, cp) => (cp >= 0xd800 && cp <= 0xdfff ? '' : String.fromCodePoint(cp))).join('');
    const problems: string[] = [];
    for (const letter of 'abcdefghijklmnopqrstuvwxyz')
      for (const [c] of all.matchAll(new RegExp(letter, 'giu')))
        if (foldCase(c) !== letter) problems.push(`U+${c.codePointAt(0)?.toString(16)} matches "${letter}"`);
    expect(problems).toEqual([]);
  });
});

describe('precompiled registries', () => {
  it('give every right keyword and body name a literal word to look for first', () => {
    const without = [
      ...rights.flatMap((r) => compiledKeywords(r).filter((k) => k.matcher.literal === null).map((k) => k.keyword)),
      ...compileBodies(bodies).names.filter((n) => n.matcher.literal === null).map((n) => n.name),
    ];
    expect(without).toEqual([]);
  });

  it('build a bodies registry once and reuse it', () => {
    const first = compileBodies(bodies);
    expect(compileBodies(bodies)).toBe(first);
    expect(first.names.length).toBe(bodies.reduce((n, b) => n + b.aliases.length + b.abbreviations.length, 0));
  });

  it('score the long s and the Kelvin sign as the patterns match them', () => {
    const slavery = rights.find((r) => r.keywords.includes('slavery'));
    expect(slavery).toBeDefined();
    const text = 'ſlavery and SLAVERY';
    expect(text.match(keywordPattern('slavery'))?.length).toBe(2);
    expect(keywordScore(text, slavery!).score).toBe(2);
    expect(findBodies('the ſpecial Rapporteur on torture and the Committee againſt Torture', bodies)).toEqual(['sr-torture', 'cat']);
  });

  it('tag a paragraph the same on the first call and on later calls', () => {
    const input = { text: 'The Committee against Torture noted torture and ill-treatment in prisons.', headings: ['Right to life'], section: null };
    const first = [tagRights(input, rights), findBodies(input.text, bodies)];
    expect([tagRights(input, rights), findBodies(input.text, bodies)]).toEqual(first);
    expect(first[1]).toEqual(['cat']);
  });
});
