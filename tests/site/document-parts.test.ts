/**
 * Long documents in parts (src/lib/document-parts.ts, src/lib/part-forward.ts): where a body is cut,
 * how pieces are packed, what each part holds and prints, where an id is shown in full, and where
 * an overview page's address is forwarded. Bodies are written here in the ingest's markup
 * (docs/CONTRACT.md), so each case states its sizes.
 */
import { describe, expect, it } from 'vitest';
import {
  overviewSections,
  pack,
  PAGE_FRAME_BYTES,
  pageBytes,
  parseBody,
  partHolding,
  partHtml,
  partLinks,
  pieces,
  placeUrl,
  splitDocument,
  type DocumentParts,
} from '../../src/lib/document-parts.ts';
import { partForwardUrl } from '../../src/lib/part-forward.ts';
import { buildSearchRecord, type SearchRegistries } from '../../src/scripts/search-record.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { DocumentEntry } from '../../src/schemas/document.ts';

const heading = (depth: number, id: string, title = id) => `<h${depth + 1} id="${id}" class="heading level-${depth}">${title}</h${depth + 1}>\n`;
/** A paragraph section of about `size` bytes, with note markers `notes`. */
const para = (id: string, size = 100, notes: number[] = []) => {
  const marks = notes.map((n) => `<sup class="fnref" id="fnref-${n}"><a href="#fn-${n}">${n}</a></sup>`).join('');
  const open = `<section class="para kind-numbered" id="${id}"><a class="pnum" href="#${id}">1.</a><div class="ptext"><p>`;
  const close = `${marks}</p></div></section>\n`;
  return open + 'x'.repeat(Math.max(0, size - open.length - close.length)) + close;
};
const notes = (ns: number[], size = 60) =>
  `<section class="footnotes" id="footnotes" aria-labelledby="footnotes-title"><h2 id="footnotes-title">Notes</h2>` +
  ns.map((n) => `<p class="fn" id="fn-${n}"><a class="fnback" href="#fnref-${n}">${n}</a> ${'n'.repeat(size)}</p>`).join('') +
  `</section>`;

/** Two chapters; the second has three sections; notes 1–3. */
const BODY =
  heading(1, 'h-i') +
  para('p1', 1000, [1]) +
  para('p2', 1000) +
  heading(1, 'h-ii') +
  heading(2, 'h-ii-a') +
  para('p3', 1000, [2]) +
  heading(2, 'h-ii-b') +
  para('p4', 1000) +
  '<figure class="table"><table><tr><td>t</td></tr></table></figure>\n' +
  heading(2, 'h-ii-c') +
  para('p5', 1000, [3]) +
  para('p6', 1000) +
  notes([1, 2, 3]);

describe('parseBody', () => {
  it('cuts a body at each heading and paragraph, keeps what follows an element with it, and lifts the notes out', () => {
    const body = parseBody(BODY);
    expect(body.blocks.map((b) => `${b.kind}:${b.id}:${b.depth}`)).toEqual([
      'heading:h-i:1', 'para:p1:0', 'para:p2:0', 'heading:h-ii:1', 'heading:h-ii-a:2', 'para:p3:0', 'heading:h-ii-b:2', 'para:p4:0', 'heading:h-ii-c:2', 'para:p5:0', 'para:p6:0',
    ]);
    expect(body.blocks[7]!.html).toContain('<figure class="table">');
    expect(body.blocks.map((b) => b.notes)).toEqual([[], [1], [], [], [], [2], [], [], [], [3], []]);
    expect([...body.notes.keys()]).toEqual([1, 2, 3]);
    expect(body.notesHead).toBe('<section class="footnotes" id="footnotes" aria-labelledby="footnotes-title"><h2 id="footnotes-title">Notes</h2>');
    expect(body.notesTail).toBe('</section>');
    // Nothing is lost or doubled: the blocks and the notes section are the body.
    expect(body.blocks.map((b) => b.html).join('') + body.notesHead + [...body.notes.values()].join('') + body.notesTail).toBe(BODY);
  });

  it('keeps text before the first heading as a prelude and records retired anchors with their holder', () => {
    const body = parseBody(
      para('p1').replace('<a class="pnum"', '<span class="retired-anchor" id="old-1"></span><a class="pnum"') +
        heading(1, 'h-i') +
        para('p2', 100, [1]) +
        notes([1]).replace('<a class="fnback"', '<span class="retired-anchor" id="old-2"></span><a class="fnback"'),
    );
    expect(body.blocks.map((b) => b.kind)).toEqual(['para', 'heading', 'para']);
    expect(body.blocks[0]!.aliases).toEqual(['old-1']);
    expect([...body.noteAliases]).toEqual([['old-2', 'fn-1']]);
    expect(parseBody('<p>front</p>\n' + heading(1, 'a') + para('p1')).blocks.map((b) => b.kind)).toEqual(['prelude', 'heading', 'para']);
  });
});

