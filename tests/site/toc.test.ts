import { describe, expect, it } from 'vitest';
import { buildToc, tocEntries } from '../../src/lib/toc.ts';
import type { Heading } from '../../src/schemas/heading.ts';

const h = (anchor: string, level: 1 | 2 | 3 | 4, line: number, parents: string[] = []): Heading => ({ document: 'd', anchor, level, label: null, title: anchor, parents, lines: [line, line] });

describe('table of contents', () => {
  it('lists each quoted Committee recommendation under its heading, in source order, by its number and distinctive opening words', () => {
    const headings = [h('h-i', 1, 1), h('h-ii', 1, 50)];
    const quote = { document: 'd', kind: 'quotation' as const, section: 'rec1', anchor: 'rec1-committee', text: 'Recommendations: The Committee urges the State party to provide comprehensive information on the constitutional framework within which', lines: [3, 5] as [number, number], headingAnchors: ['h-i'] };
    const para = { ...quote, kind: 'numbered' as const, anchor: 'rec1-p1', lines: [6, 7] as [number, number] };
    const toc = buildToc(tocEntries(headings, [quote, para]));
    expect(toc.map((n) => n.heading.anchor)).toEqual(['h-i', 'h-ii']);
    expect(toc[0].children.map((n) => [n.heading.anchor, n.heading.level, n.heading.title])).toEqual([
      ['rec1-committee', 2, 'Recommendation 1: provide comprehensive information on the constitutional framework within …'],
    ]);
  });

  it('never gives two recommendations the same contents entry, however alike their openings', () => {
    const q = (n: number, text: string) => ({ document: 'd', kind: 'quotation' as const, section: `rec${n}`, anchor: `rec${n}-committee`, text, lines: [n, n] as [number, number], headingAnchors: [] });
    const same = 'Recommendation: The State party should ensure that its legislation and practice comply with the Covenant in every respect';
    const entries = tocEntries([], [q(2, `${same}, including A.`), q(3, `${same}, including B.`), { ...q(4, `${same}, including C.`), section: null }]);
    const titles = entries.map((e) => e.title);
    expect(new Set(titles).size).toBe(3);
    expect(titles.every((t) => !/The State party should/.test(t))).toBe(true);
    expect(titles.map((t) => t.split(':')[0])).toEqual(['Recommendation 2', 'Recommendation 3', 'Committee recommendation']);
  });
});
