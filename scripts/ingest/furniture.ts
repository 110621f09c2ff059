import type { Line } from './lines.ts';

/** Kinds of page furniture this stage recognises. */
export type FurnitureKind = 'running-header' | 'page-label' | 'job-number' | 'page-number' | 'barcode' | 'rule';

/** One removed line, recorded so the removal is auditable. */
export interface FurnitureRecord {
  line: number;
  kind: FurnitureKind;
  text: string;
}

const SYMBOL = /^(?:A\/HRC\/[A-Z0-9./]+|CCPR\/C\/[A-Z0-9./]+|E\/C\.12\/[A-Z0-9./]+)$/;
const PAGE_LABEL = /^Page \d{1,3}$/;
// "GE.09-17130 5", "12 GE.14-16238", "GE.24-12345  (E)  010124"
const JOB = /^(?:\d{1,3}\s+)?GE\.\d{2}-\d{5}(?:\s+\(E\))?(?:\s+\d{6})?(?:\s+\d{1,3})?$/;

/**
 * Stage 2: finds page furniture (running headers with the document symbol, "Page N",
 * GE job numbers with their page numbers).
 * Guarantees afterwards: every returned line is furniture by one of the rules above, and
 * nothing else is; bare page numbers are left to later stages, which know the footnote sequence.
 * Idempotent: running it on its own output (lines minus furniture) finds nothing more.
 */
export function findFurniture(lines: Line[]): FurnitureRecord[] {
  const out: FurnitureRecord[] = [];
  for (const l of lines) {
    if (SYMBOL.test(l.text)) out.push({ line: l.n, kind: 'running-header', text: l.text });
    else if (PAGE_LABEL.test(l.text)) out.push({ line: l.n, kind: 'page-label', text: l.text });
    else if (JOB.test(l.text)) out.push({ line: l.n, kind: 'job-number', text: l.text });
  }
  return out;
}
