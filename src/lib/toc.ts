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

/** Openings every quoted recommendation shares, which tell a reader nothing in a list of them. */
const BOILERPLATE =
  /^(?:recommendations?\s*:\s*)?(?:the committee (?:urges|encourages|recommends that|invites|calls upon|requests) the state party to\s+|the state party should(?: also)?\s+)?/i;

/** A quoted recommendation's distinctive opening words: boilerplate dropped, `words` words kept. */
export function recommendationOpening(text: string, words: number): string {
  const rest = text.replace(BOILERPLATE, '').split(/\s+/).filter(Boolean);
  const opening = rest.slice(0, words).join(' ');
  return rest.length > words ? `${opening} …` : opening;
}

/**
 * Table-of-contents entries: the headings, plus each quoted treaty-body recommendation (the NGO
 * report's Part I blocks carry no heading of their own) as an entry one level below its heading,
 * titled by its number when its numbering section has one ("Recommendation 6") and its distinctive
 * opening words ("abolish the death penalty and to accede …"), never the boilerplate all of them
 * share ("The State party should"); openings are lengthened until no two entries read the same.
 * Entries are in source order.
 */
export function tocEntries(
  headings: Heading[],
  paragraphs: Pick<Paragraph, 'kind' | 'anchor' | 'text' | 'lines' | 'document' | 'headingAnchors' | 'section'>[],
): Heading[] {
  const byAnchor = new Map(headings.map((h) => [h.anchor, h]));
  const quoted = paragraphs.filter((p) => p.kind === 'quotation');
  const label = (p: (typeof quoted)[number]) => {
    const n = /^[a-z]*?(\d+)$/i.exec(p.section ?? '')?.[1];
    return n ? `Recommendation ${n}` : 'Committee recommendation';
  };
  let words = 8;
  let titles = quoted.map((p) => `${label(p)}: ${recommendationOpening(p.text, words)}`);
  while (new Set(titles).size < titles.length && words < 40) {
    words += 4;
    titles = quoted.map((p) => `${label(p)}: ${recommendationOpening(p.text, words)}`);
  }
  const quotes: Heading[] = quoted.map((p, i) => {
    const parent = byAnchor.get(p.headingAnchors.at(-1) ?? '');
    return {
      document: p.document,
      anchor: p.anchor,
      level: Math.min((parent?.level ?? 1) + 1, 4) as Heading['level'],
      label: null,
      title: titles[i] as string,
      parents: parent ? [...parent.parents, parent.anchor] : [],
      lines: p.lines,
    };
  });
  return [...headings, ...quotes].sort((a, b) => a.lines[0] - b.lines[0]);
}
