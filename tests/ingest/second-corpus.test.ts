/**
 * Counts of the Slovenia corpus (a layout-preserving extraction: form feeds, indentation, page furniture and
 * notes in place), each checked by reading the text: the printed paragraph numbers, the note numbers, the
 * recommendations listed in the Working Group reports, and the figures the issue itself quotes.
 */
import { describe, expect, it } from 'vitest';
import { ingestDoc } from './helpers.ts';

const CORPUS = 'slovenia';
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const doc = (id: string) => ingestDoc(CORPUS, id);
const numbers = (id: string) => doc(id).paragraphs.filter((p) => p.kind === 'numbered').map((p) => p.number);
const notes = (id: string) => doc(id).footnotes.map((f) => f.n);
const items = (id: string, paragraph: string) =>
  doc(id).paragraphs.find((p) => p.number === paragraph)!.blocks.flatMap((b) => (b.type === 'list' && b.style === 'numeric' ? b.items.map((i) => i.label) : []));

describe('Slovenia corpus: paragraphs and notes as printed', () => {
  const counts: [string, number, number][] = [
    // document, last printed paragraph (all printed from 1), notes printed (all with text)
    ['upr1-national-report', 74, 47],
    ['upr1-stakeholder-summary', 49, 75],
    ['upr1-wg-report', 113, 0],
    ['upr2-national-report', 106, 75],
    ['upr2-un-compilation', 53, 121],
    ['upr2-stakeholder-summary', 70, 116],
    ['upr2-wg-report', 116, 0],
    ['upr4-national-report', 151, 42],
    ['upr4-un-compilation', 82, 99],
    ['upr4-stakeholder-summary', 89, 124],
    ['upr4-wg-report', 141, 3],
  ];
  for (const [id, last, n] of counts) {
    it(`finds paragraphs 1–${last} and ${n} notes, each with its text, in ${id}`, () => {
      expect(numbers(id)).toEqual(range(1, last));
      expect(notes(id)).toEqual(range(1, n).map(Number));
      expect(doc(id).footnotes.filter((f) => f.text === null)).toEqual([]);
    });
  }
  it('keeps the 2025 compilation’s markers 1–99 in its paragraphs, in order', () => {
    expect(doc('upr4-un-compilation').paragraphs.flatMap((p) => p.footnotes)).toEqual(range(1, 99).map(Number));
  });
  it('reads the title page, contents and the title’s "*" note as front matter, never as paragraphs', () => {
    for (const id of ['upr1-wg-report', 'upr2-wg-report', 'upr4-un-compilation', 'upr1-national-report']) {
      const r = doc(id);
      expect(r.report.accounting['front-matter']).toBeGreaterThan(5);
      expect(r.paragraphs.some((p) => /Distr\.|General Assembly|Original: English|Contents|LIST OF ABBREVIATIONS/.test(p.text))).toBe(false);
    }
  });
});

describe('Slovenia corpus: recommendations listed inside one paragraph', () => {
  it('lists items 1–97 inside paragraph 111 of the cycle 1 Working Group report (numbered 1., 2., … like paragraphs)', () => {
    expect(items('upr1-wg-report', '111')).toEqual(range(1, 97).map((n) => `${n}.`));
  });
  it('lists 115.1–115.163 inside paragraph 115 of the cycle 2 report (the issue: "A/HRC/28/15 prints 163")', () => {
    expect(items('upr2-wg-report', '115')).toEqual(range(1, 163).map((n) => `115.${n}`));
  });
  it('lists 140.1–140.254 inside paragraph 140 of the cycle 4 report', () => {
    expect(items('upr4-wg-report', '140')).toEqual(range(1, 254).map((n) => `140.${n}`));
  });
});

describe('Slovenia corpus: the State’s views', () => {
  it('reads the cycle 1 addendum’s responses numbered like the recommendations, one paragraph answering several ("5., 6., 7., 8., 9.")', () => {
    const labels = numbers('upr1-wg-report-addendum');
    expect(labels.slice(0, 6)).toEqual(['1', '2', '3', '4', '5, 6, 7, 8, 9', '10']);
    expect(labels).toContain('77, 78, 79, 82, 83, 85, 86, 87');
    const answered = labels.flatMap((l) => l!.split(', ').map(Number)).sort((a, b) => a - b);
    expect(answered).toEqual(range(1, 97).map(Number));
  });
  it('opens a paragraph at each "Rec. N" response of the cycle 2 addendum and each "140.x" label of the cycle 4 addendum', () => {
    const rec = doc('upr2-wg-report-addendum').paragraphs.filter((p) => /^Rec\. \d+/.test(p.text));
    expect(rec.length).toBeGreaterThan(60);
    expect(rec[0].text.startsWith('Rec. 18 We consider that this recommendation is implemented.')).toBe(true);
    const labelled = doc('upr4-wg-report-addendum').paragraphs.filter((p) => /^140\.\d+/.test(p.text));
    expect(labelled.map((p) => p.text.split(' ')[0]).slice(0, 4)).toEqual(['140.11-14', '140.18-19', '140.38', '140.46']);
  });
});

describe('Slovenia corpus: references to the previous review', () => {
  it('reads "(Recommendations 1, 5, 7–9, 11–12, 158–160)" of the 2025 national report as numbers for its section', () => {
    const p4 = doc('upr4-national-report').paragraphs.find((p) => p.number === '4')!;
    expect(p4.recommendations).toEqual(['1', '5', '7', '8', '9', '11', '12', '158', '159', '160']);
  });
  it('gives the 2014 national report’s paragraphs the recommendations their section heading cites ("… (recommendations 30–31, 54– / 57)")', () => {
    const p31 = doc('upr2-national-report').paragraphs.find((p) => p.number === '31')!;
    expect(p31.headings.at(-1)).toMatch(/^Rule of law: court backlogs.*\(recommendations 30–31, 54– 57\)$/);
    expect(p31.recommendations).toEqual(['30', '31', '54', '55', '56', '57']);
  });
});
