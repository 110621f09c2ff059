/**
 * The ingest of one document: a list of pure passes over one state (state.ts), run in order. Each pass
 * says what it guarantees afterwards and exports a check of it; the test suite runs every check on every
 * document of every corpus (`ingestDocument(…, { checking: true })`).
 *
 *   read         text -> numbered lines (form feeds are page breaks); unreadable input stops here
 *   errata       curated corrections applied by line, each recorded
 *   pages        paged extractions: furniture by page position, title page and contents as front matter, notes zones
 *   furniture    plain extractions: running headers, "Page N", GE job lines
 *   front-matter plain extractions: the title block before the body
 *   notes        plain extractions: page-bottom notes spliced into the text, or an end-note block
 *   structure    headings, numbering, segmentation -> items
 *   anchors      items -> headings, paragraphs, tables with anchors; markers split from words
 *   footnotes    note texts attached to their markers
 *   accounting   every source line accounted for exactly once
 */
import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { Footnote } from '../../src/schemas/footnote.ts';
import type { Heading } from '../../src/schemas/heading.ts';
import type { Report } from '../../src/schemas/report.ts';
import { IngestError } from './errors.ts';
import { toLines } from './lines.ts';
import { findFurniture } from './furniture.ts';
import { readPages } from './pages.ts';
import { liftSplicedNotes } from './spliced-notes.ts';
import { findFrontMatter } from './front-matter.ts';
import { readEndnotes } from './endnotes.ts';
import { buildStructure } from './structure.ts';
import { composeBody, checkBody } from './anchors.ts';
import { attachFootnotes, checkFootnotes } from './footnotes.ts';
import { applyErrata } from './errata.ts';
import { claimedLines, initialState, runPasses, type BodyEntry, type DocState, type IngestContext, type Pass, type TableOut } from './state.ts';

export type { BodyEntry, IngestContext, TableOut };

/** Everything one document yields. */
export interface IngestResult {
  paragraphs: Paragraph[];
  footnotes: Footnote[];
  headings: Heading[];
  body: BodyEntry[];
  /** Endnote text found without a number (e.g. the last page of a compilation's endnotes). */
  fragments: { lines: [number, number]; text: string }[];
  report: Report;
}

const paged = (s: DocState) => s.entry.layout.extraction === 'paged';

