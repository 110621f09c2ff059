/**
 * Long documents in parts (README "Long documents"). A document whose page would carry more than
 * `documentPageBytes` of HTML (content/atlas.json) is published as an overview page at its own URL
 * (/documents/{doc}/: contents and every paragraph's opening words, each with its id, so every
 * published `/documents/{doc}/#{anchor}` still lands on that paragraph) and its full text in parts
 * (/documents/{doc}/part/{n}/), each under the budget. Parts are cut at headings only, outermost
 * first: a top-level section too long for one part is cut at its own sub-headings, and so on; a
 * section without sub-headings that is still too long is cut between paragraphs. Then the pieces
 * are packed, in reading order, into as few parts as the budget allows, as evenly as possible.
 *
 * Works on the body HTML as the ingest's markup writes it (docs/CONTRACT.md): headings, paragraph
 * sections and the notes section are found by their opening tags, so the MDX rendering (full sites)
 * and the HTML read from the MDX (large sites, src/lib/mdx-body-html.ts) are cut the same way.
 * scripts/document-parts.ts decides the parts once per build (from the MDX read as HTML) and writes
 * them to `<generated>/document-parts.json`; the pages read them with `documentParts()`.
 */
import { z } from 'zod';
import { generatedDir, readGeneratedFile } from './generated-dir.ts';
import { PART_SEGMENT } from './part-forward.ts';

/** One part of a split document. */
export const documentPartSchema = z
  .object({
    /** Its number, from 1; its URL is /documents/{doc}/part/{n}/. */
    n: z.number().int().positive(),
    /** Id of the heading (or paragraph) it starts at; null for the start of the body. */
    start: z.string().nullable(),
    /** Anchors of the headings it holds, in reading order. */
    headings: z.array(z.string()),
    /** Anchors of the paragraphs it holds, in reading order. */
    paragraphs: z.array(z.string()),
    /** Numbers of the notes it prints (those its text refers to), ascending. */
    notes: z.array(z.number().int().positive()),
    /** Other ids it holds (retired anchors kept as aliases), each with the paragraph or note holding it. */
    aliases: z.record(z.string(), z.string()),
    /** Estimated bytes of its page. */
    bytes: z.number().int().nonnegative(),
  })
  .strict();
/** One part of a split document. */
export type DocumentPart = z.output<typeof documentPartSchema>;

/** A split document: its estimated one-page size and its parts. */
export const splitDocumentSchema = z
  .object({
    /** Estimated bytes of the document as one page (over the budget, or it would not be split). */
    bytes: z.number().int().positive(),
    parts: z.array(documentPartSchema).min(2),
  })
  .strict();
/** A split document. */
export type SplitDocument = z.output<typeof splitDocumentSchema>;

/** Every split document of a build (<generated>/document-parts.json). */
export const documentPartsSchema = z
  .object({
    /** content/atlas.json's `documentPageBytes` when the parts were decided. */
    budget: z.number().int().positive(),
    /** Split documents by id; a document not listed is one page. */
    documents: z.record(z.string(), splitDocumentSchema),
  })
  .strict();
/** Every split document of a build. */
export type DocumentParts = z.output<typeof documentPartsSchema>;

/**
 * Bytes a document or part page spends outside its text and contents: head, header, navigation,
 * footer, metadata, part navigation (measured on the built pages: 6–11 KB; rounded up, so that the
 * estimate errs towards smaller parts). tests/browser/reading-parts.test.ts measures the real pages.
 */
export const PAGE_FRAME_BYTES = 16_000;


/** URL of part `n` of document `doc`. */
export const partUrl = (doc: string, n: number): string => `/documents/${doc}/${PART_SEGMENT}/${n}/`;

/** One top-level element run of a body: the text before the first heading, a heading or a paragraph (with what follows it up to the next one). */
export interface BodyBlock {
  kind: 'prelude' | 'heading' | 'para';
  /** Its id (null for the prelude). */
  id: string | null;
  /** Nesting depth of a heading (1 = outermost, from its tag: h2); 0 otherwise. */
  depth: number;
  /** Its HTML. */
  html: string;
  /** Note numbers its markers refer to, in order of first mention. */
  notes: number[];
  /** Ids of retired anchors it holds (`<span class="retired-anchor" id>`). */
  aliases: string[];
}

