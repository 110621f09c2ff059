import type { Line } from './lines.ts';
import { BARE_NUMBER, ROMAN_ALONE } from './shapes.ts';

/**
 * The body of a document as the structure passes see it: the lines no earlier pass claimed (furniture,
 * front matter, notes), with the measures and neighbours every structure rule asks about. Built once per
 * document; read-only.
 */
export interface BodyView {
  /** Body lines in source order (blank lines kept: they separate blocks in some layouts). */
  lines: Line[];
  /** Length of a full printed line (75th percentile of non-blank lines). */
  typical: number;
  /** Whether every line is followed by a blank line (double-spaced extraction). */
  doubleSpaced: boolean;
  /** Whether blank lines separate paragraphs (but the text is not double-spaced). */
  blankSeparated: boolean;
  /** Whether a line is clearly shorter than a full line (the last line of a paragraph, a heading). */
  short(l: Line): boolean;
  /** Index of the previous line with text (bare numbers and lone roman labels skipped), or -1. */
  prevIdx(i: number): number;
  /** The previous line with text, if any. */
  prevText(i: number): Line | undefined;
  /** Index of the next line with text (bare numbers skipped), or -1. */
  nextText(i: number): number;
  /** Whether a blank line precedes line i (in layouts that are not double-spaced). */
  blankBefore(i: number): boolean;
  /**
   * Paged layouts: whether line i starts left of its page's text column (a heading label hung in the
   * margin, "1.   Right to life" beside a column where paragraphs read "11.  The Committee"). Always
   * false for plain extractions.
   */
  hanging(i: number): boolean;
  /** Paged layouts: whether line i is laid out in columns (runs of three or more spaces between words: a table row). */
  columns(i: number): boolean;
  /** Paged layouts: how far line i starts right of its page's text column (negative: left of it); 0 for plain extractions. */
  offset(i: number): number;
  /** Whether the extraction is paged (indentation is layout). */
  paged: boolean;
  /** Whether page furniture (a running header, page number or job line) was removed right before line i: a page break. */
  afterPageBreak(i: number): boolean;
}

/** Text of a line without its leading label ("12.", "(a)", "1.", "-"), for measuring its layout. */
const LABEL = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z]{1,4}\)|[-–•\uF02D\uF0A7\uF0B7])\s+/;

/** Whether a line's text has runs of three or more spaces between words (columns), its label aside. */
export function hasColumns(text: string): boolean {
  return /\S {3,}\S/.test(text.replace(LABEL, ''));
}

/**
 * Builds the view of the lines not in `skip`; `paged` for layout-preserving extractions (indentation meaningful);
 * `breaks`: source lines of page furniture, which mark page breaks in plain extractions.
 */
export function bodyView(all: Line[], skip: Set<number>, paged = false, breaks: Set<number> = new Set()): BodyView {
  const lines = all.filter((l) => !skip.has(l.n));
  const breakLines = [...breaks].sort((a, b) => a - b);
  // Text column of each page: the most frequent indentation of its prose lines.
  const column = new Map<number, number>();
  if (paged) {
    const counts = new Map<number, Map<number, number>>();
    for (const l of lines) {
      if (l.text.length < 40 || hasColumns(l.text)) continue;
      const page = l.page ?? 1;
      if (!counts.has(page)) counts.set(page, new Map());
      const c = counts.get(page)!;
      c.set(l.indent, (c.get(l.indent) ?? 0) + 1);
    }
    // The leftmost indentation that holds a fifth of the page's prose: indented quotations and bullet
    // lists can outnumber the paragraphs on a page, labels hung in the margin never reach a fifth.
    const leftmost = (c: Map<number, number>) => {
      const total = [...c.values()].reduce((a, b) => a + b, 0);
      return [...c].filter(([, k]) => k >= total / 5).sort((a, b) => a[0] - b[0])[0][0];
    };
    // A page needs a few prose lines to show its column; pages with fewer (a table, a list) take the column of
    // the pages printed on the same side (odd and even pages have different margins), else the document's.
    for (const [page, c] of counts) if ([...c.values()].reduce((a, b) => a + b, 0) >= 4) column.set(page, leftmost(c));
    const merged = (keep: (page: number) => boolean) => {
      const all = new Map<number, number>();
      for (const [page, c] of counts) if (keep(page)) for (const [indent, k] of c) all.set(indent, (all.get(indent) ?? 0) + k);
      return all;
    };
    const all = merged(() => true);
    // A text without prose lines at all (a corrigendum that is one table): the leftmost indentation of its lines.
    if (!all.size) for (const l of lines) if (l.text.length >= 10) all.set(l.indent, (all.get(l.indent) ?? 0) + 1);
    for (const l of lines) {
      const page = l.page ?? 1;
      if (column.has(page)) continue;
      const side = merged((p) => p % 2 === page % 2 && column.has(p));
      if (side.size) column.set(page, leftmost(side));
      else if (all.size) column.set(page, leftmost(all));
    }
  }
  const nonBlank = lines.filter((l) => l.text !== '');
  const lengths = nonBlank.map((l) => l.text.length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length * 0.75)] ?? 80;
  let followedByBlank = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (lines[i].text !== '' && lines[i + 1].text === '') followedByBlank++;
  const doubleSpaced = followedByBlank > nonBlank.length * 0.6;
  const blankSeparated = !doubleSpaced && followedByBlank > nonBlank.length * 0.05;
  const prevIdx = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (lines[k].text !== '' && !BARE_NUMBER.test(lines[k].text) && !ROMAN_ALONE.test(lines[k].text)) return k;
    return -1;
  };
  return {
    lines,
    typical,
    doubleSpaced,
    blankSeparated,
    short: (l) => l.text.length < typical * 0.7,
    prevIdx,
    prevText: (i) => {
      const k = prevIdx(i);
      return k >= 0 ? lines[k] : undefined;
    },
    nextText: (i) => {
      for (let k = i + 1; k < lines.length; k++) if (lines[k].text !== '' && !BARE_NUMBER.test(lines[k].text)) return k;
      return -1;
    },
    blankBefore: (i) => i > 0 && lines[i - 1].text === '' && !doubleSpaced,
    hanging: (i) => {
      const col = column.get(lines[i]?.page ?? 1);
      return paged && col !== undefined && lines[i].text !== '' && lines[i].indent < col - 2;
    },
    columns: (i) => paged && lines[i] !== undefined && hasColumns(lines[i].text),
    offset: (i) => {
      const col = column.get(lines[i]?.page ?? 1);
      return paged && col !== undefined && lines[i] ? lines[i].indent - col : 0;
    },
    paged,
    afterPageBreak: (i) => {
      if (i <= 0 || !lines[i]) return false;
      let k = i - 1;
      while (k > 0 && lines[k].text === '') k--;
      const [from, to] = [lines[k].n, lines[i].n];
      return breakLines.some((b) => b > from && b < to);
    },
  };
}
