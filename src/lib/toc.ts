/** Table of contents: flat headings (document order, levels 1–4) → nested tree. */
import type { Heading } from '../schemas/heading.ts';
import type { Paragraph } from '../schemas/paragraph.ts';

/** A heading with the headings nested under it. */
export interface TocNode {
  heading: Heading;
  children: TocNode[];
}

/** Nests headings by level; a deeper level after a shallower one becomes its child. */
export function buildToc(headings: Heading[]): TocNode[] {
  const root: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const heading of headings) {
    const node = { heading, children: [] };
    while (stack.length > 0 && stack.at(-1)!.heading.level >= heading.level) stack.pop();
    (stack.at(-1)?.children ?? root).push(node);
    stack.push(node);
  }
  return root;
}

/** Heading text as printed: "II. Title" or just the title. */
export const headingText = (h: Pick<Heading, 'label' | 'title'>): string => (h.label ? `${h.label}. ${h.title}` : h.title);

/**
 * Table-of-contents entries: the headings, plus each quoted treaty-body recommendation (the NGO
 * report's Part I blocks carry no heading of their own) as an entry one level below its heading,
 * titled by its opening words. Entries are in source order.
 */
export function tocEntries(headings: Heading[], paragraphs: Pick<Paragraph, 'kind' | 'anchor' | 'text' | 'lines' | 'document' | 'headingAnchors'>[]): Heading[] {
  const byAnchor = new Map(headings.map((h) => [h.anchor, h]));
  const quotes: Heading[] = paragraphs
    .filter((p) => p.kind === 'quotation')
    .map((p) => {
      const parent = byAnchor.get(p.headingAnchors.at(-1) ?? '');
      const words = p.text.replace(/^Recommendations?\s*:\s*/, '').split(/\s+/);
      const opening = words.slice(0, 10).join(' ') + (words.length > 10 ? ' …' : '');
      return {
        document: p.document,
        anchor: p.anchor,
        level: Math.min((parent?.level ?? 1) + 1, 4),
        label: null,
        title: `Committee recommendation: ${opening}`,
        parents: parent ? [...parent.parents, parent.anchor] : [],
        lines: p.lines,
      };
    });
  return [...headings, ...quotes].sort((a, b) => a.lines[0] - b.lines[0]);
}
