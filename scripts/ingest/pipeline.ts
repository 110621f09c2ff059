import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Block, Paragraph, Run } from '../../src/schemas/paragraph.ts';
import type { Footnote } from '../../src/schemas/footnote.ts';
import type { Heading } from '../../src/schemas/heading.ts';
import type { Erratum } from '../../src/schemas/erratum.ts';
import type { Report } from '../../src/schemas/report.ts';
import { IngestError, type Anomaly } from './errors.ts';
import { toLines, type Line } from './lines.ts';
import { findFurniture } from './furniture.ts';
import { readPages } from './pages.ts';
import { liftSplicedNotes, type LiftedNote } from './spliced-notes.ts';
import { buildStructure, sectionKey, slug, type Item } from './structure.ts';
import { joinLines, vocabulary, OWN_LINE_OPEN, OWN_LINE_CLOSE, type HyphenDecision } from './repair.ts';
import { splitMarkers, plainText, type MarkerState } from './markers.ts';
import { parseTables, type TableSpec } from './tables.ts';
import { parseRecommendationRefs } from './recommendations.ts';
import { applyErrata } from './errata.ts';

/** Curated data the pipeline needs besides the source text. */
export interface IngestContext {
  /** Path of the source shown in messages (e.g. content/sources/x.txt). */
  file: string;
  /** Path of the errata file shown in messages. */
  errataFile: string;
  errata: Erratum[];
  tables: TableSpec[];
}

/** A table of a document, ready for emitting. */
export interface TableOut {
  id: string;
  caption: Run[];
  columns: string[];
  rows: Run[][][];
  notes: Run[][];
}

/** One entry of the document body in reading order. */
export type BodyEntry =
  | { kind: 'heading'; heading: Heading; runs: Run[] }
  | { kind: 'paragraph'; paragraph: Paragraph }
  | { kind: 'table'; table: TableOut }
  | { kind: 'recref'; text: string; recommendations: string[]; anchor: string };

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

const LIST_ITEM = /^(?:(\((?:[a-z]|[ivx]{1,4})\))|(-|–|•)|(\d{1,2}\)))\s+/;

/**
 * Parses one source text into paragraphs, headings, footnotes and tables. Pure: no disk access.
 * Guarantees afterwards: every source line is accounted for in exactly one place (report.accounting);
 * paragraph anchors are unique per document and derive from printed numbering; footnote markers ascend.
 * Throws IngestError (file:line: problem; what to do) on input it cannot resolve.
 */
