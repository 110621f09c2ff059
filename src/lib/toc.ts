/** Table of contents: flat headings (document order, levels 1–4) → nested tree. */
import type { Heading } from '../schemas/heading.ts';

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
