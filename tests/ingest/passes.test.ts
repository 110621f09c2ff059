/**
 * Every pass's guarantees, checked on every document of every corpus (ingestDoc runs the pipeline with
 * `checking: true`, which calls each pass's `check`), and what a reader must never find in a paragraph:
 * page furniture, note lines, a note marker left as a number.
 */
import { describe, expect, it } from 'vitest';
import { passes } from '../../scripts/ingest/pipeline.ts';
import { initialState, runPasses } from '../../scripts/ingest/state.ts';
import { BARCODE, JOB, PAGE_LABEL, SYMBOL } from '../../scripts/ingest/shapes.ts';
import { everyDocument, ingestDoc, syntheticEntry } from './helpers.ts';

/** What page furniture left in a paragraph looks like. */
function furnitureLeaks(text: string, symbol: string | null): string[] {
  const found: string[] = [];
  if (symbol && text.includes(symbol) && new RegExp(`(?:^|\\s)${symbol.replace(/[./]/g, '\\$&')}(?:\\s|$)`).test(text)) {
    // A symbol cited in running text is fine ("the first report (A/HRC/WG.6/7/SVN/1)"); one standing between words is a running header.
    if (!new RegExp(`[(,;]\\s*${symbol.replace(/[./]/g, '\\$&')}|${symbol.replace(/[./]/g, '\\$&')}\\s*[),;.]`).test(text)) found.push(`running header ${symbol}`);
  }
  for (const word of text.split(/\s{2,}|(?<=[.;:])\s/)) {
    if (JOB.test(word.trim()) || BARCODE.test(word.trim()) || PAGE_LABEL.test(word.trim()) || (SYMBOL.test(word.trim()) && word.trim() === symbol)) found.push(word.trim());
  }
  if (/\bGE\.\d{2}-\d{5}\b/.test(text)) found.push('GE job number');
  if (/[\uF000-\uF0FF]/.test(text)) found.push('symbol-font character');
  return found;
}

describe('pass guarantees on every corpus document', () => {
  for (const [corpus, d] of everyDocument()) {
    it(`holds every pass's guarantee for ${corpus}/${d.id}`, () => {
      const r = ingestDoc(corpus, d.id);
      expect(r.paragraphs.length + r.body.filter((b) => b.kind === 'table').length).toBeGreaterThan(0);
    });
    it(`leaves no page furniture in any paragraph of ${corpus}/${d.id}`, () => {
      const r = ingestDoc(corpus, d.id);
      const leaks = r.paragraphs.flatMap((p) => furnitureLeaks(p.text, d.symbol).map((l) => `${p.anchor}: ${l}`));
      expect(leaks).toEqual([]);
    });
  }
});

describe('the pass runner', () => {
  it('reports which pass broke its guarantee, naming the file', () => {
    const broken = passes.map((p) => (p.name === 'anchors' ? { ...p, run: (s: Parameters<typeof p.run>[0]) => ({ ...p.run(s), markers: [3, 2] }) } : p));
    const entry = syntheticEntry();
    const state = initialState(entry, '1. A paragraph with a marker.1\n2. Another one.2\n', { file: 'fixtures/x.txt', errataFile: 'e.json', errata: [], tables: [] });
    expect(() => runPasses(broken, state, true)).toThrow(/fixtures\/x\.txt: pass "anchors" broke its guarantee: marker 2 follows 3/);
    expect(() => runPasses(broken, state, false)).not.toThrow();
  });
  it('runs the furniture pass idempotently: its rules find nothing in what they left', () => {
    const furniture = passes.find((p) => p.name === 'furniture')!;
    const entry = syntheticEntry({ layout: { numbering: 'global', splicedFootnotes: false, extraction: 'plain', tables: false } });
    const text = 'A/HRC/WG.6/99/XYZ/1\nGE.09-17130 5\nPage 3\n1. Text of a paragraph.\n';
    const s = runPasses(passes.slice(0, 4), initialState(entry, text, { file: 'x', errataFile: 'e', errata: [], tables: [] }), true);
    expect(s.furniture.map((f) => f.kind)).toEqual(['running-header', 'job-number', 'page-label']);
    expect(() => furniture.check!(s)).not.toThrow();
  });
});
