import type { Anomaly } from './errors.ts';
import type { BodyView } from './view.ts';
import type { Item } from './structure.ts';
import { ARTICLE_HEADING, LETTER_HEADING, ROMAN_HEADING, TERMINAL, romanValue } from './shapes.ts';

/** A heading recognised by its label (roman chapter, lettered section, article section, all-caps title). */
export interface Labelled {
  level: 1 | 2 | 3;
  label: string | null;
  title: string;
}

const CAPS_HEADING = /^[A-Z][A-Z ,.'’-]{5,80}$/;

/**
 * Headings pass, first half: finds the labelled headings of the body — roman chapters ("II. Scope …"),
 * lettered sections ("B. …" or "B." alone), treaty article sections ("Article 7"), all-caps titles —
 * where they start a block (after a closed sentence, a colon, another heading or a blank line).
 * Guarantees afterwards: every returned index is a line whose text has one of those shapes and no
 * closing full stop or semicolon.
 */
export function findHeadings(view: BodyView): Map<number, Labelled> {
  const { lines } = view;
  const labelled = new Map<number, Labelled>();
  lines.forEach((l, i) => {
    let m: RegExpExecArray | null;
    const p = view.prevText(i);
    const afterBreak = !p || TERMINAL.test(p.text) || /[:;]$/.test(p.text) || labelled.has(view.prevIdx(i)) || view.blankBefore(i);
    if ((m = ROMAN_HEADING.exec(l.text)) && m[2].length < 160 && !/[.;]$/.test(m[2]) && afterBreak) labelled.set(i, { level: 1, label: m[1], title: m[2] });
    else if ((m = LETTER_HEADING.exec(l.text)) && m[2].length < 160 && !/[.;]$/.test(m[2]) && afterBreak) labelled.set(i, { level: 2, label: m[1], title: m[2] });
    else if (ARTICLE_HEADING.test(l.text) && afterBreak) labelled.set(i, { level: 2, label: null, title: l.text });
    else if (CAPS_HEADING.test(l.text) && /[A-Z]{4}/.test(l.text) && afterBreak && !/\d/.test(l.text) && !labelled.has(view.prevIdx(i))) labelled.set(i, { level: 1, label: null, title: l.text });
  });
  return labelled;
}

/** Section key of a heading in per-section documents ("Articles 2, 3 and 26" -> "art2-3-26"). */
export function sectionKey(title: string, ordinal: number): string {
  const m = ARTICLE_HEADING.exec(title);
  if (m) {
    const rest = [...(m[2] ?? '').matchAll(/(paragraph\s+)?(\d+)/g)].map((x) => (x[1] ? `para${x[2]}` : x[2]));
    return ['art' + m[1], ...rest].join('-');
  }
  return `s${ordinal}`;
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

/**
 * Headings pass, second half: repairs heading labels by their sequence (OCR loses and misreads labels):
 * - a one-letter label that is also a roman numeral ("V.") is a lettered section when it continues the
 *   letters (… T, U → V) and not the chapters;
 * - unlabelled headings between two lettered sections of one chapter are sections too; their labels
 *   are inferred when the gap in the letters has exactly as many places ("B." … [?] … "D." → C).
 * Returns the items with repaired headings and one anomaly per repair.
 */
export function relabelHeadings(items: Item[]): { items: Item[]; anomalies: Anomaly[] } {
  const anomalies: Anomaly[] = [];
  const out = items.map((it) => (it.kind === 'heading' ? { ...it } : it));
  type H = Item & { kind: 'heading' };
  const heads = out.filter((x): x is H => x.kind === 'heading');
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
  return { items: out, anomalies };
}
