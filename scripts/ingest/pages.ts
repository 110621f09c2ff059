import type { Line } from './lines.ts';
import type { Anomaly } from './errors.ts';
import type { FurnitureRecord } from './furniture.ts';
import type { LiftedNote } from './spliced-notes.ts';
import { BARCODE, BARE_NUMBER, JOB, NOTE_START, PAGE_LABEL, ROMAN_HEADING, RULE, SYMBOL } from './shapes.ts';

/** What a paged reading takes out of the body: furniture, front matter, notes, page-break blanks. */
export interface PagedReading {
  /** Running headers, page labels, page numbers, job lines, barcodes and rules, one record per line. */
  furniture: FurnitureRecord[];
  /** Title block, contents and abbreviation lists: kept as metadata, never as paragraphs. */
  frontMatter: Line[];
  /** Note texts with their printed numbers (page-bottom footnotes and end notes), in printed order. */
  notes: LiftedNote[];
  /** Lines of note zones (numbers, texts, the "Notes" heading, blank lines inside zones). */
  noteLines: Set<number>;
  /** Blank lines at the top and bottom of pages: a page break is not a paragraph break. */
  pageBlanks: Set<number>;
  anomalies: Anomaly[];
}

/** Where the body of a title page starts: a chapter heading, "Introduction", or paragraph 1. */
const BODY_START = /^(?:[IVX]{1,5}\.\s+\S|Introduction$|INTRODUCTION$|1\.\s+[A-Z“"])/;
/** A page of front matter starts with one of these (to the end of that page). */
const FRONT_PAGE = /^(?:Contents|CONTENTS|Table of contents|TABLE OF CONTENTS|List of abbreviations|LIST OF ABBREVIATIONS|Abbreviations|ABBREVIATIONS|Acronyms|ACRONYMS)$/;
/** The heading of an end-note block. */
const NOTES_HEADING = /^(?:Notes|NOTES|Endnotes|ENDNOTES)$/;
/** Lines that never belong to a note zone: numbered paragraphs and chapter headings. */
const NEVER_NOTE = /^(?:\d{1,3}\.\s+\S|[IVX]{1,5}\.\s+[A-Z])/;

/**
 * Reads a layout-preserving extraction page by page (form feeds are page boundaries; lines.ts numbers them):
 * - furniture: on each page, the running header (a UN symbol, "Page N") among its first lines, and the
 *   page number, GE job line or barcode among its last lines; rule lines ("____") anywhere;
 * - front matter: the title page up to the first chapter heading, "Introduction" or paragraph 1 (all of it
 *   when none is on it), and pages that open with "Contents" or a list of abbreviations;
 * - notes: a zone at the foot of a page (or from a "Notes" heading to the end of the text) whose lines are
 *   notes numbered in sequence ("12 Text", or "12" alone then its text) and their continuation lines;
 *   once an end-note block has begun, later pages hold notes only (a page may open with the end of a note).
 * Guarantees afterwards: every returned line is one of those by the rules above; note numbers in `notes`
 * strictly ascend; body lines are left untouched (this stage only claims lines).
 */
export function readPages(lines: Line[]): PagedReading {
  const furniture: FurnitureRecord[] = [];
  const anomalies: Anomaly[] = [];
  const claimed = new Set<number>();
  const claim = (l: Line, kind: FurnitureRecord['kind']) => {
    furniture.push({ line: l.n, kind, text: l.text });
    claimed.add(l.n);
  };
  const pages = new Map<number, Line[]>();
  for (const l of lines) {
    const p = l.page ?? 1;
    if (!pages.has(p)) pages.set(p, []);
    pages.get(p)!.push(l);
  }
  const pageList = [...pages.values()];

  // Furniture by position on the page.
  for (const page of pageList) {
    const text = page.filter((l) => l.text !== '');
    let label = false;
    for (const l of text.slice(0, 3)) {
      if (SYMBOL.test(l.text)) claim(l, 'running-header');
      else if (PAGE_LABEL.test(l.text) && !label) {
        // One "Page N" per page: a second one is text ("Page 4 — for the existing table substitute").
        claim(l, 'page-label');
        label = true;
      } else break;
    }
    for (const l of text.slice(-3).reverse()) {
      if (claimed.has(l.n)) break;
      if (JOB.test(l.text)) claim(l, 'job-number');
      else if (BARCODE.test(l.text)) claim(l, 'barcode');
      else if (BARE_NUMBER.test(l.text) && Number(l.text) <= pageList.length + 2) claim(l, 'page-number');
      else break;
    }
    for (const l of text) if (RULE.test(l.text) && !claimed.has(l.n)) claim(l, 'rule');
  }

  // Front matter: the title page's block, and contents / abbreviation pages.
  const frontMatter: Line[] = [];
  const first = (pageList[0] ?? []).filter((l) => !claimed.has(l.n));
  for (const l of first.slice(0, titleBlockEnd(first))) frontMatter.push(l);
  // The title's "*" note, printed at the foot of the title page below any text that starts there.
  const star = first.findIndex((l) => /^\*(?:\s|$)/.test(l.text));
  if (star >= 0) for (const l of first.slice(star)) if (!frontMatter.includes(l)) frontMatter.push(l);
  for (const page of pageList.slice(1)) {
    const body = page.filter((l) => !claimed.has(l.n) && l.text !== '');
    if (body.length && FRONT_PAGE.test(body[0].text)) for (const l of page) if (!claimed.has(l.n)) frontMatter.push(l);
  }
  for (const l of frontMatter) claimed.add(l.n);

  // Notes zones.
  const notes: LiftedNote[] = [];
  const noteLines = new Set<number>();
  let next = 1;
  let endnotes = false;
  for (const page of pageList) {
    const body = page.filter((l) => !claimed.has(l.n));
    const start = endnotes ? 0 : zoneStart(body, next);
    if (start < 0) continue;
    let current: LiftedNote | null = null;
    for (const l of body.slice(start)) {
      noteLines.add(l.n);
      if (l.text === '') continue;
      if (NOTES_HEADING.test(l.text) && current === null) {
        endnotes = true;
        continue;
      }
      const m = NOTE_START.exec(l.text);
      const n = m ? Number(m[1]) : NaN;
      if (m && n >= next && n <= next + 3) {
        if (n > next) anomalies.push({ line: l.n, kind: 'note-gap', message: `note ${n} follows note ${next - 1}: notes ${next}–${n - 1} are not printed in the text` });
        current = { n, lines: m[2] ? [{ ...l, text: m[2] }] : [], numberLine: l.n };
        notes.push(current);
        next = n + 1;
        continue;
      }
      if (current === null) {
        // A page of end notes that opens with the end of the note begun on the page before.
        const prev = notes.at(-1);
        if (prev) current = prev;
        else {
          current = { n: null, lines: [], numberLine: null };
          notes.push(current);
        }
      }
      current.lines.push(l);
    }
    // After the text's last paragraph, a zone that runs to the end of its page opens the end notes.
    if (!endnotes && body.slice(start).some((l) => NOTES_HEADING.test(l.text))) endnotes = true;
  }

  // Page-break blanks: blank lines before the first and after the last remaining line of each page.
  const pageBlanks = new Set<number>();
  for (const page of pageList) {
    const kept = page.filter((l) => !claimed.has(l.n) && !noteLines.has(l.n));
    const firstText = kept.findIndex((l) => l.text !== '');
    const lastText = kept.length - 1 - [...kept].reverse().findIndex((l) => l.text !== '');
    kept.forEach((l, i) => {
      if (l.text === '' && (firstText < 0 || i < firstText || i > lastText)) pageBlanks.add(l.n);
    });
  }
  furniture.sort((a, b) => a.line - b.line);
  return { furniture, frontMatter, notes, noteLines, pageBlanks, anomalies };
}

/**
 * Index in a page's remaining lines where its notes zone starts, or -1: the first line that is note `next`
 * (or a "Notes" heading right before it), after a blank line, from which every non-blank line to the page
 * end is a note in sequence or a continuation line (never a numbered paragraph or a chapter heading).
 */
function zoneStart(body: Line[], next: number): number {
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    let from = i;
    let k = i;
    if (NOTES_HEADING.test(l.text)) {
      k = i + 1;
      while (k < body.length && body[k].text === '') k++;
    } else if (i > 0 && body[i - 1].text !== '' && !NOTES_HEADING.test(body[i - 1].text)) continue;
    const m = k < body.length ? NOTE_START.exec(body[k].text) : null;
    if (!m || Number(m[1]) < next || Number(m[1]) > next + 3) continue;
    let expected = Number(m[1]) + 1;
    let ok = true;
    for (const z of body.slice(k + 1)) {
      if (z.text === '') continue;
      if (NEVER_NOTE.test(z.text) || ROMAN_HEADING.test(z.text)) {
        ok = false;
        break;
      }
      const zm = NOTE_START.exec(z.text);
      if (zm && Number(zm[1]) >= expected && Number(zm[1]) <= expected + 3) expected = Number(zm[1]) + 1;
    }
    if (ok) return from;
    from = -1;
  }
  return -1;
}

/**
 * Index of the first body line of a title page (its remaining lines): a chapter heading, "Introduction" or
 * paragraph 1; or the first line of prose — three or more consecutive lines nearly as long as the page's
 * longest — such as the unnumbered introduction OHCHR prints under the title. The title note ("* …") is
 * never body. The page's length when none: the whole page is title block.
 */
export function titleBlockEnd(page: Line[]): number {
  // Lines laid out in columns ("United Nations      A/HRC/…") are not prose: leave them out of the measure.
  const widest = Math.max(0, ...page.filter((l) => !/\s{4,}/.test(l.text)).map((l) => l.text.length));
  let inNote = false;
  for (let i = 0; i < page.length; i++) {
    const l = page[i];
    if (/^\*(?:\s|$)/.test(l.text)) inNote = true;
    else if (l.text === '') inNote = false;
    if (inNote) continue;
    if (BODY_START.test(l.text)) return i;
    const run = page.slice(i, i + 3);
    if (run.length === 3 && /^[A-Z“"]/.test(l.text) && run.every((x) => x.text.length >= widest * 0.8 && /[a-z]/.test(x.text))) return i;
  }
  return page.length;
}
