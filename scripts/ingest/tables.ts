import type { Line } from './lines.ts';
import type { TableSpec } from '../../src/schemas/table-spec.ts';

export type { TableSpec };

/** A parsed table: cells hold raw text (markers resolved later). */
export interface ParsedTable {
  id: string;
  caption: string;
  columns: string[];
  rows: string[][];
  notes: string[];
  lines: Line[];
}

/**
 * Stage 5: turns a flattened table region into tables, using curated column specs.
 * Lines that open no row continue the last cell of the row above (the PDF wrapped the cell);
 * own-line numbers are kept as marker candidates in the cell they follow.
 * Guarantees afterwards: every line of the region is in exactly one table (header, row or note);
 * a region without a spec becomes a one-column table of its lines.
 */
export function parseTables(region: Line[], specs: TableSpec[], ownLine: (n: string) => string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  let cur: ParsedTable | null = null;
  let spec: TableSpec | null = null;
  let inHeader = false;
  let inNote = false;
  for (const l of region) {
    if (l.text === '') {
      cur?.lines.push(l);
      continue;
    }
    const opening = specs.find((s) => l.text.startsWith(s.begin));
    if (opening) {
      spec = opening;
      cur = { id: opening.id, caption: opening.caption, columns: opening.columns, rows: [], notes: [], lines: [] };
      tables.push(cur);
      inHeader = opening.headerEnd !== null;
      inNote = false;
    }
    if (!cur) {
      cur = { id: `table-${tables.length + 1}`, caption: '', columns: ['Entry'], rows: [], notes: [], lines: [] };
      tables.push(cur);
    }
    cur.lines.push(l);
    const bare = /^\d{1,3}$/.test(l.text);
    if (inHeader) {
      // A marker printed in the header belongs to the table's caption (its subject line).
      if (bare && cur.rows.length === 0) cur.caption += ownLine(l.text);
      if (spec?.headerEnd && l.text.startsWith(spec.headerEnd)) inHeader = false;
      if (spec?.headerEnd && l.text.endsWith(spec.headerEnd)) inHeader = false;
      continue;
    }
    if (bare) {
      appendToLast(cur, ownLine(l.text), '');
      continue;
    }
    if (spec?.note && new RegExp(spec.note).test(l.text)) {
      cur.notes.push(l.text);
      inNote = true;
      continue;
    }
    if (inNote) {
      cur.notes[cur.notes.length - 1] += ' ' + l.text;
      if (/[.]$/.test(l.text)) inNote = false;
      continue;
    }
    const m = spec ? new RegExp(spec.row).exec(l.text) : null;
    if (m?.groups && (!cur.rows.length || !/^[a-z]/.test(l.text))) {
      cur.rows.push(cur.columns.map((_, i) => (m.groups![`c${i}`] ?? '').trim()));
      continue;
    }
    if (cur.notes.length && cur.rows.length === 0 && !spec) {
      cur.rows.push([l.text]);
      continue;
    }
    if (cur.rows.length === 0 || !spec) {
      cur.rows.push(cur.columns.map((_, i) => (i === 0 ? l.text : '')));
      continue;
    }
    continueRow(cur, l.text);
  }
  return tables;
}

/**
 * A line that opens no row continues the row above: a lowercase line continues the last filled cell
 * (a wrapped label or value); any other line fills the next empty cell after it ("Palermo Protocol" /
 * "Yes"), or continues the last cell when the row is full.
 */
function continueRow(t: ParsedTable, s: string): void {
  const row = t.rows.at(-1);
  if (!row) {
    t.notes.push(s);
    return;
  }
  let last = row.length - 1;
  while (last > 0 && row[last] === '') last--;
  const target = /^[a-z]/.test(s) || last === row.length - 1 ? last : last + 1;
  row[target] = row[target] ? `${row[target]} ${s}` : s;
}

