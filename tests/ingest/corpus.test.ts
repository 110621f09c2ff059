import { describe, expect, it } from 'vitest';
import { everyDocument, ingestAnnotated, ingestDoc, ingestRegistered } from './helpers.ts';

const numbered = (id: string) => ingestRegistered(id).paragraphs.filter((p) => p.kind === 'numbered');

describe('counts a correct parse must reproduce', () => {
  it('finds 49 numbered paragraphs and 127 endnote markers in the cycle 1 compilation', () => {
    const r = ingestRegistered('upr1-un-compilation');
    expect(numbered('upr1-un-compilation').map((p) => Number(p.number))).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    expect(r.footnotes.map((f) => f.n)).toEqual(Array.from({ length: 127 }, (_, i) => i + 1));
  });
  it('finds paragraphs 1–205 of the cycle 1 national report despite OCR damage ("31l.", "4,", "1 This")', () => {
    expect(numbered('upr1-national-report').map((p) => Number(p.number))).toEqual(Array.from({ length: 205 }, (_, i) => i + 1));
  });
  it('finds paragraphs 1–242 of the cycle 2 national report', () => {
    expect(numbered('upr2-national-report').map((p) => Number(p.number))).toEqual(Array.from({ length: 242 }, (_, i) => i + 1));
  });
  it('finds 76 paragraphs and 102 footnote markers in the cycle 4 compilation', () => {
    const r = ingestRegistered('upr4-un-compilation');
    expect(numbered('upr4-un-compilation')).toHaveLength(76);
    expect(r.paragraphs.flatMap((p) => p.footnotes)).toEqual(Array.from({ length: 102 }, (_, i) => i + 1));
  });
  it('finds all 179 footnote markers of the NGO report in the body, ascending without repeats', () => {
    const r = ingestRegistered('iccpr2-ngo-comments');
    expect(r.paragraphs.flatMap((p) => p.footnotes)).toEqual(Array.from({ length: 179 }, (_, i) => i + 1));
    expect(r.footnotes.map((f) => f.n)).toEqual(Array.from({ length: 179 }, (_, i) => i + 1));
  });
});

describe('accounting', () => {
  for (const [corpus, d] of everyDocument()) {
    it(`places every source line of ${corpus}/${d.id} in exactly one place`, () => {
      const r = ingestDoc(corpus, d.id);
      const total = Object.values(r.report.accounting).reduce((a, b) => a + b, 0);
      expect(total).toBe(r.report.sourceLines);
      expect(Object.keys(r.report.accounting).filter((k) => !['paragraph', 'heading', 'footnote', 'footnote-fragment', 'table', 'furniture', 'front-matter', 'blank', 'recommendation-reference'].includes(k))).toEqual([]);
    });
    it(`gives ${corpus}/${d.id} unique anchors derived from printed numbers`, () => {
      const r = ingestDoc(corpus, d.id);
      const anchors = [...r.paragraphs.map((p) => p.anchor), ...r.headings.map((h) => h.anchor)];
      expect(new Set(anchors).size).toBe(anchors.length);
      for (const p of r.paragraphs.filter((x) => x.kind === 'numbered')) expect(p.anchor.endsWith(`p${p.number!.split(', ')[0]}`)).toBe(true);
    });
  }
});

describe('page furniture', () => {
  it('removes running headers, "Page N" and GE job numbers and records each removal', () => {
    const kinds = (id: string) => ingestRegistered(id).report.furniture.map((f) => `${f.kind}:${f.text}`);
    expect(kinds('upr1-un-compilation')).toEqual(['running-header:A/HRC/WG.6/7/KAZ/2', 'page-label:Page 8']);
    expect(kinds('upr2-national-report')).toEqual(['running-header:A/HRC/WG.6/20/KAZ/1', 'job-number:12 GE.14-16238']);
    expect(kinds('upr1-national-report')).toEqual(['job-number:GE.09-17130 5', 'running-header:A/HRC/WG.6/7/KAZ/1']);
    const all = ingestRegistered('upr2-national-report').paragraphs.map((p) => p.text).join(' ');
    expect(all).not.toMatch(/GE\.14-16238|A\/HRC\/WG\.6\/20\/KAZ\/1/);
  });
  it('joins a paragraph split by a page break', () => {
    const p = ingestRegistered('upr2-national-report').paragraphs.find((x) => x.number === '102')!;
    expect(p.text).toMatch(/Ministry of Defence and the Economic Crimes and Corruption Committee\.$/);
    const p103 = ingestRegistered('upr2-national-report').paragraphs.find((x) => x.number === '103')!;
    expect(p103.text.startsWith('From 2013 to 2014, visits were carried out')).toBe(true);
  });
});