describe('pieces and pack', () => {
  it('cuts at the outermost headings first, deeper only where a section is still over capacity', () => {
    const body = parseBody(BODY);
    // Chapter I (~2 KB + a note) fits in 2,500 bytes; chapter II (~3 KB) does not: it is cut at its sections.
    const ranges = pieces(body, 2500).map(([a, b]) => body.blocks.slice(a, b).map((x) => x.id).join(','));
    expect(ranges).toEqual(['h-i,p1,p2', 'h-ii,h-ii-a,p3', 'h-ii-b,p4', 'h-ii-c,p5,p6']);
  });

  it('cuts a section without sub-headings between its paragraphs when it alone is over capacity', () => {
    const body = parseBody(heading(1, 'h') + para('p1', 1000) + para('p2', 1000) + para('p3', 1000));
    expect(pieces(body, 1500).map(([a, b]) => body.blocks.slice(a, b).map((x) => x.id).join(','))).toEqual(['h,p1', 'p2', 'p3']);
  });

  it('packs pieces into the fewest groups under capacity, then evens them out', () => {
    // Greedy alone fills the first group: 12 + 6; evened, as few groups hold 9 + 9.
    expect(pack([3, 3, 3, 3, 3, 3], 12)).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(pack([5, 4, 3, 1, 1, 1], 9)).toEqual([[0, 1], [2, 3, 4, 5]]);
    expect(pack([10], 3)).toEqual([[0]]);
  });
});

