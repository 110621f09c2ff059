import type { Line } from './lines.ts';
import { BARCODE, BARE_NUMBER, JOB, PAGE_LABEL, SYMBOL } from './shapes.ts';

/** Kinds of page furniture this stage recognises. */
export type FurnitureKind = 'running-header' | 'page-label' | 'job-number' | 'page-number' | 'barcode' | 'rule';

/** One removed line, recorded so the removal is auditable. */
export interface FurnitureRecord {
  line: number;
  kind: FurnitureKind;
  text: string;
}

/**
 * Furniture pass (plain extractions, which have no page boundaries): finds page furniture by its shape —
 * running headers (a UN symbol alone on a line), "Page N", GE job lines (with their page numbers), barcodes
 * — and bare page numbers (pageNumbers below).
 * Guarantees afterwards: every returned line is furniture by one of these rules, and nothing else is.
 * Idempotent: running it on its own output (lines minus furniture) finds nothing more.
 */
export function findFurniture(lines: Line[]): FurnitureRecord[] {
  const out: FurnitureRecord[] = [];
  for (const l of lines) {
    if (SYMBOL.test(l.text)) out.push({ line: l.n, kind: 'running-header', text: l.text });
    else if (PAGE_LABEL.test(l.text)) out.push({ line: l.n, kind: 'page-label', text: l.text });
    else if (JOB.test(l.text)) out.push({ line: l.n, kind: 'job-number', text: l.text });
    else if (BARCODE.test(l.text)) out.push({ line: l.n, kind: 'barcode', text: l.text });
  }
  const taken = new Set(out.map((f) => f.line));
  for (const l of pageNumbers(lines.filter((x) => !taken.has(x.n)))) out.push({ line: l.n, kind: 'page-number', text: l.text });
  return out.sort((a, b) => a.line - b.line);
}

/** Characters of text a printed page holds at least (a UN page holds 3,000–5,000; a short one ends a chapter). */
const PAGE_TEXT = 800;

/**
 * Bare page numbers of a plain extraction: numbers alone on their line ("2", "3" …) that count the pages —
 * each one more (or two more, a page without a number) than the last, with at least a page's worth of text
 * between them. Note markers printed on lines of their own also count up, but many to a page: where most bare
 * numbers fall outside the chain, none is a page number. A chain needs two numbers and starts at 2 or 3 (the title
 * page is not numbered).
 * Guarantees: every returned line is a bare number of the longest such chain; a document without one yields none.
 */
export function pageNumbers(lines: Line[]): Line[] {
  const bare: { line: Line; at: number; n: number }[] = [];
  let chars = 0;
  for (const l of lines) {
    if (BARE_NUMBER.test(l.text)) bare.push({ line: l, at: chars, n: Number(l.text) });
    else chars += l.text.length;
  }
  // Longest chain by dynamic programming over the bare numbers in order.
  const best: number[] = [];
  const prev: number[] = [];
  for (let j = 0; j < bare.length; j++) {
    // The title page is not numbered: the first page number printed is 2 (or 3 after an unnumbered page).
    best[j] = bare[j].n >= 2 && bare[j].n <= 3 && bare[j].at >= PAGE_TEXT / 2 ? 1 : 0;
    prev[j] = -1;
    for (let k = 0; k < j; k++) {
      const step = bare[j].n - bare[k].n;
      if (best[k] > 0 && (step === 1 || step === 2) && bare[j].at - bare[k].at >= PAGE_TEXT && best[k] + 1 > best[j]) {
        best[j] = best[k] + 1;
        prev[j] = k;
      }
    }
  }
  let end = -1;
  for (let j = 0; j < bare.length; j++) if (best[j] >= 2 && (end < 0 || best[j] > best[end])) end = j;
  const out: Line[] = [];
  for (let j = end; j >= 0; j = prev[j]) out.unshift(bare[j].line);
  // Where most bare numbers are not in the chain, they are note markers printed on lines of their own, and a
  // chain among them is chance: no page numbers.
  return out.length * 2 >= bare.length ? out : [];
}
