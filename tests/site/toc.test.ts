import { describe, expect, it } from 'vitest';
import { buildToc, tocEntries } from '../../src/lib/toc.ts';
import type { Heading } from '../../src/schemas/heading.ts';

const h = (anchor: string, level: 1 | 2 | 3 | 4, line: number, parents: string[] = []): Heading => ({ document: 'd', anchor, level, label: null, title: anchor, parents, lines: [line, line] });

describe('table of contents', () => {
  it('lists each quoted Committee recommendation under its heading, in source order, by its first ten words', () => {
    const headings = [h('h-i', 1, 1), h('h-ii', 1, 50)];
    const quote = { document: 'd', kind: 'quotation' as const, anchor: 'rec1-committee', text: 'Recommendations: The Committee urges the State party to provide comprehensive information on the constitutional framework', lines: [3, 5] as [number, number], headingAnchors: ['h-i'] };
    const para = { ...quote, kind: 'numbered' as const, anchor: 'rec1-p1', lines: [6, 7] as [number, number] };
    const toc = buildToc(tocEntries(headings, [quote, para]));
    expect(toc.map((n) => n.heading.anchor)).toEqual(['h-i', 'h-ii']);
    expect(toc[0].children.map((n) => [n.heading.anchor, n.heading.level, n.heading.title])).toEqual([
      ['rec1-committee', 2, 'Committee recommendation: The Committee urges the State party to provide comprehensive information …'],
    ]);
  });
});
