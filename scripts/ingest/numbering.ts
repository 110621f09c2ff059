import type { Anomaly } from './errors.ts';
import { IngestError } from './errors.ts';
import type { BodyView } from './view.ts';
import type { Labelled } from './headings.ts';
import { sectionKey, slug } from './headings.ts';
import { BARE_NUMBER, FUNCTION_END, LETTER_HEADING, NUMBER_ALONE, NUMBER_HEADING, NUMBERED_PARAGRAPH, ROMAN_HEADING, TERMINAL } from './shapes.ts';

/** What the numbering pass decides for the body lines (indices into view.lines). */
export interface Numbering {
  /** Numbering section of each line (per-section documents), else null. */
  sectionAt: (string | null)[];
  /** Lines that open a numbered paragraph, with its printed number ("12", or "5, 6, 7" for a shared paragraph). */
  chosen: Map<number, string>;
  /** Lines that open an item of a numbered list inside a paragraph, with the item's printed label ("3.", "115.3"). */
  listItems: Map<number, string>;
  anomalies: Anomaly[];
}

/** Options of the numbering pass (from the registry entry). */
export interface NumberingOptions {
  file: string;
  numbering: 'global' | 'per-section';
  /** Errata file named in the advice of a numbering error. */
  errataFile: string;
}

