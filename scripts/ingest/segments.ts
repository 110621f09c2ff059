import type { Line } from './lines.ts';
import type { Anomaly } from './errors.ts';
import { IngestError } from './errors.ts';
import type { BodyView } from './view.ts';
import type { Labelled } from './headings.ts';
import type { Item } from './structure.ts';
import { headingLike, QUOTE_START, type Numbering } from './numbering.ts';
import { OWN_LINE_CLOSE, OWN_LINE_OPEN } from './repair.ts';
import { BARE_NUMBER, FUNCTION_END, NUMBER_ALONE, NUMBER_HEADING, NUMBERED_PARAGRAPH, ROMAN_ALONE, TERMINAL } from './shapes.ts';

/** Options of the segmentation pass (from the registry entry). */
export interface SegmentOptions {
  file: string;
  numbering: 'global' | 'per-section';
  /** Whether flattened tables may appear (layout.tables). */
  tables: boolean;
}

/** A line citing recommendations by number at the head of a section ("Recommendations 95.41, 97.15–97.18", "(Recommendations 1, 7–9)"). */
export const RECREF = /^Recommendations?\s+\d{2,3}\.\d+|^\(Recommendations?\s+\d/;
/**
 * A response labelled by the recommendation(s) it answers, the label in a column of its own ("Rec. 24" +
 * text, "140.11-14" alone on its line, "140.120, 209"): each opens a paragraph of its own.
 */
export const RESPONSE_LABEL = /^(?:Rec(?:ommendations?)?\.?\s+\d{1,3}(?:\.\d{1,3})?(?:\s*[-–,]\s*\d{1,3})*|\d{1,3}\.\d{1,3}(?:\s*[-–,]\s*\d{1,3}(?:\.\d{1,3})?)*)(?=\s{2,}|$)/;

/**
 * Segmentation pass: walks the body lines once and cuts them into items — headings (labelled ones, numbered
 * sub-headings, unnumbered headings stacked or alone before a paragraph), numbered and unnumbered paragraphs
 * (numbered list items stay in their paragraph), quotations, tables, recommendation references and end-note
 * fragments. A paragraph runs on across page breaks and blank lines until the next paragraph start, heading
 * or (in blank-separated layouts) a blank line after a closed sentence.
 * Guarantees afterwards: every body line is in exactly one item, in source order; paragraph numbers strictly
 * ascend within each section (else IngestError); printed gaps are reported.
 */
export function segment(view: BodyView, labelled: Map<number, Labelled>, numbering: Numbering, opts: SegmentOptions): { items: Item[]; anomalies: Anomaly[] } {
  const { lines, doubleSpaced, blankSeparated } = view;
  const { chosen, listItems, sectionAt } = numbering;
  const anomalies: Anomaly[] = [];
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
  const numberedHeading = (i: number) => !chosen.has(i) && headingLike(view, labelled, i) && !labelled.has(i);
  const opensSection = (k: number) => k > 0 && (chosen.has(k) || labelled.has(k) || RECREF.test(lines[k].text) || numberedHeading(k));
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
  // Paged layouts: a table is a run of lines laid out in columns, with its cells' continuation lines
  // (indented right of the text column) and blank lines between rows.
  const tableEnd = (i: number) => {
    let k = i;
    let last = i;
    while (k < lines.length && !chosen.has(k) && !labelled.has(k) && !listItems.has(k)) {
      if (lines[k].text === '') {
        k++;
        continue;
      }
      if (!(view.columns(k) || view.offset(k) >= 4)) break;
      last = k++;
    }
    return last;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (listItems.has(i) && cur?.kind === 'paragraph') {
      cur.lines.push(l);
      (cur.listLines ??= []).push(l.n);
      continue;
    }
    if (ROMAN_ALONE.test(l.text) && !fragments) {
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
        const p = view.prevText(i + 1);
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
        const k = view.nextText(i);
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
      cur = { kind: 'paragraph', pkind: 'numbered', number: chosen.get(i)!, section: sectionAt[i], lines: [l] };
      continue;
    }
    const before = view.prevText(i);
    if (RESPONSE_LABEL.test(l.text) && !listItems.has(i) && (!before || !/[,–-]$/.test(before.text))) {
      flush();
      cur = { kind: 'paragraph', pkind: 'unnumbered', number: null, section: sectionAt[i], lines: [l] };
      continue;
    }
    if (opts.numbering === 'per-section' && QUOTE_START.test(l.text)) {
      flush();
      cur = { kind: 'paragraph', pkind: 'quotation', number: null, section: sectionAt[i], lines: [l] };
      continue;
    }
    if (numberedHeading(i)) {
      flush();
      const m = NUMBER_HEADING.exec(l.text)!;
      cur = { kind: 'heading', level: 3, label: m[1], title: m[2], lines: [l] };
      continue;
    }
    // A table: at least two of its first three lines laid out in columns (one line with wide gaps is justified text).
    const nextTwo = [view.nextText(i), view.nextText(view.nextText(i))].filter((k) => k > 0);
    // A header cell printed on a line of its own above the columns ("Latest report" over its column) opens the table too.
    const headerCell = (() => {
      let k = i;
      for (let steps = 0; steps < 4 && k > 0 && view.offset(k) >= 8 && !view.columns(k) && !TERMINAL.test(lines[k].text); steps++) {
        const nx = view.nextText(k);
        if (nx < 0 || view.blankBefore(nx)) return false;
        k = nx;
      }
      return k !== i && view.columns(k);
    })();
    if (view.paged && (view.columns(i) || headerCell) && nextTwo.some((k) => view.columns(k)) && cur?.kind !== 'table') {
      flush();
      const end = tableEnd(i);
      cur = { kind: 'table', lines: lines.slice(i, end + 1) };
      i = end;
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
      const p = view.prevText(i);
      if (p && TERMINAL.test(p.text)) {
        flush();
        fragments = true;
        cur = { kind: 'note-fragments', lines: [l] };
        anomalies.push({ line: l.n, kind: 'endnote-fragments', message: 'text after the last paragraph is a fragment of the endnotes without numbers; kept as endnote fragments' });
        continue;
      }
    }
    // A web address alone on a line after a closed paragraph is the tail of a note whose number the extraction
    // lost ("… legal awareness of citizens." / "http://www.adilet.zan.kz/"), not paragraph text.
    if (/^(?:https?:\/\/|www\.)\S+$/.test(l.text) && cur?.kind === 'paragraph' && TERMINAL.test(view.prevText(i)?.text ?? '')) {
      flush();
      items.push({ kind: 'note-fragments', lines: [l] });
      anomalies.push({ line: l.n, kind: 'note-fragment', message: `web address "${l.text}" alone after a closed paragraph read as the text of a note printed without its number; check which note of the official document it belongs to` });
      continue;
    }
    const c = cur as Item | null;
    // A reference list wrapped onto the next line ("(Recommendations 22, 27–28," / "30–41)").
    if (c?.kind === 'recref' && /[,–—-]$/.test(c.lines.filter((x) => x.text !== '').at(-1)!.text)) {
      c.lines.push(l);
      continue;
    }
    if (c?.kind === 'heading') {
      const last = c.lines.filter((x) => x.text !== '' && !BARE_NUMBER.test(x.text)).at(-1)!;
      const caps = (t: string) => /^[^a-z]*[A-Z]{3}[^a-z]*$/.test(t);
      // Paged layouts: a heading set apart from the text column (centred) goes on on lines set apart too.
      // (a wrapped line: the line before runs nearly full width, and both are in the same case style).
      const lastIdx = lines.indexOf(last);
      const apart = view.paged && view.offset(i) >= 4 && view.offset(lastIdx) >= 3 && l.text.length < 100 && !TERMINAL.test(l.text) &&
        last.text.length >= view.typical * 0.75 && caps(last.text.replace(/^[\dIVX]+\.\s+/, '')) === caps(l.text);
      // A heading line ending on a dash or an open parenthesis goes on ("(recommendations 30–31, 54–" / "57)").
      const open = view.paged && (/[–-]$/.test(last.text) || (last.text.split('(').length > last.text.split(')').length && /^[\d)]/.test(l.text)));
      if (/^[a-z]/.test(l.text) || FUNCTION_END.test(last.text) || (caps(last.text) && caps(l.text) && !NUMBERED_PARAGRAPH.test(l.text)) || apart || open) {
        c.lines.push(l);
        c.title += ' ' + l.text;
        continue;
      }
    }
    // An unnumbered heading: short line without closing punctuation, followed by a paragraph or heading —
    // or by another such line stacked under it ("Legal framework" / "Acceptance of international …"), or, in
    // paged layouts, by a block of its own (after a blank line or at another indentation).
    const nx = view.nextText(i);
    const p = view.prevText(i);
    const titleLike = (k: number) =>
      k >= 0 && lines[k].text.length < 100 && /^[A-Z]/.test(lines[k].text) && !/[.,;:]$/.test(lines[k].text) && /[A-Za-z]{4}/.test(lines[k].text) &&
      !chosen.has(k) && !labelled.has(k) && !listItems.has(k) && !RECREF.test(lines[k].text);
    // A new block: after a blank line, or indented further than the line before (a paragraph's first line under
    // its heading). A line indented less than the one before is a paragraph's second line, never a new block.
    const newBlock = (k: number) => view.paged && k > 0 && /^[A-Z“"(]/.test(lines[k].text) && (view.blankBefore(k) || lines[k].indent - lines[view.prevIdx(k)].indent >= 3);
    const followed = (k: number) =>
      k > 0 && (opensSection(k) || (/^[a-z]/.test(lines[k].text) && view.short(lines[k]) && !/[.;:]$/.test(lines[k].text) && opensSection(view.nextText(k))));
    if (
      titleLike(i) &&
      (!p || TERMINAL.test(p.text) || cur === null || (cur as Item).kind === 'heading') &&
      nx > 0 && (followed(nx) || (titleLike(nx) && (followed(view.nextText(nx)) || newBlock(view.nextText(nx)))) || (newBlock(nx) && !(titleLike(nx) && view.short(lines[nx])) && !TERMINAL.test(l.text)))
    ) {
      flush();
      cur = { kind: 'heading', level: 4, label: null, title: l.text, lines: [l] };
      continue;
    }
    if (c?.kind === 'paragraph' || c?.kind === 'recref' || c?.kind === 'table') {
      const p = view.prevText(i);
      // A paragraph does not end at a page break: the page may end on a full stop in mid-paragraph.
      const ended = !doubleSpaced && !blankSeparated && p && TERMINAL.test(p.text) && view.short(p) && !NUMBER_ALONE.test(p.text) && !RESPONSE_LABEL.test(p.text) && !(view.afterPageBreak(i) && !view.paged);
      const listy = /^(?:-|–|•|\uF02D|\uF0A7|\uF0B7|\([a-z]{1,4}\)|\d+\))\s*/.test(l.text);
      if (c.kind === 'table' || c.kind === 'recref' || !ended || listy || (c.pkind === 'quotation' && !NUMBERED_PARAGRAPH.test(l.text))) {
        if (c.kind !== 'recref') {
          c.lines.push(l);
          continue;
        }
      }
    }
    flush();
    const prevItem = items.at(-1);
    if (opts.tables && !view.paged && prevItem?.kind === 'heading' && isTableRegion(i)) {
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
      if (view.short(lines[k])) s++;
    }
    return n >= 3 && s / n >= 0.5;
  }

  // Paragraph numbers must strictly ascend within a section.
  const lastBySection = new Map<string, { n: number; end: number; line: number }>();
  for (const it of items) {
    if (it.kind !== 'paragraph' || it.number === null) continue;
    const key = it.section ?? '';
    const last = lastBySection.get(key);
    const numbers = it.number.split(', ').map(Number);
    // A shared label continues the sequence from the end of its first run ("77, 78, 79, 82" → 79).
    const n = numbers[0];
    let end = n;
    while (numbers.includes(end + 1)) end++;
    if (last && n <= last.end) {
      throw new IngestError(opts.file, it.lines[0].n, `paragraph ${n} follows paragraph ${last.n} (line ${last.line}) in the same section; printed paragraph numbers must ascend — fix the source or add an erratum`);
    }
    if (last && n > last.end + 1) anomalies.push({ line: it.lines[0].n, kind: 'paragraph-gap', message: `paragraph ${n} follows ${last.end}: printed gap kept — check whether the official document prints ${n - 1 === last.end + 1 ? `paragraph ${last.end + 1}` : `paragraphs ${last.end + 1}–${n - 1}`} (text missing from the extraction?)` });
    lastBySection.set(key, { n, end, line: it.lines[0].n });
  }
  return { items, anomalies };
}