/** The passes, in order. */
export const passes: Pass[] = [
  {
    name: 'read',
    run(s) {
      const { file } = s.ctx;
      if (s.source.trim() === '') throw new IngestError(file, 1, 'the source text is empty; copy the document text into this file');
      // Form feeds (U+000C) are page boundaries, not damage: lines.ts reads them.
      const bad = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/.exec(s.source);
      if (bad) {
        const line = s.source.slice(0, bad.index).split('\n').length;
        throw new IngestError(file, line, `control or undecodable byte U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}; the file must be clean UTF-8 text as extracted — re-extract it from the official PDF (sources are never edited by hand)`);
      }
      const lines = toLines(s.source);
      const long = lines.find((l) => l.text.length > 20000);
      if (long) throw new IngestError(file, long.n, `line of ${long.text.length} characters; a printed line is under 300 — the extraction is broken, re-extract the text`);
      return { ...s, lines };
    },
    check(s) {
      s.lines.forEach((l, i) => {
        if (l.n !== i + 1) throw new Error(`line ${i + 1} is numbered ${l.n}`);
        if (l.text !== l.text.trim() || l.text.includes('\f')) throw new Error(`line ${l.n} is not trimmed`);
      });
    },
  },
  {
    name: 'errata',
    run(s) {
      const corrections: Report['corrections'] = [];
      const lines = applyErrata(s.lines, s.ctx.errata.filter((e) => e.document === s.entry.id), corrections, s.ctx.errataFile, s.ctx.file);
      return { ...s, lines, corrections };
    },
  },
  {
    name: 'pages',
    applies: paged,
    run(s) {
      const r = readPages(s.lines);
      return { ...s, furniture: r.furniture, frontMatter: r.frontMatter, notes: r.notes, noteLines: r.noteLines, pageBlanks: r.pageBlanks, anomalies: [...s.anomalies, ...r.anomalies] };
    },
    check(s) {
      let last = 0;
      for (const n of s.notes) {
        if (n.n === null) continue;
        if (n.n <= last) throw new Error(`note ${n.n} follows note ${last}`);
        last = n.n;
      }
    },
  },
  {
    name: 'furniture',
    applies: (s) => !paged(s),
    run(s) {
      return { ...s, furniture: findFurniture(s.lines) };
    },
    check(s) {
      // Idempotent: the shape rules find nothing more in what they left, and the page-number chain is stable.
      const claimed = new Set(s.furniture.map((f) => f.line));
      const left = s.lines.filter((l) => !claimed.has(l.n));
      const again = findFurniture(left).filter((f) => f.kind !== 'page-number');
      if (again.length) throw new Error(`furniture found again after removal (line ${again[0].line})`);
      const pages = s.furniture.filter((f) => f.kind === 'page-number').map((f) => f.line);
      const stable = findFurniture(s.lines.filter((l) => !claimed.has(l.n) || pages.includes(l.n))).filter((f) => f.kind === 'page-number').map((f) => f.line);
      if (stable.join() !== pages.join()) throw new Error('page numbers change when furniture is read again');
    },
  },
  {
    name: 'front-matter',
    applies: (s) => !paged(s),
    run(s) {
      const r = findFrontMatter(s.lines, claimedLines(s));
      return { ...s, frontMatter: r.lines, anomalies: [...s.anomalies, ...r.anomalies] };
    },
  },
  {
    name: 'notes',
    applies: (s) => !paged(s),
    run(s) {
      if (s.entry.layout.splicedFootnotes) {
        const lifted = liftSplicedNotes(s.lines, claimedLines(s));
        const furniture = [...s.furniture, ...lifted.pageNumbers.map((p) => ({ line: p.n, kind: 'page-number' as const, text: p.text }))].sort((a, b) => a.line - b.line);
        const pageNumbers = new Set(lifted.pageNumbers.map((p) => p.n));
        return { ...s, furniture, notes: lifted.notes, noteLines: new Set([...lifted.noteLines].filter((n) => !pageNumbers.has(n))) };
      }
      const r = readEndnotes(s.lines, claimedLines(s));
      return { ...s, notes: r.notes, noteLines: r.noteLines, anomalies: [...s.anomalies, ...r.anomalies] };
    },
  },
  {
    name: 'structure',
    run(s) {
      const { entry, ctx } = s;
      const r = buildStructure(s.lines, claimedLines(s), { file: ctx.file, errataFile: ctx.errataFile, numbering: entry.layout.numbering, tables: entry.layout.tables, paged: paged(s), breaks: new Set(s.furniture.map((f) => f.line)) });
      return { ...s, items: r.items, anomalies: [...s.anomalies, ...r.anomalies] };
    },
    check(s) {
      const claimed = claimedLines(s);
      const placed = new Set<number>();
      for (const it of s.items) for (const l of it.lines) {
        if (placed.has(l.n) || claimed.has(l.n)) throw new Error(`line ${l.n} placed twice`);
        placed.add(l.n);
      }
    },
  },
  { name: 'anchors', run: composeBody, check: checkBody },
  { name: 'footnotes', run: attachFootnotes, check: checkFootnotes },
  {
    name: 'accounting',
    run(s) {
      const { file } = s.ctx;
      const accounting: Record<string, number> = {};
      const account = (n: number, dest: string) => (accounting[dest] = (accounting[dest] ?? 0) + 1) && n;
      const dest = new Map<number, string>();
      const put = (n: number, d: string) => {
        if (dest.has(n)) throw new IngestError(file, n, 'line placed twice by the parser; please report this with the source file');
        dest.set(n, d);
      };
      for (const f of s.furniture) put(f.line, 'furniture');
      for (const l of s.frontMatter) put(l.n, 'front-matter');
      for (const n of s.pageBlanks) put(n, 'blank');
      for (const n of s.noteLines) put(n, 'footnote');
      const ITEM_DEST: Record<string, string> = { heading: 'heading', paragraph: 'paragraph', table: 'table', recref: 'recommendation-reference', 'note-fragments': 'footnote-fragment' };
      for (const it of s.items) for (const l of it.lines) put(l.n, ITEM_DEST[it.kind]);
      for (const l of s.lines) {
        if (!dest.has(l.n)) {
          if (l.text !== '') throw new IngestError(file, l.n, 'line not placed anywhere by the parser; please report this with the source file');
          dest.set(l.n, 'blank');
        }
        account(l.n, dest.get(l.n)!);
      }
      return { ...s, accounting };
    },
    check(s) {
      const total = Object.values(s.accounting).reduce((a, b) => a + b, 0);
      if (total !== s.lines.length) throw new Error(`${total} lines accounted for, ${s.lines.length} in the source`);
    },
  },
];

/**
 * Parses one source text into paragraphs, headings, footnotes and tables. Pure: no disk access.
 * Guarantees afterwards: every source line is accounted for in exactly one place (report.accounting);
 * paragraph anchors are unique per document and derive from printed numbering; footnote markers ascend.
 * Throws IngestError (file:line: problem; what to do) on input it cannot resolve.
 */
export function ingestDocument(entry: DocumentEntry, source: string, ctx: IngestContext, options: { checking?: boolean } = {}): IngestResult {
  const s = runPasses(passes, initialState(entry, source, ctx), options.checking ?? false);
  return {
    paragraphs: s.paragraphs,
    footnotes: s.footnotes,
    headings: s.headings,
    body: s.body,
    fragments: s.fragments,
    report: {
      document: entry.id,
      sourceLines: s.lines.length,
      furniture: s.furniture,
      corrections: s.corrections,
      hyphenation: s.hyphenation,
      anomalies: [...s.anomalies].sort((a, b) => a.line - b.line),
      accounting: s.accounting,
    },
  };
}
