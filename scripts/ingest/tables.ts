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