function appendToLast(t: ParsedTable, s: string, sep: string): void {
  const row = t.rows.at(-1);
  if (!row) {
    t.notes.push(s);
    return;
  }
  let k = row.length - 1;
  while (k > 0 && row[k] === '') k--;
  row[k] = row[k] ? row[k] + sep + s : s;
}

/** A cell of a layout line: its text and where it starts on the printed line. */
interface Segment {
  start: number;
  text: string;
}

/** Splits a printed line into cells at runs of two or more spaces, keeping each cell's column. */
function segments(l: Line): Segment[] {
  const raw = ' '.repeat(l.indent) + l.text;
  const out: Segment[] = [];
  for (const m of raw.matchAll(/\S+(?: \S+)*/g)) out.push({ start: m.index!, text: m[0] });
  return out;
}

/**
 * A table of a layout-preserving extraction, read by the columns its cells start at: a column starts where
 * cells of at least a quarter of the lines (and two lines) start; a line with a cell in the first column
 * opens a row (unless it starts in lower case: a wrapped row label), other lines continue the row above cell by cell; the first block of lines (up to the first
 * blank line, at most four lines) is the header when its first line leaves the first column empty.
 * Guarantees afterwards: every line of the region is in the header or in one row; no text is dropped.
 */
export function layoutTable(region: Line[], id: string): ParsedTable {
  const text = region.filter((l) => l.text !== '');
  const segs = text.map(segments);
  const starts = new Map<number, number>();
  for (const line of segs) for (const s of line) starts.set(s.start, (starts.get(s.start) ?? 0) + 1);
  // Cluster starts within two characters; a cluster with enough lines is a column.
  const sorted = [...starts.keys()].sort((a, b) => a - b);
  const clusters: { at: number; count: number }[] = [];
  for (const at of sorted) {
    const last = clusters.at(-1);
    if (last && at - last.at <= 2) last.count += starts.get(at)!;
    else clusters.push({ at, count: starts.get(at)! });
  }
  const need = Math.max(2, Math.ceil(text.length / 4));
  const columns = clusters.filter((c) => c.count >= need).map((c) => c.at);
  if (columns.length === 0 || columns[0] > sorted[0]) columns.unshift(sorted[0] ?? 0);
  const colOf = (s: Segment) => {
    let k = 0;
    for (let c = 0; c < columns.length; c++) if (columns[c] <= s.start + 2) k = c;
    return k;
  };
  const cellsOf = (line: Segment[]) => {
    const cells: string[] = columns.map(() => '');
    for (const s of line) {
      const k = colOf(s);
      cells[k] = cells[k] ? `${cells[k]} ${s.text}` : s.text;
    }
    return cells;
  };
  // Header: the first block when its first line leaves the first column empty.
  let headerLines = 0;
  if (segs.length > 1 && cellsOf(segs[0])[0] === '') {
    const firstBlank = region.findIndex((l, i) => i > 0 && l.text === '');
    const block = firstBlank < 0 ? region.length : firstBlank;
    headerLines = Math.min(4, region.slice(0, block).filter((l) => l.text !== '').length);
  } else if (segs.length > 1) headerLines = 1;
  const header: string[] = columns.map(() => '');
  const rows: string[][] = [];
  segs.forEach((line, i) => {
    const cells = cellsOf(line);
    if (i < headerLines) {
      cells.forEach((c, k) => (header[k] = header[k] && c ? `${header[k]} ${c}` : header[k] || c));
      return;
    }
    // A first cell starting in lower case continues the row label above ("Ratification," / "accession or").
    if ((cells[0] !== '' && !/^[a-z(]/.test(cells[0])) || rows.length === 0) rows.push(cells);
    else cells.forEach((c, k) => (rows.at(-1)![k] = rows.at(-1)![k] && c ? `${rows.at(-1)![k]} ${c}` : rows.at(-1)![k] || c));
  });
  return { id, caption: '', columns: header.map((h, k) => h || (k === 0 ? ' ' : '')), rows, notes: [], lines: region };
}