/** A document body cut into blocks and notes. */
export interface ParsedBody {
  blocks: BodyBlock[];
  /** The notes section's opening (tag, heading, introduction) and closing; '' when there is none. */
  notesHead: string;
  notesTail: string;
  /** Each note's HTML by number. */
  notes: Map<number, string>;
  /** Retired anchors held by notes: alias → "fn-N". */
  noteAliases: Map<string, string>;
}

const BLOCK_START = /<h([2-6]) id="([^"]+)" class="heading[^"]*"|<section class="para(?: [^"]*)?" id="([^"]+)"|<section class="footnotes"/g;
const NOTE = /<p class="fn" id="fn-(\d+)"[^>]*>[\s\S]*?<\/p>/g;
const MARKER = /href="#fn-(\d+)"/g;
const ALIAS = /<span class="retired-anchor" id="([^"]+)"/g;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const uniqueNumbers = (html: string, re: RegExp): number[] => [...new Set([...html.matchAll(re)].map((m) => Number(m[1])))];

/** Cuts a document body (the ingest's markup, with or without the page's tools) into blocks and notes. */
export function parseBody(html: string): ParsedBody {
  const starts = [...html.matchAll(BLOCK_START)];
  const notesAt = starts.find((m) => m[0].startsWith('<section class="footnotes"'))?.index ?? html.length;
  const blocks: BodyBlock[] = [];
  const firstAt = starts[0]?.index ?? notesAt;
  const block = (kind: BodyBlock['kind'], id: string | null, depth: number, text: string): BodyBlock => ({
    kind,
    id,
    depth,
    html: text,
    notes: uniqueNumbers(text, MARKER),
    aliases: [...text.matchAll(ALIAS)].map((m) => m[1] as string),
  });
  if (html.slice(0, firstAt).trim() !== '') blocks.push(block('prelude', null, 0, html.slice(0, firstAt)));
  const inBody = starts.filter((m) => m.index < notesAt);
  inBody.forEach((m, i) => {
    const end = inBody[i + 1]?.index ?? notesAt;
    const text = html.slice(m.index, end);
    if (m[2]) blocks.push(block('heading', m[2], Number(m[1]) - 1, text));
    else blocks.push(block('para', m[3] as string, 0, text));
  });
  const section = html.slice(notesAt);
  const notes = new Map<number, string>();
  const noteAliases = new Map<string, string>();
  let notesHead = '';
  let notesTail = '';
  if (section) {
    const all = [...section.matchAll(NOTE)];
    const first = all[0]?.index ?? section.lastIndexOf('</section>');
    const last = all.at(-1);
    notesHead = section.slice(0, first);
    notesTail = section.slice(last ? last.index + last[0].length : first);
    for (const m of all) {
      notes.set(Number(m[1]), m[0]);
      for (const a of m[0].matchAll(ALIAS)) noteAliases.set(a[1] as string, `fn-${m[1]}`);
    }
  }
  return { blocks, notesHead, notesTail, notes, noteAliases };
}

/** Bytes a block costs on a page: its HTML and the notes it refers to. */
function blockCost(body: ParsedBody, b: BodyBlock): number {
  return bytes(b.html) + b.notes.reduce((n, k) => n + bytes(body.notes.get(k) ?? ''), 0);
}

/**
 * Ranges [from, to) of blocks, each at most `capacity` bytes where the headings allow: a range
 * over capacity is cut before each of its outermost inner headings, or, without any, between
 * blocks; a piece holding no paragraph (a heading and its table, say) joins the piece after it.
 */