export function ingestDocument(entry: DocumentEntry, source: string, ctx: IngestContext): IngestResult {
  const { file } = ctx;
  if (source.trim() === '') throw new IngestError(file, 1, 'the source text is empty; copy the document text into this file');
  // Form feeds (U+000C) are page boundaries, not damage: lines.ts reads them.
  const bad = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/.exec(source);
  if (bad) {
    const line = source.slice(0, bad.index).split('\n').length;
    throw new IngestError(file, line, `control or undecodable byte U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}; the file must be clean UTF-8 text — re-extract it or remove the byte`);
  }
  const anomalies: Anomaly[] = [];
  let lines = toLines(source);
  const long = lines.find((l) => l.text.length > 20000);
  if (long) throw new IngestError(file, long.n, `line of ${long.text.length} characters; a printed line is under 300 — the extraction is broken, re-extract the text`);

  const corrections: Report['corrections'] = [];
  lines = applyErrata(lines, ctx.errata.filter((e) => e.document === entry.id), corrections, ctx.errataFile, file);

  const paged = entry.layout.extraction === 'paged' ? readPages(lines) : null;
  const furniture: Report['furniture'] = paged ? paged.furniture : findFurniture(lines);
  const frontMatter = new Set((paged?.frontMatter ?? []).map((l) => l.n));
  const pageBlanks = paged?.pageBlanks ?? new Set<number>();
  if (paged) anomalies.push(...paged.anomalies);
  const skip = new Set([...furniture.map((f) => f.line), ...frontMatter, ...pageBlanks]);
  const lifted = paged
    ? { notes: paged.notes, noteLines: paged.noteLines, pageNumbers: [] as Line[] }
    : entry.layout.splicedFootnotes ? liftSplicedNotes(lines, skip) : { notes: [], noteLines: new Set<number>(), pageNumbers: [] as Line[] };
  for (const p of lifted.pageNumbers) furniture.push({ line: p.n, kind: 'page-number', text: p.text });
  furniture.sort((a, b) => a.line - b.line);
  const skipAll = new Set([...skip, ...lifted.noteLines]);

  const items = buildStructure(lines, skipAll, { file, numbering: entry.layout.numbering, tables: entry.layout.tables }, anomalies);
  const vocab = vocabulary(lines);
  const hyphenation: HyphenDecision[] = [];
  const markers: MarkerState = { next: 1, seen: [] };
  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  const body: BodyEntry[] = [];
  const fragments: IngestResult['fragments'] = [];
  const usedAnchors = new Set<string>();
  const stack: Heading[] = [];
  const unnumberedCount = new Map<string, number>();
  const lastNumbered = new Map<string, string>();
  let recs: string[] = [];
  const accounting: Record<string, number> = {};
  const account = (ls: Line[], dest: string) => {
    for (const l of ls) accounting[dest] = (accounting[dest] ?? 0) + 1;
  };
  account(lines.filter((l) => skip.has(l.n) && !frontMatter.has(l.n) && !pageBlanks.has(l.n)), 'furniture');
  account(lines.filter((l) => frontMatter.has(l.n)), 'front-matter');
  account(lines.filter((l) => pageBlanks.has(l.n)), 'blank');
  account(lines.filter((l) => lifted.noteLines.has(l.n) && !lifted.pageNumbers.some((p) => p.n === l.n)), 'footnote');
  account(lifted.pageNumbers, 'furniture');

  const unique = (base: string, line: number) => {
    let a = base;
    for (let k = 2; usedAnchors.has(a); k++) a = `${base}-${k}`;
    if (a !== base) anomalies.push({ line, kind: 'anchor-collision', message: `anchor ${base} already used; this one is ${a}` });
    usedAnchors.add(a);
    return a;
  };
  const firstLine = (it: Item) => (it.lines.find((l) => l.text !== '') ?? it.lines[0]).n;
  const lastLine = (it: Item) => [...it.lines].reverse().find((l) => l.text !== '')?.n ?? it.lines[0].n;
  const runsOf = (text: string, line: number) => splitMarkers(text, markers, line, anomalies);

  for (const it of items) {
    const from = firstLine(it);
    if (it.kind === 'heading') {
      account(it.lines, 'heading');
      while (stack.length && stack.at(-1)!.level >= it.level) stack.pop();
      const labelPath = [...stack.map((h) => h.label ?? slug(h.title)), it.label ?? slug(it.title)];
      const base = entry.layout.numbering === 'per-section' && /^Articles?\s*\d/.test(it.title) ? sectionKey(it.title, 0) : 'h-' + labelPath.map((x) => slug(String(x))).join('-');
      const anchor = unique(base.replace(/-+$/, ''), from);
      const titleText = joinLines([{ n: from, text: it.title, indent: 0 }], vocab, hyphenation);
      const runs = runsOf(titleText, from);
      const heading: Heading = {
        document: entry.id,
        anchor,
        level: it.level,
        label: it.label,
        title: plainText(runs),
        parents: stack.map((h) => h.anchor),
        lines: [from, lastLine(it)],
      };
      headings.push(heading);
      stack.push(heading);
      body.push({ kind: 'heading', heading, runs });
      recs = [];
      continue;
    }
    if (it.kind === 'recref') {
      account(it.lines, 'recommendation-reference');
      const text = it.lines.map((l) => l.text).filter(Boolean).join(' ');
      try {
        recs = parseRecommendationRefs(text);
      } catch (e) {
        throw new IngestError(file, from, `${(e as Error).message}; correct the line or add an erratum`);
      }
      body.push({ kind: 'recref', text, recommendations: recs, anchor: unique(`rec-${recs[0]?.replace('.', '-') ?? 'x'}`, from) });
      continue;
    }
    if (it.kind === 'note-fragments') {
      account(it.lines, 'footnote-fragment');
      const groups: Line[][] = [];
      for (const l of it.lines) {
        if (l.text === '') continue;
        if (l.indent >= 1 || groups.length === 0) groups.push([l]);
        else groups.at(-1)!.push(l);
      }
      for (const g of groups) fragments.push({ lines: [g[0].n, g.at(-1)!.n], text: joinLines(g, vocab, hyphenation) });
      continue;
    }
    if (it.kind === 'table') {
      account(it.lines, 'table');
      const tables = parseTables(it.lines, ctx.tables.filter((t) => t.document === entry.id), (n) => OWN_LINE_OPEN + n + OWN_LINE_CLOSE);
      for (const t of tables) {
        body.push({
          kind: 'table',
          table: {
            id: t.id,
            caption: runsOf(t.caption, from),
            columns: t.columns,
            rows: t.rows.map((r) => r.map((c) => runsOf(c, from))),
            notes: t.notes.map((n) => runsOf(n, from)),
          },
        });
      }
      continue;
    }
    // Paragraph.
    account(it.lines, 'paragraph');
    const section = it.section;
    const number = it.number;
    let anchor: string;
    const prefix = section ? `${section}-` : '';
    if (it.pkind === 'numbered') anchor = `${prefix}p${number}`;
    else if (it.pkind === 'quotation') anchor = `${prefix}committee`;
    else {
      // Unnumbered paragraphs are anchored to the printed paragraph before them ("rec3-p4-u1"), or to
      // their section start ("introduction-u1"), so a change elsewhere cannot shift their anchors.
      const after = lastNumbered.get(section ?? '') ?? null;
      const key = `${section ?? ''}/${after ?? ''}`;
      const k = (unnumberedCount.get(key) ?? 0) + 1;
      unnumberedCount.set(key, k);
      anchor = `${prefix}${after ? `p${after}-` : ''}u${k}`;
    }
    if (it.pkind === 'numbered') lastNumbered.set(section ?? '', number!);
    anchor = unique(anchor, from);
    const blocks = toBlocks(it.lines, number, vocab, hyphenation, runsOf, new Set(it.listLines ?? []));
    const footnotes = blocks.flatMap((b) => (b.type === 'text' ? b.runs : b.items.flatMap((x) => x.runs))).flatMap((r) => ('fn' in r ? [r.fn] : []));
    const text = blocksText(blocks);
    if (!text) {
      anomalies.push({ line: from, kind: 'empty-paragraph', message: `paragraph ${number ?? ''} has no text` });
      continue;
    }
    paragraphs.push({
      id: `${entry.id}/${anchor}`,
      document: entry.id,
      number,
      anchor,
      section,
      kind: it.pkind,
      order: paragraphs.length,
      headings: stack.map((h) => h.title),
      headingAnchors: stack.map((h) => h.anchor),
      blocks,
      text,
      footnotes,
      recommendations: recs,
      rights: [],
      rightTags: [],
      bodies: [],
      lines: [from, lastLine(it)],
    });
    body.push({ kind: 'paragraph', paragraph: paragraphs.at(-1)! });
  }

  // Footnote texts: numbered ones as printed; unnumbered ones take the next marker still without text.
  const texts = new Map<number, { text: string; lines: [number, number] }>();
  let lastN = 0;
  // Source line of each body marker: the first line of its paragraph, from the previous marker on,
  // that prints the number unglued from other digits.
  const markerLine = new Map<number, number>();
  for (const p of paragraphs) {
    let from = p.lines[0];
    for (const m of p.footnotes) {
      const re = new RegExp(`(?<!\\d)${m}(?!\\d)|(?<=(?:19|20)\\d\\d)${m}(?!\\d)`);
      let found = p.lines[0];
      for (let k = from; k <= p.lines[1]; k++) {
        if (re.test(lines[k - 1].text)) {
          found = k;
          break;
        }
      }
      markerLine.set(m, found);
      from = found;
    }
  }
  const seen = new Set(markers.seen);
  // Unnumbered notes printed right before a numbered one in the same zone ("See, for example…",
  // "See also…", "See also…", "14 See: …") take the numbers just below it (10, 11, 12 | 14).
  const before = new Map<LiftedNote, number>();
  for (let a = 0; a < lifted.notes.length; a++) {
    const run: LiftedNote[] = [];
    let b = a;
    while (b < lifted.notes.length && lifted.notes[b].n === null && !lifted.notes[b].continues && lifted.notes[b].lines.length) run.push(lifted.notes[b++]);
    const next = lifted.notes[b];
    if (run.length && next?.n != null && next.numberLine !== null && next.numberLine - run.at(-1)!.lines.at(-1)!.n <= 2) {
      run.forEach((r, i) => before.set(r, next.n! - run.length + i));
    }
    a = Math.max(a, b - 1);
  }
  // Zones of unnumbered notes: consecutive notes printed together (at most one line apart).
  const zoneOf = new Map<LiftedNote, LiftedNote[]>();
  let zone: LiftedNote[] = [];
  for (const note of lifted.notes) {
    if (note.n !== null || note.continues || !note.lines.length || before.has(note)) {
      zone = [];
      continue;
    }
    const last = zone.at(-1);
    if (!last || note.lines[0].n - last.lines.at(-1)!.n > 2) zone = [];
    zone.push(note);
    zoneOf.set(note, zone);
  }
  for (const note of lifted.notes) {
    if (note.lines.length === 0) continue;
    const t = joinLines(note.lines, vocab, hyphenation);
    const span: [number, number] = [note.lines[0].n, note.lines.at(-1)!.n];
    let n = note.n;
    if (note.continues && lastN > 0 && texts.has(lastN)) {
      const prev = texts.get(lastN)!;
      prev.text += ' ' + t;
      prev.lines[1] = span[1];
      anomalies.push({ line: span[0], kind: 'footnote-continued', message: `footnote text continued from the previous page; appended to note ${lastN}` });
      continue;
    }
    const below = before.get(note);
    if (n === null && below !== undefined && below > lastN && !texts.has(below)) {
      n = below;
      anomalies.push({ line: span[0], kind: 'footnote-number-missing', message: `footnote text printed without its number; attached to marker ${n}, the number below the next printed note` });
    }
    if (n === null) {
      // A zone of u notes printed without numbers belongs to the last u markers above it that still
      // have no text (the markers of the page the zone closes).
      const group = zoneOf.get(note) ?? [note];
      const open = [...markerLine.entries()].filter(([m, line]) => m > lastN && !texts.has(m) && line < group[0].lines[0].n).map(([m]) => m);
      const mine = open.slice(-group.length);
      const k = group.indexOf(note) - (group.length - mine.length);
      if (k >= 0 && mine[k] !== undefined) n = mine[k];
      else {
        let next = lastN + 1;
        while (texts.has(next)) next++;
        n = next;
      }
      anomalies.push({ line: span[0], kind: 'footnote-number-missing', message: `footnote text printed without its number; attached to marker ${n} (line ${markerLine.get(n) ?? '?'}), one of the markers above it still without text` });
    }
    if (texts.has(n)) {
      texts.get(n)!.text += ' ' + t;
      texts.get(n)!.lines[1] = span[1];
    } else texts.set(n, { text: t, lines: span });
    lastN = n;
  }
  const cited = new Map<number, string>();
  for (const p of paragraphs) for (const n of p.footnotes) cited.set(n, p.anchor);
  const numbers = [...new Set([...markers.seen, ...texts.keys()])].sort((a, b) => a - b);
  const footnotes: Footnote[] = numbers.map((n) => ({
    document: entry.id,
    n,
    text: texts.get(n)?.text ?? null,
    paragraph: cited.get(n) ?? null,
    lines: texts.get(n)?.lines ?? null,
  }));
  for (const n of texts.keys()) if (!seen.has(n)) anomalies.push({ line: texts.get(n)!.lines[0], kind: 'footnote-without-marker', message: `footnote ${n} has text but no marker in the body` });

  // Accounting: every source line has exactly one destination.
  const placed = new Set<number>([...skipAll]);
  for (const it of items) for (const l of it.lines) {
    if (placed.has(l.n)) throw new IngestError(file, l.n, 'line placed twice by the parser; please report this with the source file');
    placed.add(l.n);
  }
  for (const l of lines) {
    if (placed.has(l.n)) continue;
    if (l.text !== '') throw new IngestError(file, l.n, 'line not placed anywhere by the parser; please report this with the source file');
    account([l], 'blank');
  }
  return {
    paragraphs,
    footnotes,
    headings,
    body,
    fragments,
    report: {
      document: entry.id,
      sourceLines: lines.length,
      furniture,
      corrections,
      hyphenation,
      anomalies: anomalies.sort((a, b) => a.line - b.line),
      accounting,
    },
  };
}

