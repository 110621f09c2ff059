/**
 * The State's positions, read from its views on the recommendations (the Working Group report's addendum).
 * Three shapes, as general rules:
 *   list statements   "accepts the recommendations 1–5, 14–16 …", "takes note of recommendations 140.1, …"
 *                     (the statement's paragraph or its section heading may add "considers already implemented");
 *   labelled answers  paragraphs opening with the numbers they answer ("Rec. 18 …", "Recs. 6–13 …",
 *                     "140.11-14 …", "140.120, 209 …"), up to the next labelled or numbered paragraph;
 *   numbered answers  where the views make no list statement and label no answer, paragraphs numbered like the recommendations
 *                     ("5., 6., 7., 8., 9.   The Government accepts these recommendations …"), read for their
 *                     position ("accepts", "cannot accept", "cannot … make a definitive statement").
 * Guarantees afterwards: a recommendation's position comes from one place (the first statement naming it;
 * later conflicting ones are reported); every number that names no recommendation of the review, every
 * recommendation without a position, every count the views print that differs from what was read, and every
 * labelled answer standing under a statement that does not list it is reported. Pure.
 */
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { Position } from '../../src/schemas/recommendation.ts';
import { readNumberList } from './recommendations.ts';
import { ALREADY_IMPLEMENTED, LIST_STATEMENT, STATED_COUNTS, responsePosition, verbPosition } from './position-phrases.ts';

/** A position assigned to one recommendation by the views. */
export interface Assignment {
  position: Position;
  wording: string | null;
  alreadyImplemented: boolean;
  /** The paragraph that states it. */
  paragraph: Paragraph;
}

/** What the views say, per recommendation key. */
export interface Positions {
  assigned: Map<string, Assignment>;
  /** Paragraphs answering a recommendation individually, in document order. */
  responses: Map<string, Paragraph[]>;
  /** Counts the views print, by position ("accepted", "noted", "total"). */
  statedCounts: Record<string, number>;
  anomalies: { paragraph: Paragraph; kind: string; message: string }[];
}

/** Resolves a printed number of the views to a recommendation key, or null when none matches. */
export type KeyOf = (printed: string) => string | null;

/** A labelled answer's opening: "Rec. 18", "Recs. 6–13", "Recommendation 5" or a printed id "140.11-14". */
const LABEL = /^(?:Recs?\.\s*|Recommendations?\s+)(?=\d)|^(?=\d{1,3}\.\d{1,3}\b)/;

/** Numbers a paragraph's printed number names ("5, 6, 7, 8, 9" → five). */
function numbersOfParagraph(p: Paragraph): string[] {
  return p.number ? readNumberList(p.number, 0).numbers : [];
}