export function pieces(body: ParsedBody, capacity: number): Array<[number, number]> {
  const cost = body.blocks.map((b) => blockCost(body, b));
  const size = (from: number, to: number) => cost.slice(from, to).reduce((a, b) => a + b, 0);
  const cut = (from: number, to: number): Array<[number, number]> => {
    if (to - from <= 1 || size(from, to) <= capacity) return [[from, to]];
    let depth = Infinity;
    for (let i = from + 1; i < to; i++) if (body.blocks[i]!.kind === 'heading') depth = Math.min(depth, body.blocks[i]!.depth);
    const at = [];
    for (let i = from + 1; i < to; i++) if (depth === Infinity || (body.blocks[i]!.kind === 'heading' && body.blocks[i]!.depth === depth)) at.push(i);
    const bounds = [from, ...at, to];
    return bounds.slice(0, -1).flatMap((a, i) => cut(a, bounds[i + 1] as number));
  };
  const raw = cut(0, body.blocks.length);
  const merged: Array<[number, number]> = [];
  let pending: number | null = null;
  for (const [from, to] of raw) {
    const start: number = pending ?? from;
    const hasParagraph = body.blocks.slice(start, to).some((b) => b.kind === 'para');
    if (!hasParagraph && to < body.blocks.length) {
      pending = start;
      continue;
    }
    merged.push([start, to]);
    pending = null;
  }
  return merged;
}