describe('footnote markers', () => {
  const text = (id: string, n: string) => ingestRegistered(id).paragraphs.find((p) => p.number === n && p.section === null)!;
  it('splits "previous review.1" and keeps "2019 (No. 190).6" holding only marker 6', () => {
    expect(text('upr4-un-compilation', '1').footnotes).toEqual([1]);
    const p6 = text('upr4-un-compilation', '6');
    expect(p6.footnotes).toEqual([6]);
    expect(p6.text).toContain('Violence and Harassment Convention, 2019 (No. 190).');
  });
  it('reads own-line endnote markers of the cycle 1 compilation', () => {
    expect(text('upr1-un-compilation', '1').footnotes).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
  });
  it('splits 2009 + marker 3 in "28 December 20093"', () => {
    const p = ingestRegistered('iccpr2-ngo-comments').paragraphs.find((x) => x.footnotes.includes(3))!;
    expect(p.text).toContain('dated 28 December 2009 stipulates');
  });
  it('keeps national reports without footnotes free of markers (decimals like 53.4 stay)', () => {
    expect(ingestRegistered('upr1-national-report').footnotes).toEqual([]);
    expect(text('upr1-national-report', '8').text).toContain('(53.4 per cent)');
  });
});

describe('NGO report footnotes spliced into the body', () => {
  const r = () => ingestRegistered('iccpr2-ngo-comments');
  it('lifts footnote text out of the paragraph it interrupts and rejoins the paragraph', () => {
    const p = r().paragraphs.find((x) => x.section === 'art2-3-26' && x.number === '5')!;
    expect(p.text).toMatch(/prohibition of discrimination at all\. There are no provisions/);
    expect(p.text).not.toMatch(/See: Law of the Republic|adilet\.zan\.kz/);
  });
  it('attaches a note printed without number to the marker just above it ("acquittals.74" / "For instance…")', () => {
    expect(r().footnotes.find((x) => x.n === 74)!.text).toMatch(/^For instance, in 2009 the number of acquittal verdicts/);
  });
  it('keeps "See also:" items in the note they extend, below the next printed number', () => {
    const f13 = r().footnotes.find((x) => x.n === 13)!.text!;
    expect(f13).toMatch(/^See, for example: Law of the Republic of Kazakhstan “On Education”/);
    expect(f13).toContain('See also: Law of the Republic of Kazakhstan “On Religious Activity');
    expect(r().footnotes.find((x) => x.n === 14)!.text).toMatch(/^See: Decree of the President/);
  });
  it('attaches numbered footnote texts to their numbers', () => {
    const f = r().footnotes.find((x) => x.n === 10)!;
    expect(f.text).toMatch(/^See: The Constitution of the Republic of Kazakhstan/);
  });
  it('leaves no citation text ("URL:", " // website", "See also") inside any paragraph', () => {
    const leaks = r().paragraphs.filter((p) => /URL:|\s\/\/\s|\/\/ [Ww]ebsite|See also:/.test(p.text));
    expect(leaks.map((p) => p.anchor)).toEqual([]);
  });
  it('leaves no "See:" citation line inside any paragraph', () => {
    const leaks = r().paragraphs.filter((p) => /(?:^|\. )See: [A-Z]/.test(p.text));
    expect(leaks.map((p) => p.anchor)).toEqual([]);
  });
  it('restarts numbering per section and prefixes anchors with the section', () => {
    const firsts = r().paragraphs.filter((p) => p.number === '1').map((p) => p.anchor);
    expect(firsts).toContain('art7-p1');
    expect(firsts).toContain('rec1-p1');
    expect(firsts.length).toBeGreaterThan(20);
  });
  it('keeps the Committee recommendations as quotations distinct from NGO paragraphs', () => {
    const q = r().paragraphs.filter((p) => p.kind === 'quotation');
    expect(q.length).toBeGreaterThanOrEqual(18);
    expect(q[0].text.startsWith('Recommendations: The Committee urges the State party')).toBe(true);
  });
});

