import { describe, expect, it } from 'vitest';
import { parseRecommendationRefs } from '../../scripts/ingest/recommendations.ts';
import { splitMarkers } from '../../scripts/ingest/markers.ts';
import { findFurniture } from '../../scripts/ingest/furniture.ts';
import { toLines } from '../../scripts/ingest/lines.ts';
import { escapeMdx, gfmTable, toMdx } from '../../scripts/ingest/emit.ts';
import { readGfmTable } from '../../scripts/ingest/gfm-check.ts';
import { IngestError } from '../../scripts/ingest/errors.ts';
import { readFileSync } from 'node:fs';
import { ingestDocument } from '../../scripts/ingest/pipeline.ts';
import { ingestRegistered, ingestText, registry } from './helpers.ts';

describe('recommendation references', () => {
  it('expands ranges written with en dashes and hyphens', () => {
    expect(parseRecommendationRefs('Recommendations 95.41, 97.15–97.18')).toEqual(['95.41', '97.15', '97.16', '97.17', '97.18']);
    expect(parseRecommendationRefs('Recommendations 95.42-95.45, 95.48')).toEqual(['95.42', '95.43', '95.44', '95.45', '95.48']);
  });
  it('rejects a backwards range', () => {
    expect(() => parseRecommendationRefs('Recommendations 95.20–95.15')).toThrow(/runs backwards/);
    expect(() => parseRecommendationRefs('(Recommendations 9–7)')).toThrow(/runs backwards/);
  });
  it('reads numbers of a list in parentheses, with ranges', () => {
    expect(parseRecommendationRefs('(Recommendations 1, 5, 7–9, 11–12, 158–160)')).toEqual(['1', '5', '7', '8', '9', '11', '12', '158', '159', '160']);
    expect(parseRecommendationRefs('(Recommendation 15)')).toEqual(['15']);
  });
});

describe('furniture', () => {
  it('is idempotent: nothing more is found once furniture is removed', () => {
    const lines = toLines('A/HRC/WG.6/7/KAZ/1\nGE.09-17130 5\nPage 3\n12. Text of a paragraph.\n');
    const found = findFurniture(lines);
    expect(found.map((f) => f.kind)).toEqual(['running-header', 'job-number', 'page-label']);
    const rest = lines.filter((l) => !found.some((f) => f.line === l.n));
    expect(findFurniture(rest)).toEqual([]);
  });
});

describe('another State in another layout (one paragraph per line, markers glued to the last word)', () => {
  const text = [
    'I. Background',
    '1. The present report was prepared pursuant to resolution 5/1, taking into account the previous review.1',
    '2. Ruritania ratified the Convention No.872 and the Protocol in 20093 as noted by CEDAW.',
    'II. Scope of international obligations',
    'A. Cooperation with treaty bodies',
    '3. The Committee against Torture recommended reforms of the non-',
    'governmental sector rules.4',
    '5. A later paragraph with a printed gap (no paragraph 4).',
  ].join('\n');
  const r = ingestText(text);
  it('keeps printed numbers, including gaps, and builds headings', () => {
    expect(r.paragraphs.map((p) => p.number)).toEqual(['1', '2', '3', '5']);
    expect(r.paragraphs[2].headings).toEqual(['Scope of international obligations', 'Cooperation with treaty bodies']);
    expect(r.report.anomalies.some((a) => a.kind === 'paragraph-gap')).toBe(true);
  });
  it('keeps "Convention No. 87" and splits off footnote marker 2 ("No.872"), and 2009 + marker 3 ("20093")', () => {
    expect(r.paragraphs[1].footnotes).toEqual([2, 3]);
    expect(r.paragraphs[1].text).toContain('Convention No.87 and the Protocol in 2009 as noted');
  });
  it('keeps a real compound across a line end ("non-governmental")', () => {
    expect(r.paragraphs[2].text).toContain('non-governmental sector rules.');
    expect(r.paragraphs[2].footnotes).toEqual([4]);
  });
});

describe('bad input stops with file and line', () => {
  it('rejects an empty source', () => {
    expect(() => ingestText('   \n')).toThrow(/fixtures\/synthetic\.txt:1: the source text is empty/);
  });
  it('rejects binary bytes naming the line', () => {
    expect(() => ingestText('1. Fine.\n2. Bad \u0000 byte.\n')).toThrow(/synthetic\.txt:2: control or undecodable byte U\+0000/);
  });
  it('is an IngestError, not a stack trace', () => {
    expect(() => ingestText('')).toThrow(IngestError);
  });
});