/** Consecutive groups of `sizes`, each summing to at most `cap` (a single larger item stands alone). */
function greedy(sizes: number[], cap: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let sum = 0;
  sizes.forEach((s, i) => {
    if (current.length > 0 && sum + s > cap) {
      groups.push(current);
      current = [];
      sum = 0;
    }
    current.push(i);
    sum += s;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Packs sized pieces, in order, into the fewest groups of at most `capacity` bytes, then evens them
 * out: the smallest cap giving that many groups (binary search; greedy packing is monotone in it).
 */
export function pack(sizes: number[], capacity: number): number[][] {
  const fewest = greedy(sizes, capacity).length;
  let lo = Math.max(0, ...sizes);
  let hi = Math.max(lo, capacity);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (greedy(sizes, mid).length <= fewest) hi = mid;
    else lo = mid + 1;
  }
  return greedy(sizes, lo);
}

/** What a document's split is decided from. */
export interface SplitInput {
  /** The body as its page shows it (the ingest's markup with the page's tools). */
  body: ParsedBody;
  /** Estimated bytes of the contents (table of contents) on a page. */
  contentsBytes: number;
  /** The budget: most bytes of HTML a page may carry. */
  budget: number;
}

/** Estimated bytes of a one-page document. */
export function pageBytes(body: ParsedBody, contentsBytes: number): number {
  const notes = [...body.notes.values()].reduce((n, h) => n + bytes(h), 0);
  return PAGE_FRAME_BYTES + contentsBytes + body.blocks.reduce((n, b) => n + bytes(b.html), 0) + bytes(body.notesHead) + notes + bytes(body.notesTail);
}

/** The parts of a document over the budget, or null when it fits on one page. */
export function splitDocument({ body, contentsBytes, budget }: SplitInput): SplitDocument | null {
  const whole = pageBytes(body, contentsBytes);
  if (whole <= budget) return null;
  const overhead = PAGE_FRAME_BYTES + contentsBytes + bytes(body.notesHead) + bytes(body.notesTail);
  const capacity = Math.max(1, budget - overhead);
  const ranges = pieces(body, capacity);
  const cost = body.blocks.map((b) => blockCost(body, b));
  const sizes = ranges.map(([from, to]) => cost.slice(from, to).reduce((a, b) => a + b, 0));
  const groups = pack(sizes, capacity);
  if (groups.length < 2) return null;
  const parts: DocumentPart[] = groups.map((group, i) => {
    const from = ranges[group[0] as number]![0];
    const to = ranges[group.at(-1) as number]![1];
    const blocks = body.blocks.slice(from, to);
    const aliases: Record<string, string> = {};
    for (const b of blocks) for (const a of b.aliases) if (b.id && a !== b.id) aliases[a] = b.id;
    return {
      n: i + 1,
      start: i === 0 ? null : (blocks[0]?.id ?? null),
      headings: blocks.filter((b) => b.kind === 'heading').map((b) => b.id as string),
      paragraphs: blocks.filter((b) => b.kind === 'para').map((b) => b.id as string),
      notes: [...new Set(blocks.flatMap((b) => b.notes))].filter((n) => body.notes.has(n)).sort((a, b) => a - b),
      aliases,
      bytes: overhead + blocks.reduce((n, b) => n + blockCost(body, b), 0),
    };
  });
  // A note no marker refers to is printed with the part of the nearest note before it.
  const referenced = new Set(parts.flatMap((p) => p.notes));
  for (const n of [...body.notes.keys()].sort((a, b) => a - b)) {
    if (referenced.has(n)) continue;
    const before = parts.filter((p) => p.notes.some((k) => k < n)).at(-1) ?? parts[0]!;
    before.notes = [...before.notes, n].sort((a, b) => a - b);
    before.bytes += bytes(body.notes.get(n) ?? '');
  }
  for (const [alias, note] of body.noteAliases) {
    const holder = parts.find((p) => p.notes.includes(Number(note.slice(3)))) ?? parts[0]!;
    holder.aliases[alias] = note;
  }
  return { bytes: whole, parts };
}

/** The HTML of part `part` of a parsed body: its blocks, then a notes section with its notes only. */
export function partHtml(body: ParsedBody, part: Pick<DocumentPart, 'start' | 'paragraphs' | 'headings' | 'notes'>, next: Pick<DocumentPart, 'start'> | undefined): string {
  const index = (id: string | null) => (id === null ? 0 : body.blocks.findIndex((b) => b.id === id));
  const from = index(part.start);
  const to = next ? index(next.start) : body.blocks.length;
  if (from < 0 || to < 0) throw new Error(`part starting at "${part.start}" does not match the document body; run the build again (the parts are decided after the ingest)`);
  const text = body.blocks.slice(from, to).map((b) => b.html).join('');
  const notes = part.notes.map((n) => body.notes.get(n) ?? '').join('');
  return text + (part.notes.length > 0 ? body.notesHead + notes + body.notesTail : '');
}

/** The part of `split` holding element `id` (a paragraph, heading, "fn-N" or retired anchor), or null. */
export function partHolding(split: SplitDocument, id: string): DocumentPart | null {
  const note = /^fn-(\d+)$/.exec(id);
  return (
    split.parts.find((p) => (note ? p.notes.includes(Number(note[1])) : p.paragraphs.includes(id) || p.headings.includes(id) || id in p.aliases)) ?? null
  );
}

/** File name of the parts inside the generated directory. */
export const DOCUMENT_PARTS_FILE = 'document-parts.json';

/** The parts decided for the build reading `generated`, or null when none were written. */
export function readDocumentParts(generated: string = generatedDir()): DocumentParts | null {
  return readGeneratedFile(DOCUMENT_PARTS_FILE, documentPartsSchema, generated);
}

let cached: DocumentParts | null | undefined;

/** This build's parts (memoised); none when scripts/build.ts wrote no file (every document one page). */
export function documentParts(): DocumentParts {
  cached ??= readDocumentParts();
  return cached ?? { budget: 1, documents: {} };
}

/** The split of document `doc` in this build, or null when it is one page. */
export const splitOf = (doc: string, parts: DocumentParts = documentParts()): SplitDocument | null => parts.documents[doc] ?? null;

/**
 * Where element `id` of document `doc` is shown in full: its part page when the document is split,
 * else the document page (`/documents/{doc}/#{id}`). Links inside the site use this; the published
 * form `/documents/{doc}/#{id}` keeps working too (the overview page forwards it).
 */
export function placeUrl(doc: string, id: string, parts: DocumentParts = documentParts()): string {
  const split = splitOf(doc, parts);
  const part = split ? partHolding(split, id) : null;
  return `${part ? partUrl(doc, part.n) : `/documents/${doc}/`}#${id}`;
}

/** A heading of a split document's overview page with the paragraphs right under it. */
export interface OverviewSection<H, P> {
  /** The heading (null: paragraphs before the first heading). */
  heading: H | null;
  /** Nesting depth of the heading (1 = outermost). */
  depth: number;
  /** Part holding the heading's text. */
  part: number;
  /** The paragraphs under it, before the next heading, each with the part holding it. */
  paragraphs: Array<{ paragraph: P; part: number }>;
}

/**
 * The overview of a split document: its headings and paragraphs in reading order (by source line),
 * grouped under their headings, each with the part that holds it in full.
 */
export function overviewSections<H extends { anchor: string; parents: string[]; lines: [number, number] }, P extends { anchor: string; lines: [number, number] }>(
  split: SplitDocument,
  headings: H[],
  paragraphs: P[],
): OverviewSection<H, P>[] {
  const partOf = (id: string) => partHolding(split, id)?.n ?? 1;
  const items = [
    ...headings.map((h) => ({ line: h.lines[0], heading: h as H | null, paragraph: null as P | null })),
    ...paragraphs.map((p) => ({ line: p.lines[0], heading: null as H | null, paragraph: p as P | null })),
  ].sort((a, b) => a.line - b.line || (a.heading ? -1 : 1));
  const sections: OverviewSection<H, P>[] = [];
  for (const item of items) {
    if (item.heading) sections.push({ heading: item.heading, depth: item.heading.parents.length + 1, part: partOf(item.heading.anchor), paragraphs: [] });
    else if (item.paragraph) {
      if (sections.length === 0) sections.push({ heading: null, depth: 1, part: 1, paragraphs: [] });
      sections.at(-1)!.paragraphs.push({ paragraph: item.paragraph, part: partOf(item.paragraph.anchor) });
    }
  }
  return sections;
}

/**
 * Where a part starts and ends, by its headings: "Article 9 – Article 18"; the heading it continues
 * when it starts inside a section; its paragraphs' range when it has no heading at all.
 */
export function partSummary<H extends { anchor: string }>(
  part: DocumentPart,
  headingByAnchor: ReadonlyMap<string, H>,
  innermostHeading: (paragraphAnchor: string) => string | undefined,
  text: (h: H) => string,
): string {
  const first = part.start && headingByAnchor.has(part.start) ? part.start : part.start ? innermostHeading(part.start) : part.headings[0];
  const last = part.headings.at(-1) ?? first;
  const label = (anchor: string | undefined) => {
    const h = anchor ? headingByAnchor.get(anchor) : undefined;
    return h ? text(h) : undefined;
  };
  const a = label(first);
  const b = label(last);
  if (!a) return `paragraphs ${part.paragraphs[0] ?? ''}–${part.paragraphs.at(-1) ?? ''}`;
  return !b || a === b ? a : `${a} – ${b}`;
}

/** A part as the pages list it: number, URL, where it starts and ends, what it holds. */
export interface PartLink {
  n: number;
  href: string;
  summary: string;
  paragraphs: number;
  notes: number;
}

/** The parts of split document `doc` as links, with their summaries (see `partSummary`). */
export function partLinks<H extends { anchor: string }>(
  doc: string,
  split: SplitDocument,
  headings: H[],
  paragraphs: Array<{ anchor: string; headingAnchors: string[] }>,
  text: (h: H) => string,
): PartLink[] {
  const byAnchor = new Map(headings.map((h) => [h.anchor, h]));
  const innermost = new Map(paragraphs.map((p) => [p.anchor, p.headingAnchors.at(-1)]));
  return split.parts.map((part) => ({
    n: part.n,
    href: partUrl(doc, part.n),
    summary: partSummary(part, byAnchor, (a) => innermost.get(a), text),
    paragraphs: part.paragraphs.length,
    notes: part.notes.length,
  }));
}

/** Characters of a paragraph's opening words on an overview page. */
export const STUB_CHARACTERS = 100;

/** The number a paragraph shows on an overview page, as its document prints it ("12.", "¶"). */
export const stubNumber = (p: { number: string | null; kind: string }): string =>
  p.number !== null ? `${p.number}.` : p.kind === 'quotation' ? 'Committee' : '¶';