describe('headings, lists, recommendations, tables, errata', () => {
  it('builds the heading hierarchy of the cycle 4 compilation', () => {
    const p = ingestRegistered('upr4-un-compilation').paragraphs.find((x) => x.number === '21')!;
    expect(p.headings).toEqual([
      'Promotion and protection of human rights',
      'Implementation of international human rights obligations, taking into account applicable international humanitarian law',
      'Right to life, liberty and security of person, and freedom from torture',
    ]);
  });
  it('restores lettered sections whose labels the OCR lost or misread ("V." after "U." is a section; O–S inferred between N and T)', () => {
    const hs = ingestRegistered('upr1-national-report').headings;
    const sections = hs.filter((h) => h.level === 2 && h.parents.length === 1 && h.parents[0] === 'h-v').map((h) => h.label);
    expect(sections).toEqual('ABCDEFGHIJKLMNOPQRSTUV'.split(''));
    expect(hs.find((h) => h.title === 'Health care')!.level).toBe(2);
    expect(ingestRegistered('upr1-national-report').report.anomalies.filter((a) => a.kind === 'heading-label').length).toBeGreaterThanOrEqual(8);
  });
  it('keeps "(a) … (k)" items as a list inside paragraph 6 of the 2014 report', () => {
    const p = ingestRegistered('upr2-national-report').paragraphs.find((x) => x.number === '6')!;
    const list = p.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.map((i) => i.label)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)', '(j)', '(k)']);
  });
  it('attaches "Recommendations 95.5, 95.6, 95.15–95.20" to the paragraphs of its section', () => {
    const p = ingestRegistered('upr2-national-report').paragraphs.find((x) => x.number === '6')!;
    expect(p.recommendations).toEqual(['95.5', '95.6', '95.15', '95.16', '95.17', '95.18', '95.19', '95.20', '95.23', '95.24', '95.25', '95.33']);
    expect(ingestRegistered('upr2-national-report').paragraphs.find((x) => x.number === '1')!.recommendations).toEqual([]);
  });
  it('turns the treaty ratification list into a table with four columns', () => {
    const t = ingestRegistered('upr1-un-compilation').body.find((e) => e.kind === 'table' && e.table.id === 'treaties');
    expect(t?.kind).toBe('table');
    if (t?.kind !== 'table') return;
    expect(t.table.rows.map((r) => ('text' in r[0][0] ? r[0][0].text : ''))).toEqual(['ICERD', 'ICESCR', 'ICCPR', 'ICCPR-OP 1', 'CEDAW', 'OP-CEDAW', 'CAT', 'OP-CAT', 'CRC', 'OP-CRC-AC', 'OP-CRC-SC', 'CED']);
  });
  it('puts a value printed on the line below its label into the value column ("Palermo Protocol" / "Yes")', () => {
    const t = ingestRegistered('upr1-un-compilation').body.find((e) => e.kind === 'table' && e.table.id === 'other-instruments');
    if (t?.kind !== 'table') throw new Error('table other-instruments missing');
    const text = (cell: (typeof t.table.rows)[0][0]) => cell.map((r) => ('text' in r ? r.text : '')).join('');
    expect(t.table.rows.map((r) => [text(r[0]), text(r[1])])).toEqual([
      ['Convention on the Prevention and Punishment of the Crime of Genocide', 'Yes'],
      ['Rome Statute of the International Criminal Court', 'No'],
      ['Palermo Protocol', 'Yes'],
      ['Refugees and stateless persons', 'Yes, except 1954 and 1961'],
      ['Geneva Conventions of 12 August 1949 and Additional Protocols thereto', 'Yes'],
      ['ILO fundamental conventions', 'Yes'],
      ['UNESCO Convention against Discrimination in Education', 'No'],
    ]);
  });
  it('repairs OCR damage through the errata list and records the printed reading', () => {
    const r = ingestRegistered('upr1-national-report');
    expect(r.paragraphs.find((p) => p.number === '15')!.text).toContain('The Constitution proclaims');
    expect(r.report.corrections).toContainEqual({ line: 87, printed: 'Congtitution', correction: 'Constitution', kind: 'ocr-character' });
    expect(r.headings.map((h) => h.title)).toContain('Right to life');
  });
});

describe('bodies cited through a back-reference', () => {
  it('resolves "The same Committee" opening a paragraph to the committee the paragraphs before named last', () => {
    const ps = ingestRegistered('upr4-un-compilation').paragraphs;
    const r = (n: string) => ps.find((p) => p.number === n)!;
    expect(r('18').text.startsWith('The same Committee welcomed')).toBe(true);
    expect(r('17').text).toMatch(/Committee on the Rights of Persons with Disabilities recommended/);
    const annotated = ingestAnnotated('kazakhstan', 'upr4-un-compilation');
    const bodies = (n: string) => annotated.find((p) => p.number === n)!.bodies;
    expect(bodies('18')).toEqual(['crpd']);
    for (const n of ['24', '25', '26', '27']) expect(bodies(n)).toContain('cat');
  });
  it('takes "the Committee" after "Committee of Experts on the Application of …" as that committee, not one named before', () => {
    const annotated = ingestAnnotated('kazakhstan', 'upr1-un-compilation');
    expect(annotated.find((p) => p.number === '30')!.bodies).toEqual(['ilo']);
  });
});
