import type { Line } from './lines.ts';
import type { Anomaly } from './errors.ts';
import { IngestError } from './errors.ts';
import { OWN_LINE_CLOSE, OWN_LINE_OPEN } from './repair.ts';

/** A structural item of a document, still holding its source lines. */
export type Item =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; label: string | null; title: string; lines: Line[] }
  | {
      kind: 'paragraph';
      pkind: 'numbered' | 'unnumbered' | 'quotation';
      number: string | null;
      /** Numbering section key (per-section numbering only). */
      section: string | null;
      lines: Line[];
      /** Source lines that open items of a numbered list inside the paragraph ("1. To ratify …"). */
      listLines?: number[];
    }
  | { kind: 'table'; lines: Line[] }
  | { kind: 'recref'; lines: Line[] }
  | { kind: 'note-fragments'; lines: Line[] };

/** Layout hints from the registry. */
export interface StructureOptions {
  file: string;
  numbering: 'global' | 'per-section';
  /** Compilations of UN information carry tables of treaties and mechanisms. */
  tables: boolean;
}

const ROMAN = /^([IVX]{1,5})\.\s+(\S.*)$/;
const LETTER = /^([A-Z])\.\s*((?:[A-Z“"‘'].*)?)$/;
const NUMBERED = /^(\d{1,3})(?:[.,]\s*|\s+)(?=[A-Z“"‘'(\[])(.*)$|^(\d{1,3})\.\s+(?=\d+[-\s][a-z])(.*)$/;
/** A printed number alone on its line, its text starting on the next ("13." / "" / "The above…"). */
const NUMBER_ALONE = /^(\d{1,3})\.$/;
const NUM_HEADING = /^(\d{1,2})\.\s+([A-Z].*)$/;
const ARTICLE_HEADING = /^Articles?\s*(\d+)((?:(?:,\s*|\s+and\s+)(?:paragraph\s+)?\d+)*)$/;
const CAPS_HEADING = /^[A-Z][A-Z ,.'’-]{5,80}$/;
const QUOTE_START = /^Recommendations?\s*:/;
const RECREF = /^Recommendations?\s+\d{2,3}\.\d+/;
const BARE_NUMBER = /^\d{1,3}$/;
const TERMINAL = /[.!?]["”’)]?$|[.!?]["”’)]?\s*\d{0,3}$/;
const FUNCTION_END = /(?:\b(?:of|and|the|with|for|to|in|on|into|taking into|account|a|an|or|by)|,)$/i;

/** Section key of a heading in per-section documents ("Articles 2, 3 and 26" -> "art2-3-26"). */
export function sectionKey(title: string, ordinal: number): string {
  const m = ARTICLE_HEADING.exec(title);
  if (m) {
    const rest = [...(m[2] ?? '').matchAll(/(paragraph\s+)?(\d+)/g)].map((x) => (x[1] ? `para${x[2]}` : x[2]));
    return ['art' + m[1], ...rest].join('-');
  }
  return `s${ordinal}`;
}

interface Candidate {
  idx: number;
  n: number;
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
      const d = c.n - cands[k].n;
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
 * Stage 4: lines -> headings, paragraphs (with printed numbers), quotations, tables, recommendation
 * references and endnote fragments.
 * Guarantees afterwards: every content line belongs to exactly one item; paragraph numbers strictly
 * ascend within each numbering section (a printed repeat or descent stops the build); printed gaps stay gaps.
 */
export function buildStructure(
  all: Line[],
  skip: Set<number>,
  opts: StructureOptions,
  anomalies: Anomaly[],
): Item[] {
  const lines = all.filter((l) => !skip.has(l.n));
  const nonBlank = lines.filter((l) => l.text !== '');
  const lengths = nonBlank.map((l) => l.text.length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length * 0.75)] ?? 80;
  const short = (l: Line) => l.text.length < typical * 0.7;
  let followedByBlank = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (lines[i].text !== '' && lines[i + 1].text === '') followedByBlank++;
  const doubleSpaced = followedByBlank > nonBlank.length * 0.6;
  const blankSeparated = !doubleSpaced && followedByBlank > nonBlank.length * 0.05;

  const prevIdx = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (lines[k].text !== '' && !BARE_NUMBER.test(lines[k].text) && !/^[IVX]{1,5}\.$/.test(lines[k].text)) return k;
    return -1;
  };
  const prevText = (i: number) => {
    const k = prevIdx(i);
    return k >= 0 ? lines[k] : undefined;
  };
  const nextText = (i: number) => {
    for (let k = i + 1; k < lines.length; k++) if (lines[k].text !== '' && !BARE_NUMBER.test(lines[k].text)) return k;
    return -1;
  };

  // Labelled headings (roman chapters, lettered sections, NGO article sections, all-caps titles).
  const labelled = new Map<number, { level: 1 | 2 | 3; label: string | null; title: string }>();
  lines.forEach((l, i) => {
    let m: RegExpExecArray | null;
    const p = prevText(i);
    const afterBreak = !p || TERMINAL.test(p.text) || /[:;]$/.test(p.text) || labelled.has(prevIdx(i)) || blankBefore(i);
    if ((m = ROMAN.exec(l.text)) && m[2].length < 160 && !/[.;]$/.test(m[2]) && afterBreak) labelled.set(i, { level: 1, label: m[1], title: m[2] });
    else if ((m = LETTER.exec(l.text)) && m[2].length < 160 && !/[.;]$/.test(m[2]) && afterBreak) labelled.set(i, { level: 2, label: m[1], title: m[2] });
    else if (ARTICLE_HEADING.test(l.text) && afterBreak) labelled.set(i, { level: 2, label: null, title: l.text });
    else if (CAPS_HEADING.test(l.text) && /[A-Z]{4}/.test(l.text) && afterBreak && !/\d/.test(l.text) && !labelled.has(prevIdx(i))) labelled.set(i, { level: 1, label: null, title: l.text });
  });
  function blankBefore(i: number) {
    return i > 0 && lines[i - 1].text === '' && !doubleSpaced;
  }

  // Numbering sections.
  const sectionAt: (string | null)[] = [];
  let sec: string | null = opts.numbering === 'per-section' ? 's0' : null;
  let ordinal = 0;
  lines.forEach((l, i) => {
    if (opts.numbering === 'per-section') {
      const h = labelled.get(i);
      if (h) sec = sectionKey(h.title, ++ordinal);
      else if (QUOTE_START.test(l.text) && !(prevText(i) && QUOTE_START.test(prevText(i)!.text))) sec = `r${++ordinal}`;
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

  // Paragraph candidates and the chosen chain per section.
  const chosen = new Map<number, number>();
  const bySection = new Map<string, Candidate[]>();
  lines.forEach((l, i) => {
    if (labelled.has(i)) return;
    const m = NUMBERED.exec(l.text);
    const alone = NUMBER_ALONE.exec(l.text);
    const nx = alone ? nextText(i) : -1;
    let n: number;
    if (m && (m[2] ?? m[4]).length > 0) n = Number(m[1] ?? m[3]);
    else if (alone && nx > 0 && /^[A-Z“"]/.test(lines[nx].text) && !labelled.has(nx)) n = Number(alone[1]);
    else return;
    const key = sectionAt[i] ?? '';
    if (!bySection.has(key)) bySection.set(key, []);
    bySection.get(key)!.push({ idx: i, n });
  });
  const headingLike = (i: number) => {
    const l = lines[i];
    const nx = nextText(i);
    return NUM_HEADING.test(l.text) && l.text.length < 110 && !/[.;:]$/.test(l.text) && !/\.\s*\d*$/.test(l.text) &&
      (nx < 0 || NUMBERED.test(lines[nx].text) || labelled.has(nx) || !/^[a-z]/.test(lines[nx].text) || FUNCTION_END.test(l.text));
  };
  const score = (c: Candidate) => {
    const p = prevText(c.idx);
    let s = 0;
    if (!p || TERMINAL.test(p.text) || /[:;]$/.test(p.text) || labelled.has(prevIdx(c.idx))) s += 2;
    else s -= 4;
    if (headingLike(c.idx)) s -= 6;
    if (!/\.\s/.test(lines[c.idx].text.slice(0, 6)) && !/^\d+\.\S/.test(lines[c.idx].text)) s -= 1;
    return s;
  };
  // A numbered list inside a paragraph ("1. To ratify …", "2. To adopt …" under paragraph 111 of an
  // outcome report) restarts at 1 while the paragraph numbering has passed 1: those lines are list
  // items of the paragraph above, not paragraphs.
  const listItems = new Map<number, string>();
  for (const [key, cands] of bySection) {
    const kept: Candidate[] = [];
    let outer = 0;
    for (let j = 0; j < cands.length; j++) {
      const c = cands[j];
      if (c.n === 1 && outer >= 2 && cands[j + 1]?.n === 2) {
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
      outer = Math.max(outer, c.n);
    }
    bySection.set(key, kept);
  }
  for (const [, cands] of bySection) for (const c of chooseChain(cands, score)) chosen.set(c.idx, c.n);

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
      const clash = lastChosen && c.n <= lastChosen.n ? lastChosen : nextChosen && c.n >= nextChosen.n ? nextChosen : null;
      if (!clash) continue;
      const l = lines[c.idx];
      const p = prevText(c.idx);
      const afterBreak = !p || TERMINAL.test(p.text) || (short(p) && /^[A-Z]/.test(p.text) && !/[,;]$/.test(p.text));
      // A paragraph's text runs to a closed sentence before the next paragraph or heading; a heading's does not.
      let last = c.idx;
      for (let k = c.idx + 1; k < lines.length && !chosen.has(k) && !labelled.has(k); k++) if (lines[k].text !== '' && !BARE_NUMBER.test(lines[k].text)) last = k;
      const strong = /^\d{1,3}\.\s+[A-Z“"]/.test(l.text) && afterBreak && TERMINAL.test(lines[last].text) && !(headingLike(c.idx) && short(l)) && quoteDepth(lastChosen?.idx ?? 0, c.idx) <= 0;
      if (!strong) continue;
      // Report at the later of the two lines: that is where the sequence breaks.
      const [first, second] = clash.idx < c.idx ? [clash, c] : [c, clash];
      const relation = first.n === second.n ? 'repeats' : 'descends after';
      throw new IngestError(
        opts.file,
        lines[second.idx].n,
        `paragraph number ${second.n} ${relation} paragraph ${first.n} (line ${lines[first.idx].n})${key ? ` in section ${key}` : ''}; printed numbers must ascend — correct the number with an erratum in content/registry/errata.json`,
      );
    }
  }

  // Walk.
  const items: Item[] = [];
  let cur: Item | null = null;
  let lastChosen = -1;
  for (const [idx] of chosen) lastChosen = Math.max(lastChosen, idx);
  let fragments = false;
  const flush = () => {
    if (cur && cur.kind === 'heading' && pendingLabel && cur.lines[0].n > pendingLabel.n) takeLabel(cur);
    if (cur) items.push(cur);
    cur = null;
  };
  const opensSection = (k: number) => k > 0 && (chosen.has(k) || labelled.has(k) || RECREF.test(lines[k].text) || numberedHeading(k));
  const numberedHeading = (i: number) => !chosen.has(i) && headingLike(i) && !labelled.has(i);
  // Roman labels the OCR moved away from their heading ("VI." inside a paragraph) go to the next unlabelled heading.
  let pendingLabel: Line | null = null;
  const takeLabel = (h: Item) => {
    if (!pendingLabel || h.kind !== 'heading') return;
    const m = /^([IVX]{1,5})\.$/.exec(pendingLabel.text)!;
    if (h.label === null) {
      h.label = m[1];
      h.level = 1;
      anomalies.push({ line: pendingLabel.n, kind: 'displaced-heading-label', message: `heading label "${pendingLabel.text}" printed apart from its heading "${h.title}" (line ${h.lines[0].n}); joined to it` });
    } else anomalies.push({ line: pendingLabel.n, kind: 'displaced-heading-label', message: `heading label "${pendingLabel.text}" has no heading to join (next heading "${h.label}. ${h.title}" has its own); kept with it as printed` });
    h.lines.unshift(pendingLabel);
    pendingLabel = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (listItems.has(i) && cur?.kind === 'paragraph') {
      cur.lines.push(l);
      (cur.listLines ??= []).push(l.n);
      continue;
    }
    if (/^[IVX]{1,5}\.$/.test(l.text) && !fragments) {
      if (pendingLabel) anomalies.push({ line: pendingLabel.n, kind: 'displaced-heading-label', message: 'heading label without a heading' });
      pendingLabel = l;
      continue;
    }
    if (fragments) {
      (cur as Item & { kind: 'note-fragments' }).lines.push(l);
      continue;
    }
    if (l.text === '') {
      if (cur) cur.lines.push(l);
      if (blankSeparated && cur?.kind === 'paragraph') {
        const p = prevText(i + 1);
        if (p && TERMINAL.test(p.text)) flush();
      }
      continue;
    }
    const h = labelled.get(i);
    if (h) {
      flush();
      let title = h.title;
      const hl = [l];
      // A label printed on its own line takes the next line as its title.
      if (title === '') {
        const k = nextText(i);
        if (k > 0) {
          for (let j = i + 1; j <= k; j++) hl.push(lines[j]);
          title = lines[k].text;
          anomalies.push({ line: l.n, kind: 'displaced-heading-label', message: `heading label "${h.label}." printed apart from its title "${title}" (line ${lines[k].n}); joined` });
          i = k;
        }
      }
      cur = { kind: 'heading', level: h.level, label: h.label, title, lines: hl };
      continue;
    }
    if (RECREF.test(l.text)) {
      flush();
      cur = { kind: 'recref', lines: [l] };
      continue;
    }
    if (chosen.has(i)) {
      flush();
      cur = { kind: 'paragraph', pkind: 'numbered', number: String(chosen.get(i)), section: sectionAt[i], lines: [l] };
      continue;
    }
    if (opts.numbering === 'per-section' && QUOTE_START.test(l.text)) {
      flush();
      cur = { kind: 'paragraph', pkind: 'quotation', number: null, section: sectionAt[i], lines: [l] };
      continue;
    }
    if (numberedHeading(i)) {
      flush();
      const m = NUM_HEADING.exec(l.text)!;
      cur = { kind: 'heading', level: 3, label: m[1], title: m[2], lines: [l] };
      continue;
    }
    if (BARE_NUMBER.test(l.text)) {
      // A marker printed under a heading belongs to the heading text.
      if (cur?.kind === 'heading') (cur as Item & { kind: 'heading' }).title += OWN_LINE_OPEN + l.text + OWN_LINE_CLOSE;
      if (cur) cur.lines.push(l);
      else cur = { kind: 'paragraph', pkind: 'unnumbered', number: null, section: sectionAt[i], lines: [l] };
      continue;
    }
    // Endnote fragments after the last paragraph: a new page starting mid-sentence after a closed paragraph.
    if (i > lastChosen && lastChosen >= 0 && l.indent === 1 && /^[a-z]/.test(l.text) && cur?.kind === 'paragraph') {
      const p = prevText(i);
      if (p && TERMINAL.test(p.text)) {
        flush();
        fragments = true;
        cur = { kind: 'note-fragments', lines: [l] };
        anomalies.push({ line: l.n, kind: 'endnote-fragments', message: 'text after the last paragraph is a fragment of the endnotes without numbers; kept as endnote fragments' });
        continue;
      }
    }
    const c = cur as Item | null;
    if (c?.kind === 'heading') {
      const last = c.lines.filter((x) => x.text !== '' && !BARE_NUMBER.test(x.text)).at(-1)!;
      const caps = (t: string) => /^[^a-z]*[A-Z]{3}[^a-z]*$/.test(t);
      if (/^[a-z]/.test(l.text) || FUNCTION_END.test(last.text) || (caps(last.text) && caps(l.text) && !NUMBERED.test(l.text))) {
        c.lines.push(l);
        c.title += ' ' + l.text;
        continue;
      }
    }
    // An unnumbered heading: short line without closing punctuation, followed by a paragraph or heading.
    const nx = nextText(i);
    const p = prevText(i);
    if (
      l.text.length < 100 && /^[A-Z]/.test(l.text) && !/[.,;:]$/.test(l.text) &&
      (!p || TERMINAL.test(p.text) || cur === null || (cur as Item).kind === 'heading') &&
      nx > 0 && (opensSection(nx) || (/^[a-z]/.test(lines[nx].text) && short(lines[nx]) && !/[.;:]$/.test(lines[nx].text) && opensSection(nextText(nx))))
    ) {
      flush();
      cur = { kind: 'heading', level: 4, label: null, title: l.text, lines: [l] };
      continue;
    }
    if (c?.kind === 'paragraph' || c?.kind === 'recref' || c?.kind === 'table') {
      const p = prevText(i);
      const ended = !doubleSpaced && !blankSeparated && p && TERMINAL.test(p.text) && short(p) && !NUMBER_ALONE.test(p.text);
      const listy = /^(?:-|–|•|\([a-z]{1,4}\)|\d+\))\s*/.test(l.text);
      if (c.kind === 'table' || c.kind === 'recref' || !ended || listy || c.pkind === 'quotation' && !NUMBERED.test(l.text)) {
        if (c.kind !== 'recref') {
          c.lines.push(l);
          continue;
        }
      }
    }
    flush();
    const prevItem = items.at(-1);
    if (opts.tables && prevItem?.kind === 'heading' && isTableRegion(i)) {
      cur = { kind: 'table', lines: [l] };
      continue;
    }
    cur = { kind: 'paragraph', pkind: 'unnumbered', number: null, section: sectionAt[i], lines: [l] };
  }
  flush();
  if (pendingLabel) {
    const pl = pendingLabel as Line;
    anomalies.push({ line: pl.n, kind: 'displaced-heading-label', message: `heading label "${pl.text}" has no heading; kept as a heading without title` });
    items.push({ kind: 'heading', level: 1, label: pl.text.replace('.', ''), title: '(title not printed)', lines: [pl] });
  }

  function isTableRegion(i: number): boolean {
    let n = 0;
    let s = 0;
    for (let k = i; k < lines.length && !chosen.has(k) && !labelled.has(k); k++) {
      if (lines[k].text === '' || BARE_NUMBER.test(lines[k].text)) continue;
      n++;
      if (short(lines[k])) s++;
    }
    return n >= 3 && s / n >= 0.5;
  }

  // Paragraph numbers must strictly ascend within a section.
  const lastBySection = new Map<string, { n: number; line: number }>();
  for (const it of items) {
    if (it.kind !== 'paragraph' || it.number === null) continue;
    const key = it.section ?? '';
    const last = lastBySection.get(key);
    const n = Number(it.number);
    if (last && n <= last.n) {
      throw new IngestError(opts.file, it.lines[0].n, `paragraph ${n} follows paragraph ${last.n} (line ${last.line}) in the same section; printed paragraph numbers must ascend — fix the source or add an erratum`);
    }
    if (last && n > last.n + 1) anomalies.push({ line: it.lines[0].n, kind: 'paragraph-gap', message: `paragraph ${n} follows ${last.n}: printed gap kept` });
    lastBySection.set(key, { n, line: it.lines[0].n });
  }
  relabelHeadings(items, anomalies);
  return items;
}

const romanValue = (r: string) => {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < r.length; i++) n += v[r[i]] < (v[r[i + 1]] ?? 0) ? -v[r[i]] : v[r[i]];
  return n;
};

/**
 * Repairs heading labels by their sequence (OCR loses and misreads labels):
 * - a one-letter label that is also a roman numeral ("V.") is a lettered section when it continues the
 *   letters (… T, U → V) and not the chapters;
 * - unlabelled headings between two lettered sections of one chapter are sections too; their labels
 *   are inferred when the gap in the letters has exactly as many places ("B." … [?] … "D." → C).
 * Every repair is reported.
 */
function relabelHeadings(items: Item[], anomalies: Anomaly[]): void {
  type H = Item & { kind: 'heading' };
  const heads = items.filter((x): x is H => x.kind === 'heading');
  let chapter = 0;
  let letter = 0;
  for (const h of heads) {
    if (h.level === 1 && h.label && /^[IVX]+$/.test(h.label)) {
      const v = romanValue(h.label);
      const asLetter = h.label.length === 1 ? h.label.charCodeAt(0) - 64 : 0;
      if (v !== chapter + 1 && asLetter > letter && asLetter <= letter + 2 && letter > 0) {
        h.level = 2;
        anomalies.push({ line: h.lines[0].n, kind: 'heading-label', message: `"${h.label}." continues the lettered sections (after ${String.fromCharCode(64 + letter)}), not the chapters (${chapter}); read as section ${h.label}` });
        letter = asLetter;
        continue;
      }
      chapter = v;
      letter = 0;
    } else if (h.level === 2 && h.label && /^[A-Z]$/.test(h.label)) letter = h.label.charCodeAt(0) - 64;
  }
  // Unlabelled headings between lettered sections of one chapter.
  for (let i = 0; i < heads.length; i++) {
    if (!(heads[i].level === 2 && heads[i].label)) continue;
    let j = i + 1;
    const gap: H[] = [];
    while (j < heads.length && heads[j].level === 4 && heads[j].label === null) gap.push(heads[j++]);
    const next = heads[j];
    // A gap after the last section of a chapter has no upper bound; one before the first has A as its start.
    if (!gap.length) continue;
    const from = heads[i].label!.charCodeAt(0);
    const to = next && next.level === 2 && next.label && /^[A-Z]$/.test(next.label) ? next.label.charCodeAt(0) : null;
    const labels = to !== null && to - from - 1 === gap.length ? gap.map((_, k) => String.fromCharCode(from + 1 + k)) : null;
    if (to === null) continue;
    gap.forEach((g, k) => {
      g.level = 2;
      if (labels) g.label = labels[k];
      anomalies.push({ line: g.lines[0].n, kind: 'heading-label', message: labels ? `section label not printed; inferred "${labels[k]}." between "${heads[i].label}." and "${next.label}."` : `heading between sections "${heads[i].label}." and "${next.label}." has no label; placed at section level` });
    });
    i = j - 1;
  }
  // Unlabelled headings right after a chapter heading and before its first lettered section ("C.").
  for (let i = 0; i < heads.length; i++) {
    if (heads[i].level !== 1) continue;
    let j = i + 1;
    const gap: H[] = [];
    while (j < heads.length && heads[j].level === 4 && heads[j].label === null) gap.push(heads[j++]);
    const next = heads[j];
    if (!gap.length || !next || next.level !== 2 || !next.label || !/^[A-Z]$/.test(next.label)) continue;
    const to = next.label.charCodeAt(0);
    if (to - 65 !== gap.length) continue;
    gap.forEach((g, k) => {
      g.level = 2;
      g.label = String.fromCharCode(65 + k);
      anomalies.push({ line: g.lines[0].n, kind: 'heading-label', message: `section label not printed; inferred "${g.label}." before "${next.label}."` });
    });
  }
}

/** Lower-case slug for anchors. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
