/**
 * The scale switch and its pure helpers: which corpora are built as large sites, where a paragraph
 * URL without a page lands, what a search record from data holds, when an index may be reused, and
 * how the synthetic corpus of the benchmark is chosen.
 */
import { describe, expect, it } from 'vitest';
import { LARGE_SITE_FRAGMENT_FILES, planSite } from '../../src/lib/site-plan.ts';
import { paragraphFallback, paragraphFallbackRules } from '../../src/lib/paragraph-fallback.ts';
import { escapeHtml, recordHtml } from '../../src/lib/search-record-html.ts';
import { recordsDigest } from '../../scripts/postbuild.ts';
import { choose, renumberSymbol, reviewFields, sessionOfCycle, type Candidate } from '../../scripts/bench/synth.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { SearchRegistries } from '../../src/scripts/search-record.ts';
import type { DocumentEntry } from '../../src/schemas/document.ts';

describe('planSite', () => {
  const settings = (large: number, search: number) => ({ largeCorpusParagraphs: large, searchIndexParagraphs: search });
  const sizes = (entries: Array<[string, number, number?]>) => new Map(entries.map(([id, paragraphs, recs = 0]) => [id, { paragraphs, records: paragraphs + recs }]));

  it('builds a corpus of up to the threshold in full: a page per paragraph, one index, the offline zip', () => {
    const plan = planSite(sizes([['upr-1', 1111, 514]]), settings(1111, 1111));
    expect(plan).toMatchObject({ mode: 'full', paragraphs: 1111, paragraphPages: true, offlineZip: true, precompress: true, listLimit: null, maxFragmentsPerShard: null });
    expect(plan.searchShards).toEqual([{ id: '', bundle: '/pagefind/', review: null, records: 1625 }]);
  });

  it('searches a corpus one review at a time above the search threshold, even when it is built in full', () => {
    const plan = planSite(sizes([['upr-2', 600, 50], ['upr-1', 500]]), settings(2000, 1000));
    expect(plan).toMatchObject({ mode: 'full', paragraphPages: true, maxFragmentsPerShard: null });
    expect(plan.searchShards).toEqual([
      { id: 'upr-1', bundle: '/pagefind/upr-1/', review: 'upr-1', records: 500 },
      { id: 'upr-2', bundle: '/pagefind/upr-2/', review: 'upr-2', records: 650 },
    ]);
  });

  it('keeps one index for a corpus of one review, however large', () => {
    const plan = planSite(sizes([['upr-1', 50_000]]), settings(20_000, 1000));
    expect(plan.mode).toBe('large');
    expect(plan.searchShards).toEqual([{ id: '', bundle: '/pagefind/', review: null, records: 50_000 }]);
  });

  it('builds a larger corpus as a large site with one index per review, skipping reviews with nothing to search', () => {
    const plan = planSite(sizes([['upr-2', 700], ['iccpr-2', 400], ['upr-3', 0]]), settings(1000, 1000));
    expect(plan).toMatchObject({ mode: 'large', paragraphs: 1100, paragraphPages: false, offlineZip: false, precompress: false, listLimit: 0 });
    expect(plan.searchShards.map((s) => s.id)).toEqual(['iccpr-2', 'upr-2']);
    expect(plan.maxFragmentsPerShard).toBe(LARGE_SITE_FRAGMENT_FILES / 2);
  });
});

describe('paragraphFallback', () => {
  it('sends a paragraph URL, with or without its final slash, to the paragraph in its document', () => {
    expect(paragraphFallback('/documents/upr1-national-report/p12/')).toBe('/documents/upr1-national-report/#p12');
    expect(paragraphFallback('/documents/iccpr2-ngo-comments/art7-p3')).toBe('/documents/iccpr2-ngo-comments/#art7-p3');
  });

  it('leaves every other address alone', () => {
    for (const path of ['/documents/upr1-national-report/', '/documents/x/p1/more/', '/rights/torture/p1/', '/documents/X/p1/', '/documents/x/1p/', '/']) {
      expect(paragraphFallback(path), path).toBeNull();
    }
  });

  it('writes _redirects rules with placeholders and the fragment, as 301s', () => {
    expect(paragraphFallbackRules()).toContain('/documents/:doc/:anchor/ /documents/:doc/#:anchor 301\n');
  });
});