/** Reads the positions stated by one document of views. `keyOf` maps its numbers to recommendation keys. */
export function readPositions(paragraphs: Paragraph[], keyOf: KeyOf, allKeys: string[]): Positions {
  const assigned = new Map<string, Assignment>();
  const responses = new Map<string, Paragraph[]>();
  const statedCounts: Record<string, number> = {};
  const anomalies: Positions['anomalies'] = [];
  const unknown = new Map<Paragraph, string[]>();
  const keysOf = (p: Paragraph, numbers: string[]): string[] =>
    numbers.flatMap((n) => {
      const k = keyOf(n);
      if (k === null) unknown.set(p, [...(unknown.get(p) ?? []), n]);
      return k === null ? [] : [k];
    });
  const assign = (key: string, a: Assignment) => {
    const had = assigned.get(key);
    if (!had) assigned.set(key, a);
    else if (had.position !== a.position || had.alreadyImplemented !== a.alreadyImplemented)
      anomalies.push({ paragraph: a.paragraph, kind: 'position-conflict', message: `recommendation ${key} is given "${a.wording}" here but "${had.wording}" in the paragraph on line ${had.paragraph.lines[0]}; the first is kept — check both` });
  };

  // 1. Counts as printed, and list statements.
  const statementOf = new Map<string, Paragraph>();
  let countsAt: Paragraph | null = null;
  for (const p of paragraphs) {
    for (const c of STATED_COUNTS)
      for (const m of p.text.matchAll(c.pattern)) {
        statedCounts[c.position] ??= Number(m[1]);
        countsAt ??= p;
      }
    for (const m of p.text.matchAll(LIST_STATEMENT)) {
      const list = readNumberList(p.text, m.index + m[0].length);
      if (list.numbers.length === 0) continue;
      for (const e of list.errors) anomalies.push({ paragraph: p, kind: 'position-range', message: `cannot read the range "${e}" in a list of recommendations; check the printed numbers` });
      const position = verbPosition(m[1]);
      const implemented = position === 'accepted' && (ALREADY_IMPLEMENTED.test(p.text) || p.headings.some((h) => ALREADY_IMPLEMENTED.test(h)));
      for (const key of keysOf(p, list.numbers)) {
        assign(key, { position, wording: m[1].toLowerCase(), alreadyImplemented: implemented, paragraph: p });
        if (!statementOf.has(key)) statementOf.set(key, p);
      }
    }
  }
  const hasStatements = statementOf.size > 0;

  // 2. Labelled answers, with the unlabelled, unnumbered paragraphs that continue them.
  let current: { keys: string[]; paragraphs: Paragraph[] } | null = null;
  let lastStatement: Paragraph | null = null;
  // `under`: the statement a labelled answer stands under (null before any); undefined for numbered answers.
  const answers: { keys: string[]; paragraphs: Paragraph[]; under?: Paragraph | null }[] = [];
  for (const p of paragraphs) {
    if ([...statementOf.values()].includes(p)) lastStatement = p;
    const label = LABEL.exec(p.text);
    const list = label ? readNumberList(p.text, label[0].length) : null;
    if (list && list.numbers.length > 0) {
      current = { keys: keysOf(p, list.numbers), paragraphs: [p] };
      answers.push({ ...current, under: lastStatement });
    } else if (current && p.number === null) {
      current.paragraphs.push(p);
    } else current = null;
  }

  // 3. Numbered answers, where the views make no list statement and label no answer.
  if (!hasStatements && answers.length === 0) {
    let group: { keys: string[]; paragraphs: Paragraph[] } | null = null;
    const groups: { keys: string[]; paragraphs: Paragraph[] }[] = [];
    for (const p of paragraphs) {
      if (p.number !== null) {
        group = { keys: keysOf(p, numbersOfParagraph(p)), paragraphs: [p] };
        groups.push(group);
      } else if (group && !LABEL.test(p.text)) group.paragraphs.push(p);
    }
    for (const g of groups) {
      const { position, wording } = responsePosition(g.paragraphs.map((p) => p.text).join(' '));
      const implemented = position !== 'noted' && ALREADY_IMPLEMENTED.test(g.paragraphs.map((p) => p.text).join(' '));
      if (wording === null) anomalies.push({ paragraph: g.paragraphs[0], kind: 'position-unclear', message: `the answer to recommendation ${g.keys.join(', ')} states no position in words this step knows ("accepts", "cannot accept", "notes the recommendation" …); recorded as no position — read it` });
      for (const key of g.keys) assign(key, { position, wording, alreadyImplemented: implemented, paragraph: g.paragraphs[0] });
      answers.push(g);
    }
  }

  for (const a of answers) {
    for (const key of a.keys) responses.set(key, [...(responses.get(key) ?? []), ...a.paragraphs.filter((p) => !(responses.get(key) ?? []).includes(p))]);
    // An answer placed under one statement while another statement lists the recommendation.
    if (a.under) {
      const elsewhere = a.keys.filter((k) => statementOf.has(k) && statementOf.get(k) !== a.under);
      if (elsewhere.length > 0)
        anomalies.push({ paragraph: a.paragraphs[0], kind: 'position-placement', message: `the answer "${a.paragraphs[0].text.slice(0, 24).trim()}…" stands under the statement on line ${a.under.lines[0]}, but ${elsewhere.join(', ')} ${elsewhere.length > 1 ? 'are' : 'is'} listed in the statement on line ${statementOf.get(elsewhere[0])!.lines[0]}; the listed position is kept — check the source` });
    }
    // Labelled answers give a position only where no statement does.
    if (a.under !== undefined)
      for (const key of a.keys.filter((k) => !assigned.has(k))) {
        const { position, wording } = responsePosition(a.paragraphs.map((p) => p.text).join(' '));
        assign(key, { position, wording, alreadyImplemented: false, paragraph: a.paragraphs[0] });
      }
  }

  for (const [p, numbers] of unknown)
    anomalies.push({ paragraph: p, kind: 'position-unknown-number', message: `${numbers.join(', ')} ${numbers.length > 1 ? 'name' : 'names'} no recommendation of the review; check the numbers (and the registry's answers.numbering)` });
  const missing = allKeys.filter((k) => !assigned.has(k));
  if (missing.length > 0 && paragraphs.length > 0)
    anomalies.push({ paragraph: paragraphs[0], kind: 'position-missing', message: `no position found for ${missing.length} of ${allKeys.length} recommendations (${missing.slice(0, 12).join(', ')}${missing.length > 12 ? ' …' : ''}); read the views for them` });
  const found: Record<string, number> = { total: allKeys.length };
  for (const a of assigned.values()) {
    const k = a.position === 'partially-accepted' ? 'accepted' : a.position;
    found[k] = (found[k] ?? 0) + 1;
  }
  for (const [k, n] of Object.entries(statedCounts))
    if ((found[k] ?? 0) !== n && countsAt)
      anomalies.push({ paragraph: countsAt, kind: 'position-count', message: k === 'total' ? `the views say the review made ${n} recommendations; the outcome report lists ${allKeys.length} — check both` : `the views say ${n} ${k}, ${found[k] ?? 0} were read — check the lists` });
  return { assigned, responses, statedCounts, anomalies };
}