describe('generated text is escaped for MDX (rendering is checked on the built site by tests/quality)', () => {
  const hostile = [
    '{a} and {`x`}', 'a<b and <br> and <!-- c -->', '*x* _y_ ~z~ **w**', '&amp; &lt;', '# not a heading',
    '1. not a list', '- not a bullet', '> not a quote', 'import x from "y"', 'export const a = 1', '<script>alert(1)</script>',
    'back\\slash `code` [link](http://x) ![img](y) | pipe |', 'per cent 50% $5 ^caret @at',
  ];
  it('escapes every ASCII punctuation character', () => {
    expect(escapeMdx('{<*_>}')).toBe('\\{\\<\\*\\_\\>\\}');
  });
  for (const s of hostile) {
    it(`keeps ${JSON.stringify(s)} as escaped text on one line inside its element`, () => {
      const r = ingestText(`1. ${s}`);
      const line = toMdx('synthetic', r).split('\n').find((l) => l.startsWith('<section class="para'))!;
      const inner = /<p>(.*)<\/p>/.exec(line)![1];
      // No unescaped punctuation survives, so MDX can parse no syntax out of it.
      expect(inner.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[!-/:-@[-`{-~]/);
      expect(inner.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(r.paragraphs[0].text);
    });
  }
});

describe('printed paragraph numbers that repeat or descend stop the build', () => {
  const source = readFileSync('content/corpora/kazakhstan/sources/kaz-upr1-national-report.txt', 'utf8').split('\n');
  const entry = registry.find((d) => d.id === 'upr1-national-report')!;
  const mutate = (line: number, from: string, to: string) => {
    const copy = [...source];
    expect(copy[line - 1].startsWith(from)).toBe(true);
    copy[line - 1] = to + copy[line - 1].slice(from.length);
    return copy.join('\n');
  };
  const run = (text: string) => ingestDocument(entry, text, { file: 'x.txt', errataFile: 'errata.json', errata: [], tables: [] });
  it('names the line when paragraph 7 is printed as a second 6', () => {
    expect(() => run(mutate(50, '7.', '6.'))).toThrow(/x\.txt:\d+: paragraph number 6 repeats paragraph 6/);
  });
  it('names the line when paragraph 7 is printed as 4', () => {
    expect(() => run(mutate(50, '7.', '4.'))).toThrow(/x\.txt:50: paragraph number 4 descends after paragraph 6/);
  });
});

describe('NGO notes that carry no number or "See"', () => {
  const r = ingestRegistered('iccpr2-ngo-comments');
  it('lifts a quoted law continued from the previous page ("10. Participation …") out of the body', () => {
    expect(r.paragraphs.some((p) => p.text.includes('Participation in the activity of public, religious associations not registered'))).toBe(false);
    expect(r.footnotes.some((f) => f.text?.includes('Participation in the activity of public, religious associations not registered'))).toBe(true);
  });
  it('lifts a monitoring-report note that interrupts a paragraph and rejoins the paragraph', () => {
    const p = r.paragraphs.find((x) => x.anchor === 'rec7-p1')!;
    expect(p.text).toContain('For example, it is virtually impossible for people from Uzbekistan');
    expect(p.text).not.toContain('Written by an observer');
  });
});

describe('markers glued on both sides', () => {
  it('restores the space the extraction lost after a marker ("Civil Code106does")', () => {
    const r = ingestText('1. The first paragraph ends here.1\n2. The Civil Code2does not provide for any time limit.');
    expect(r.paragraphs[1].footnotes).toEqual([2]);
    expect(r.paragraphs[1].blocks[0]).toEqual({ type: 'text', runs: [{ text: 'The Civil Code' }, { fn: 2 }, { text: ' does not provide for any time limit.' }] });
  });
});

describe('GFM tables (checked with remark-gfm)', () => {
  it('keeps a "|" printed inside a cell in that cell', () => {
    const t = { id: 't', caption: [], columns: ['Treaty', 'Status'], rows: [[[{ text: 'ICCPR | OP' }], [{ text: 'Yes' }]]], notes: [] };
    const lines = gfmTable(t);
    expect(readGfmTable(lines.join('\n'))).toEqual({ rows: 1, cells: [2, 2] });
  });
  it('stops with a message naming tables.json when a row does not fit its columns', () => {
    const t = { id: 't', caption: [], columns: ['A', 'B'], rows: [[[{ text: 'only one' }]]], notes: [] };
    expect(() => gfmTable(t)).toThrow(/tables\.json: table "t" does not read back as 1 rows × 2 columns/);
  });
});

describe('footnote markers in running text', () => {
  const split = (text: string, next: number, seen: number[] = [1]) => {
    const anomalies: { line: number; kind: string; message: string }[] = [];
    const runs = splitMarkers(text, { next, seen }, 1, anomalies);
    return runs.map((r) => ('fn' in r ? `[${r.fn}]` : r.text)).join('');
  };
  it('keeps "Act No. 10 of 2024" whole when marker 10 is due', () => {
    expect(split('The State adopted Act No. 10 of 2024 on the ombudsman.', 10)).toBe('The State adopted Act No. 10 of 2024 on the ombudsman.');
    expect(split('See para. 11 of the report.', 11)).toBe('See para. 11 of the report.');
  });
  it('splits a marker printed after a space that follows punctuation ("rights; 54 and")', () => {
    expect(split('in line with the Paris Principles and women’s rights; 54 and that it allocate resources.', 54)).toBe('in line with the Paris Principles and women’s rights;[54] and that it allocate resources.');
  });
  it('splits a marker that ends a paragraph after its full stop ("parents. 19")', () => {
    expect(split('to ease the financial burden on parents. 19', 19)).toBe('to ease the financial burden on parents.[19]');
  });
  it('does not read an ordinal suffix as the end of a marker ("UPR 3 rd cycle")', () => {
    expect(split('a voluntary mid-term report on the UPR 3 rd cycle recommendations.', 2)).toBe('a voluntary mid-term report on the UPR 3 rd cycle recommendations.');
  });
});