const document = {
  id: 'doc-a',
  symbol: 'A/HRC/WG.6/7/XYZ/1',
  shortTitle: 'Doc A',
  type: 'national-report',
  author: { kind: 'state', name: 'Testland', members: [] },
  cycle: 'upr-1',
  date: '2010-02',
} as unknown as DocumentEntry;
const registries: SearchRegistries = {
  documents: [document],
  cycles: [{ id: 'upr-1', label: 'UPR cycle 1', date: '2010-02' }],
  rights: [],
  bodies: [],
};
const paragraph = {
  id: 'doc-a/p2',
  document: 'doc-a',
  number: '2',
  anchor: 'p2',
  section: null,
  kind: 'numbered',
  order: 1,
  headings: ['Methodology'],
  headingAnchors: ['h-1'],
  blocks: [
    { type: 'text', runs: [{ text: 'Torture & <ill-treatment> are "banned".' }, { fn: 7 }, { text: ' See:' }] },
    { type: 'list', style: 'alpha', items: [{ label: '(a)', runs: [{ text: 'prisons' }] }] },
  ],
  text: 'Torture & <ill-treatment> are "banned". See: (a) prisons',
  footnotes: [7],
  recommendations: [],
  rights: [],
  rightTags: [],
  bodies: [],
  lines: [10, 12],
} as unknown as Paragraph;

describe('recordHtml', () => {
  it('holds the paragraph text escaped, list labels, no footnote marker, and the permanent URL', () => {
    const r = recordHtml(paragraph, registries);
    expect(r.url).toBe('/documents/doc-a/p2/');
    expect(r.content).toContain('<p>Torture &#38; &#60;ill-treatment&#62; are &#34;banned&#34;. See:</p>');
    expect(r.content).toContain('<li><span class="label">(a)</span> prisons</li>');
    expect(r.content).not.toContain('>7<');
  });

  it('carries the filters, metadata and sort key of the search record', () => {
    const { content } = recordHtml(paragraph, registries);
    expect(content).toContain('<span data-pagefind-filter="doc">doc-a</span>');
    expect(content).toContain('<span data-pagefind-meta="context">/documents/doc-a/#p2</span>');
    expect(content).toContain('<span data-pagefind-sort="date">2010-02/doc-a/00001</span>');
  });

  it('escapes every character that could end an attribute or open a tag', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;');
  });
});

describe('recordsDigest', () => {
  const records = [recordHtml(paragraph, registries)];
  it('is the same for the same records and options', () => {
    expect(recordsDigest(records, null)).toBe(recordsDigest([recordHtml(paragraph, registries)], null));
  });

  it('changes when a record, its URL or the fragment option changes', () => {
    const base = recordsDigest(records, null);
    expect(recordsDigest([{ ...records[0]!, content: `${records[0]!.content} ` }], null)).not.toBe(base);
    expect(recordsDigest([{ ...records[0]!, url: '/documents/doc-a/p3/' }], null)).not.toBe(base);
    expect(recordsDigest(records, 50)).not.toBe(base);
  });
});

describe('the synthetic corpus', () => {
  it('moves a copy to review k: a UPR document by its session, a treaty document by its cycle, what it answers with it', () => {
    const upr = { mechanism: 'upr', cycle: 'upr-2', session: 20, answers: { review: 'upr-1', numbering: 'printed' } } as unknown as DocumentEntry;
    expect(sessionOfCycle(1)).toBe(7);
    expect(sessionOfCycle(4)).toBe(41);
    expect(reviewFields(upr, 4)).toEqual({ session: 41, answers: { review: 'upr-3', numbering: 'printed' } });
    expect(reviewFields(upr, 1)).toEqual({ session: 7, answers: null });
    const treaty = { mechanism: 'iccpr', cycle: 'iccpr-2', answers: null } as unknown as DocumentEntry;
    expect(reviewFields(treaty, 9)).toEqual({ cycle: 'iccpr-9', answers: null });
  });

  it('renumbers a State code segment, or appends a number to a symbol without one', () => {
    expect(renumberSymbol('A/HRC/WG.6/7/ABC/1', 12, 'ABC')).toBe('A/HRC/WG.6/7/X12/1');
    expect(renumberSymbol('CCPR/C/ABC/CO/2', 5, 'ABC')).toBe('CCPR/C/X5/CO/2');
    expect(renumberSymbol('A/HRC/14/15/Add.1', 3, 'ABC')).toBe('A/HRC/14/15/Add.1/X3');
  });

  const candidate = (corpus: number, id: string, paragraphs: number, pages: number | null): Candidate => ({
    corpus,
    document: { id } as DocumentEntry,
    text: '',
    pages,
    paragraphs,
  });
  const pool = {
    whole: [candidate(0, 'a', 200, null), candidate(1, 'b', 80, null), candidate(0, 'c', 50, null)],
    prefixes: [5, 10, 20, 30, 40, 60].map((n, i) => candidate(1, 'b', n, i + 1)),
  };

  it('picks exactly the documents asked for, with about the paragraphs asked for, from both corpora', () => {
    const chosen = choose(pool, { documents: 100, paragraphs: 5000 });
    expect(chosen).toHaveLength(100);
    const total = chosen.reduce((n, c) => n + c.paragraphs, 0);
    expect(Math.abs(total - 5000)).toBeLessThanOrEqual(200);
    expect(new Set(chosen.map((c) => c.corpus))).toEqual(new Set([0, 1]));
    expect(chosen.some((c) => c.pages !== null)).toBe(true);
  });
});