/** A quoted treaty-body recommendation opens a block in per-section documents. */
export const QUOTE_START = /^Recommendations?\s*:/;
/** Several numbers printed for one paragraph ("5., 6., 7., 8., 9.   The Government accepts these …"). */
const SHARED_NUMBERS = /^(\d{1,3})\.((?:\s*,\s*\d{1,3}\.)+,?)\s+(?=[A-Z“"])/;
/** The rest of a shared label printed at the start of the next line ("43., 44." alone, or before text in a label column). */
export const LABEL_HEAD = /^\d{1,3}\.(?:\s*,\s*\d{1,3}\.)*,?(?=\s{2,}|$)/;
/** An item numbered within its paragraph ("115.13 Continue its efforts …"). */
const SUB_ITEM = /^(\d{1,3})\.(\d{1,3})\.?\s+(?=\S)/;

interface Candidate {
  idx: number;
  /** Printed number (first of a shared paragraph). */
  n: number;
  /** Last printed number (a shared paragraph "5., 6., 7." ends at 7). */
  end: number;
  label: string;
}

/** Picks the printed paragraph numbers: the best strictly ascending chain, preferring +1 steps. */
function chooseChain(cands: Candidate[], score: (c: Candidate) => number): Candidate[] {
  const best: number[] = [];
  const prev: number[] = [];
  for (let j = 0; j < cands.length; j++) {
    const c = cands[j];
    best[j] = c.n === 1 ? 10 + score(c) : c.n <= 4 ? 2 + score(c) : -1e9;
    prev[j] = -1;
    for (let k = 0; k < j; k++) {
      const d = c.n - cands[k].end;
      if (d < 1 || d > 4 || best[k] < -1e8) continue;
      const v = best[k] + (d === 1 ? 10 : 3 - d) + score(c);
      if (v > best[j]) {
        best[j] = v;
        prev[j] = k;
      }
    }
  }
  let end = -1;
  // On a tie the longer chain wins: a printed number is kept unless something argues against it.
  for (let j = 0; j < cands.length; j++) if (best[j] > -1e8 && (end < 0 || best[j] >= best[end])) end = j;
  const out: Candidate[] = [];
  for (let j = end; j >= 0; j = prev[j]) out.unshift(cands[j]);
  return out;
}

/**
 * Paged layouts: whether a numbered line set apart from the text column (hung in the margin or centred) is a
 * heading: its text does not close a sentence and the next line does not simply continue it at the column
 * (it opens a paragraph, a table, or continues the heading apart from the column). A number in the margin
 * followed by text that runs on at the column is a paragraph number ("1.        The Government accepts …").
 */
export function marginHeading(view: BodyView, i: number): boolean {
  const { lines } = view;
  const l = lines[i];
  if (Math.abs(view.offset(i)) < 3 || !NUMBER_HEADING.test(l.text) || /[.;:]$/.test(l.text) || l.text.length >= 120) return false;
  const nx = view.nextText(i);
  if (nx < 0) return true;
  // Text that runs on starts the next line where this line's text starts (after the label), or where the
  // line itself starts (a wrapped list item), or at the column.
  const textStart = l.indent + (/^\d{1,2}\.\s+/.exec(l.text)?.[0].length ?? 0);
  const at = lines[nx].indent;
  const aligned = Math.abs(view.offset(nx)) <= 2 || Math.abs(at - textStart) <= 2 || Math.abs(at - l.indent) <= 2;
  if (!aligned || view.columns(nx) || NUMBERED_PARAGRAPH.test(lines[nx].text) || view.blankBefore(nx)) return true;
  // The block runs on: a paragraph closes a sentence (or a list item its clause) before the next number,
  // heading or blank line; a wrapped heading ("… (recommendations 4, 14, 65–" / "70, 74)") does not.
  let last = nx;
  for (let k = nx + 1; k < lines.length && k < nx + 40; k++) {
    const t = lines[k].text;
    if (t === '' || NUMBERED_PARAGRAPH.test(t) || ROMAN_HEADING.test(t) || LETTER_HEADING.test(t)) break;
    last = k;
  }
  return !/[.;:!?]["”’)]?\d{0,3}$/.test(lines[last].text);
}

/** Whether line i reads as a numbered sub-heading ("1. Right to life") rather than a paragraph start. */
export function headingLike(view: BodyView, labelled: Map<number, Labelled>, i: number): boolean {
  const { lines } = view;
  const l = lines[i];
  const nx = view.nextText(i);
  // Paged layouts say where a heading is: set apart from the text column. A number at the column, or in a
  // margin with its text running on at the column, opens a paragraph.
  if (view.paged) return marginHeading(view, i);
  return NUMBER_HEADING.test(l.text) && l.text.length < 110 && !/[.;:]$/.test(l.text) && !/\.\s*\d*$/.test(l.text) &&
    (nx < 0 || NUMBERED_PARAGRAPH.test(lines[nx].text) || labelled.has(nx) || !/^[a-z]/.test(lines[nx].text) || FUNCTION_END.test(l.text));
}

/**
 * Numbering pass: decides which lines open numbered paragraphs. Candidates are lines that print a number
 * before text ("12. The …", "12" + text in OCR, "13." alone with its text below, "5., 6., 7." for one
 * paragraph answering several numbers); per numbering section the best ascending chain wins. Numbered lists
 * inside a paragraph (items restarting at 1 while the paragraph numbering has passed 1, or numbered
 * "115.1", "115.2" after paragraph 115) become list items of that paragraph. In paged layouts a number hung
 * left of the text column labels a heading, never a paragraph.
 * Guarantees afterwards: chosen numbers strictly ascend within each section; a line that reads like a
 * paragraph start but repeats or descends stops the build (IngestError naming the later line).
 */
export function numberParagraphs(view: BodyView, labelled: Map<number, Labelled>, opts: NumberingOptions): Numbering {
  const { lines } = view;
  const anomalies: Anomaly[] = [];

  // Numbering sections.
  const sectionAt: (string | null)[] = [];
  let sec: string | null = opts.numbering === 'per-section' ? 's0' : null;
  let ordinal = 0;
  lines.forEach((l, i) => {
    if (opts.numbering === 'per-section') {
      const h = labelled.get(i);
      if (h) sec = sectionKey(h.title, ++ordinal);
      else if (QUOTE_START.test(l.text) && !(view.prevText(i) && QUOTE_START.test(view.prevText(i)!.text))) sec = `r${++ordinal}`;
    }
    sectionAt[i] = sec;
  });
  // Recommendation blocks in Part I get ordinal keys r1, r2… in printed order.
  if (opts.numbering === 'per-section') {
    let r = 0;
    const map = new Map<string, string>();
    for (let i = 0; i < lines.length; i++) {
      const s = sectionAt[i];
      if (s && /^r\d+$/.test(s) && !map.has(s)) map.set(s, `rec${++r}`);
      if (s && /^s\d+$/.test(s) && !map.has(s)) map.set(s, labelled.get(i) ? slug(labelled.get(i)!.title) : 'intro');
      if (s && map.has(s)) sectionAt[i] = map.get(s)!;
    }
  }

  // Candidates.
  const bySection = new Map<string, Candidate[]>();
  const listItems = new Map<number, string>();
  let lastNumber = 0;
  lines.forEach((l, i) => {
    if (labelled.has(i)) return;
    const sub = SUB_ITEM.exec(l.text);
    if (sub && Number(sub[1]) === lastNumber && Number(sub[1]) > 0) {
      listItems.set(i, `${sub[1]}.${sub[2]}`);
      return;
    }
    if (view.paged && marginHeading(view, i)) return;
    const shared = SHARED_NUMBERS.exec(l.text);
    const m = NUMBERED_PARAGRAPH.exec(l.text);
    const alone = NUMBER_ALONE.exec(l.text);
    const nx = alone ? view.nextText(i) : -1;
    let c: Omit<Candidate, 'idx'>;
    if (shared) {
      // "40., 41., 42.," / "43., 44.": the label goes on on the next line.
      const more = shared[2].endsWith(',') ? (LABEL_HEAD.exec(lines[i + 1]?.text ?? '')?.[0] ?? '') : '';
      const all = [Number(shared[1]), ...[...(shared[2] + more).matchAll(/\d{1,3}/g)].map((x) => Number(x[0]))];
      // The sequence goes on from the end of the label's first run of consecutive numbers
      // ("77., 78., 79., 82." answers 77–79 and 82; paragraph 80 may follow).
      let end = all[0];
      while (all.includes(end + 1)) end++;
      c = { n: all[0], end, label: all.join(', ') };
    } else if (m && (m[2] ?? m[4]).length > 0) {
      const n = Number(m[1] ?? m[3]);
      c = { n, end: n, label: String(n) };
    } else if (alone && nx > 0 && /^[A-Z“"]/.test(lines[nx].text) && !labelled.has(nx)) {
      const n = Number(alone[1]);
      c = { n, end: n, label: String(n) };
    } else return;
    const key = sectionAt[i] ?? '';
    if (!bySection.has(key)) bySection.set(key, []);
    bySection.get(key)!.push({ idx: i, ...c });
    lastNumber = c.end;
  });
  const score = (c: Candidate) => {
    const p = view.prevText(c.idx);
    let s = 0;
    if (!p || TERMINAL.test(p.text) || /[:;]$/.test(p.text) || labelled.has(view.prevIdx(c.idx))) s += 2;
    else s -= 4;
    if (headingLike(view, labelled, c.idx)) s -= 6;
    if (!/\.\s/.test(lines[c.idx].text.slice(0, 6)) && !/^\d+\.\S/.test(lines[c.idx].text)) s -= 1;
    return s;
  };
  // A numbered list inside a paragraph ("1. To ratify …", "2. To adopt …" under paragraph 111 of an
  // outcome report) restarts at 1 while the paragraph numbering has passed 1: those lines are list
  // items of the paragraph above, not paragraphs.
  for (const [key, cands] of bySection) {
    const kept: Candidate[] = [];
    let outer = 0;
    for (let j = 0; j < cands.length; j++) {
      const c = cands[j];
      const opensList = !labelled.has(view.prevIdx(c.idx)) && !(headingLike(view, labelled, c.idx) && view.short(lines[c.idx]));
      if (c.n === 1 && outer >= 2 && cands[j + 1]?.n === 2 && opensList) {
        let k = j;
        // The run goes on while the items count up; an item numbered like the next paragraph ends it
        // unless the count goes on after it.
        while (k < cands.length && cands[k].n === k - j + 1 && (cands[k].n !== outer + 1 || cands[k + 1]?.n === cands[k].n + 1)) {
          listItems.set(cands[k].idx, `${cands[k].n}.`);
          k++;
        }
        anomalies.push({ line: lines[c.idx].n, kind: 'numbered-list', message: `items numbered 1–${k - j} inside paragraph ${outer} read as a list of that paragraph, not as paragraphs` });
        j = k - 1;
        continue;
      }
      kept.push(c);
      outer = Math.max(outer, c.end);
    }
    bySection.set(key, kept);
  }
  const chosen = new Map<number, string>();
  for (const [, cands] of bySection) for (const c of chooseChain(cands, score)) chosen.set(c.idx, c.label);

  // A line that reads like a paragraph start but lost to the chain is a repeated or descending
  // printed number: the build stops rather than swallowing it into the paragraph above.
  const quoteDepth = (from: number, to: number) => {
    let d = 0;
    for (let k = from; k < to; k++) for (const ch of lines[k].text) d += ch === '“' ? 1 : ch === '”' ? -1 : 0;
    return d;
  };
  for (const [key, cands] of bySection) {
    let lastChosen: Candidate | null = null;
    for (let j = 0; j < cands.length; j++) {
      const c = cands[j];
      if (chosen.has(c.idx)) {
        lastChosen = c;
        continue;
      }
      const nextChosen = cands.slice(j + 1).find((x) => chosen.has(x.idx)) ?? null;
      const clash = lastChosen && c.n <= lastChosen.end ? lastChosen : nextChosen && c.end >= nextChosen.n ? nextChosen : null;
      if (!clash) continue;
      const l = lines[c.idx];
      const p = view.prevText(c.idx);
      const afterBreak = !p || TERMINAL.test(p.text) || (view.short(p) && /^[A-Z]/.test(p.text) && !/[,;]$/.test(p.text));
      // A paragraph's text runs to a closed sentence before the next paragraph or heading; a heading's does not.
      let last = c.idx;
      for (let k = c.idx + 1; k < lines.length && !chosen.has(k) && !labelled.has(k); k++) if (lines[k].text !== '' && !BARE_NUMBER.test(lines[k].text)) last = k;
      const strong = /^\d{1,3}\.\s+[A-Z“"]/.test(l.text) && afterBreak && TERMINAL.test(lines[last].text) && !(headingLike(view, labelled, c.idx) && view.short(l)) && quoteDepth(lastChosen?.idx ?? 0, c.idx) <= 0;
      if (!strong) continue;
      // Report at the later of the two lines: that is where the sequence breaks.
      const [first, second] = clash.idx < c.idx ? [clash, c] : [c, clash];
      const relation = first.n === second.n ? 'repeats' : 'descends after';
      throw new IngestError(
        opts.file,
        lines[second.idx].n,
        `paragraph number ${second.n} ${relation} paragraph ${first.label} (line ${lines[first.idx].n})${key ? ` in section ${key}` : ''}; printed numbers must ascend — correct the number with an erratum in ${opts.errataFile}`,
      );
    }
  }
  return { sectionAt, chosen, listItems, anomalies };
}