/** Splits a paragraph's lines into running text and lists, resolving markers. */
function toBlocks(
  lines: Line[],
  number: string | null,
  vocab: Set<string>,
  hyphenation: HyphenDecision[],
  runsOf: (t: string, line: number) => Run[],
  numbered: Set<number> = new Set(),
): Block[] {
  const segs: { label: string | null; style: 'alpha' | 'roman' | 'bullet' | 'numeric' | null; lines: Line[] }[] = [];
  for (const l of lines) {
    const item = numbered.has(l.n) ? /^(\d{1,3}\.)\s+/.exec(l.text) : null;
    if (item) {
      segs.push({ label: item[1], style: 'numeric', lines: [{ ...l, text: l.text.slice(item[0].length) }] });
      continue;
    }
    const m = segs.length ? LIST_ITEM.exec(l.text) : null;
    if (m) {
      const label = m[1] ?? m[2] ?? m[3];
      const style = m[2] ? 'bullet' : m[3] ? 'numeric' : /^\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)$/.test(label) && !(label === '(i)' && segs.some((s) => s.label === '(h)')) ? 'roman' : 'alpha';
      segs.push({ label, style, lines: [{ ...l, text: l.text.slice(m[0].length) }] });
    } else if (segs.length) segs.at(-1)!.lines.push(l);
    else segs.push({ label: null, style: null, lines: [l] });
  }
  // Strip the printed number from the first line.
  const first = segs[0].lines.find((l) => l.text !== '');
  if (first && number !== null) first.text = first.text.replace(/^\d{1,3}(?:[.,]\s*|\s+)/, '');
  const blocks: Block[] = [];
  for (const s of segs) {
    const fromLine = s.lines[0].n;
    const runs = runsOf(joinLines(s.lines, vocab, hyphenation), fromLine);
    if (s.label === null) {
      if (runs.length) blocks.push({ type: 'text', runs });
      continue;
    }
    const last = blocks.at(-1);
    if (last?.type === 'list' && last.style === s.style) last.items.push({ label: s.label, runs });
    else blocks.push({ type: 'list', style: s.style!, items: [{ label: s.label, runs }] });
  }
  return blocks;
}

function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => (b.type === 'text' ? plainText(b.runs) : b.items.map((i) => `${i.label} ${plainText(i.runs)}`).join(' ')))
    .join(' ')
    .trim();
}