describe('splitDocument', () => {
  const budget = (extra: number) => PAGE_FRAME_BYTES + extra;

  it('leaves a document that fits its budget on one page', () => {
    const body = parseBody(BODY);
    expect(splitDocument({ body, contentsBytes: 500, budget: pageBytes(body, 500) })).toBeNull();
  });

  it('splits one over budget into parts that each hold their notes, every paragraph exactly once, each under the budget', () => {
    const body = parseBody(BODY);
    const split = splitDocument({ body, contentsBytes: 500, budget: budget(3500) })!;
    expect(split.bytes).toBe(pageBytes(body, 500));
    expect(split.parts.map((p) => p.paragraphs)).toEqual([['p1', 'p2'], ['p3', 'p4'], ['p5', 'p6']]);
    expect(split.parts.map((p) => p.start)).toEqual([null, 'h-ii', 'h-ii-c']);
    expect(split.parts.map((p) => p.headings)).toEqual([['h-i'], ['h-ii', 'h-ii-a', 'h-ii-b'], ['h-ii-c']]);
    expect(split.parts.map((p) => p.notes)).toEqual([[1], [2], [3]]);
    for (const p of split.parts) expect(p.bytes).toBeLessThanOrEqual(budget(3500));
  });

  it('prints each part with only its own notes, and nothing of the other parts', () => {
    const body = parseBody(BODY);
    const split = splitDocument({ body, contentsBytes: 500, budget: budget(3500) })!;
    const [one, two, three] = split.parts;
    const html = partHtml(body, two!, three);
    expect(html.startsWith('<h2 id="h-ii"')).toBe(true);
    expect([...html.matchAll(/<section class="para[^"]*" id="([^"]+)"/g)].map((m) => m[1])).toEqual(['p3', 'p4']);
    expect([...html.matchAll(/<p class="fn" id="(fn-\d+)"/g)].map((m) => m[1])).toEqual(['fn-2']);
    expect(partHtml(body, one!, two)).not.toContain('id="h-ii"');
    expect(partHtml(body, three!, undefined)).toContain('id="fn-3"');
  });

  it('prints a note no marker refers to with the part of the note before it', () => {
    const body = parseBody(heading(1, 'a') + para('p1', 3000, [1]) + heading(1, 'b') + para('p2', 3000, [2]) + notes([1, 2, 3]));
    const split = splitDocument({ body, contentsBytes: 0, budget: budget(3500) })!;
    expect(split.parts.map((p) => p.notes)).toEqual([[1], [2, 3]]);
  });

  it('gives each retired anchor the part of the paragraph or note holding it', () => {
    const body = parseBody(
      heading(1, 'a') + para('p1', 3000, [1]) + heading(1, 'b') + para('p2', 3000).replace('<a class="pnum"', '<span class="retired-anchor" id="old"></span><a class="pnum"') +
        notes([1]).replace('<a class="fnback"', '<span class="retired-anchor" id="old-note"></span><a class="fnback"'),
    );
    const split = splitDocument({ body, contentsBytes: 0, budget: budget(3500) })!;
    expect(split.parts.map((p) => p.aliases)).toEqual([{ 'old-note': 'fn-1' }, { old: 'p2' }]);
    expect(partHolding(split, 'old')?.n).toBe(2);
    expect(partHolding(split, 'old-note')?.n).toBe(1);
  });
});

describe('where an element is shown in full', () => {
  const body = parseBody(BODY);
  const split = splitDocument({ body, contentsBytes: 500, budget: PAGE_FRAME_BYTES + 3500 })!;
  const parts: DocumentParts = { budget: PAGE_FRAME_BYTES + 3500, documents: { long: split } };

  it('is its part page for a split document, and the document page for any other', () => {
    expect(placeUrl('long', 'p4', parts)).toBe('/documents/long/part/2/#p4');
    expect(placeUrl('long', 'h-ii-c', parts)).toBe('/documents/long/part/3/#h-ii-c');
    expect(placeUrl('long', 'fn-1', parts)).toBe('/documents/long/part/1/#fn-1');
    expect(placeUrl('short', 'p4', parts)).toBe('/documents/short/#p4');
    expect(placeUrl('long', 'unknown', parts)).toBe('/documents/long/#unknown');
  });

  it('is what a search result of a split document links to as its context', () => {
    const document = { id: 'long', symbol: 'A/1', shortTitle: 'Long', type: 'national-report', author: { kind: 'state' }, cycle: 'c1', date: '2020-01' } as unknown as DocumentEntry;
    const registries: SearchRegistries = { documents: [document], cycles: [{ id: 'c1', label: 'Cycle 1', date: '2020-01' }], rights: [], bodies: [], parts };
    const paragraph = { id: 'long/p4', document: 'long', anchor: 'p4', number: '4', kind: 'numbered', section: null, headings: [], headingAnchors: [], rights: [], bodies: [], order: 3 } as unknown as Paragraph;
    expect(buildSearchRecord(paragraph, registries, '/').meta.context).toBe('/documents/long/part/2/#p4');
    expect(buildSearchRecord(paragraph, { ...registries, parts: undefined }, '/').meta.context).toBe('/documents/long/#p4');
  });

  it('lists the parts with where each starts and ends, and groups the overview under the headings', () => {
    const headings = [
      { anchor: 'h-i', parents: [], lines: [1, 1] as [number, number] },
      { anchor: 'h-ii', parents: [], lines: [10, 10] as [number, number] },
      { anchor: 'h-ii-a', parents: ['h-ii'], lines: [11, 11] as [number, number] },
      { anchor: 'h-ii-b', parents: ['h-ii'], lines: [20, 20] as [number, number] },
      { anchor: 'h-ii-c', parents: ['h-ii'], lines: [30, 30] as [number, number] },
    ];
    const lines: Record<string, number> = { p1: 2, p2: 3, p3: 12, p4: 21, p5: 31, p6: 32 };
    const paragraphs = Object.entries(lines).map(([anchor, l]) => ({ anchor, lines: [l, l] as [number, number], headingAnchors: [] as string[] }));
    const links = partLinks('long', split, headings, paragraphs, (h) => h.anchor.toUpperCase());
    expect(links.map((l) => `${l.href} ${l.summary} ${l.paragraphs}/${l.notes}`)).toEqual([
      '/documents/long/part/1/ H-I 2/1',
      '/documents/long/part/2/ H-II – H-II-B 2/1',
      '/documents/long/part/3/ H-II-C 2/1',
    ]);
    const sections = overviewSections(split, headings, paragraphs);
    expect(sections.map((s) => `${s.heading?.anchor}@${s.depth}/${s.part}: ${s.paragraphs.map((p) => `${p.paragraph.anchor}/${p.part}`).join(' ')}`)).toEqual([
      'h-i@1/1: p1/1 p2/1',
      'h-ii@1/2: ',
      'h-ii-a@2/2: p3/2',
      'h-ii-b@2/2: p4/2',
      'h-ii-c@2/3: p5/3 p6/3',
    ]);
  });
});

describe('partForwardUrl', () => {
  const parts: Record<string, string> = { p12: '2', 'fn-3': '1' };
  const partOf = (id: string) => parts[id] ?? null;

  it('sends an overview address naming an element in a part to that part, fragment kept', () => {
    expect(partForwardUrl('https://a.example/documents/x/#p12', partOf)).toBe('https://a.example/documents/x/part/2/#p12');
    expect(partForwardUrl('https://a.example/documents/x/index.html#fn-3', partOf)).toBe('https://a.example/documents/x/part/1/#fn-3');
    expect(partForwardUrl('http://127.0.0.1:4321/copy/documents/x/#p12', partOf)).toBe('http://127.0.0.1:4321/copy/documents/x/part/2/#p12');
  });

  it('stays for no fragment, an element outside the parts, or a part number that is not one', () => {
    expect(partForwardUrl('https://a.example/documents/x/', partOf)).toBeNull();
    expect(partForwardUrl('https://a.example/documents/x/#toc-title', partOf)).toBeNull();
    expect(partForwardUrl('https://a.example/documents/x/#p12', () => '../../evil')).toBeNull();
    expect(partForwardUrl('https://a.example/documents/x/#%E0%A4%A', partOf)).toBeNull();
  });
});
