import type { Run } from '../../src/schemas/paragraph.ts';
import type { Anomaly } from './errors.ts';
import { OWN_LINE_CLOSE, OWN_LINE_OPEN } from './repair.ts';

/** Shared state of the marker sequence across a whole document. */
export interface MarkerState {
  /** Next expected marker number. */
  next: number;
  /** Every accepted marker, in order. */
  seen: number[];
}

// Words after which a glued number is part of a reference, not a marker ("Article10", "No.18").
const REFERENCE_WORD = /(?:\b|^)(?:article|articles|art|arts|no|nos|para|paras|paragraph|chapter|p|pp|annex)\.?$/i;

type Cand = { start: number; end: number; n: number; kind: 'own' | 'glued' | 'split' | 'loose' };

/**
 * Stage 6: splits footnote markers from the words and numbers they are glued to, using the rule that
 * markers ascend through a document without repeats: "programmes.60" -> marker 60, "20093" -> 2009 + 3
 * when 3 is due, "No.8759" -> No. 87 + 59 when 59 is due; "2019 (No. 190).6" holds only marker 6.
 * Guarantees afterwards: returned runs hold no candidate tokens; markers ascend; every accepted gap is
 * reported as an anomaly; rejected candidates stay in the text unchanged.
 */
export function splitMarkers(text: string, state: MarkerState, line: number, anomalies: Anomaly[]): Run[] {
  const cands: Cand[] = [];
  const re = new RegExp(
    `${OWN_LINE_OPEN}(\\d+)${OWN_LINE_CLOSE}` + // own-line
      `|(?<=[A-Za-z\\u00C0-\\u024F)\\].,;:”"’'»%])(\\d{1,3})(?=[\\s,.;:)”"’\\]]|$|[A-Za-z](?<=[a-z.,;:%]\\d{1,3}[A-Za-z]))` + // glued to a word or punctuation (also "Code106does")
      `|(?<=(?:^|[\\s(\\-–])(?:No\\.\\s?)?)(\\d{4,7})(?=[\\s,.;:)”"’]|$)` + // long number that may end with a marker ("20093", "2009-201246", "No.8759")
      `|(?<=[,.;:”]\\s)(\\d{1,3})(?=\\s+[A-Za-z“"]|\\s*$)` + // loose number after punctuation (also ending the text: "parents. 19")
      `|(?<=[A-Za-z0-9)]\\s)(\\d{1,3})(?=[,.;:]?\\s+(?!(?:thousand|million|billion|per|people|persons|years?|days?|months?|hours?|US|tenge|to|or|of|percent|cases|times|members|deputies|st|nd|rd|th)\\b)[A-Za-z“"(]|\\s+[,.;:](?:\\s|$))`, // loose number after a word ("Code 142 and", "rights 159 .")
    'g',
  );
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    if (m[1]) cands.push({ start, end: start + m[0].length, n: Number(m[1]), kind: 'own' });
    else if (m[2]) {
      const before = text.slice(Math.max(0, start - 12), start);
      // "No.872": a convention number with a marker glued on; offer the split too.
      if (/No\.\s?$/.test(before) && m[2].length >= 2)
        for (let k = 1; k < m[2].length; k++) cands.push({ start: start + m[2].length - k, end: start + m[2].length, n: Number(m[2].slice(-k)), kind: 'split' });
      if (REFERENCE_WORD.test(before.replace(/\s+$/, '')) && !/[.,;:”"’)]$/.test(before.replace(/(?:No|Nos|art|para|p)\.$/i, ''))) continue;
      // "53.4", "97.12", "2,5": a decimal or a list of numbers, not a marker ("No.16.91" still is).
      if (/\d[.,]$/.test(before) && !/No\.\s?\d+\.$/.test(before) && !/(?:^|\D)(?:19|20)\d\d[.,]$/.test(before)) continue;
      cands.push({ start, end: start + m[2].length, n: Number(m[2]), kind: 'glued' });
    } else if (m[3]) {
      const digits = m[3];
      for (let k = 1; k <= 3 && k < digits.length; k++) {
        const suffix = Number(digits.slice(-k));
        const prefix = digits.slice(0, -k);
        const before = text.slice(Math.max(0, start - 4), start);
        const plausible = (/^(19|20)\d\d$/.test(prefix) && digits.length === 4 + k) || /No\.\s?$/.test(before);
        if (plausible && digits.slice(-k)[0] !== '0') cands.push({ start: start + prefix.length, end: start + digits.length, n: suffix, kind: 'split' });
      }
    } else if (m[4]) {
      // "Act No. 10 of 2024", "para. 4", "pp. 12": an abbreviation's full stop is not the end of a sentence.
      if (/(?:^|[\s(])(?:No|Nos|para|paras|p|pp|art|arts|vol|Vol|ch|sect|s)\.\s$/.test(text.slice(Math.max(0, start - 8), start))) continue;
      cands.push({ start, end: start + m[4].length, n: Number(m[4]), kind: 'loose' });
    }
    else if (m[5]) {
      const before = text.slice(Math.max(0, start - 14), start).trimEnd();
      if (/(?:\b(?:article|articles|art|no|nos|para|paragraph|paragraphs|part|chapter|section|page|annex|resolution|decision|session|protocol|convention|code|law|from|to|and|of|in|than|about|over|under|by|some|all|the|with|for)\.?)$/i.test(before) || /\d$/.test(before) && !/No\.\d+$/.test(before)) continue;
      cands.push({ start, end: start + m[5].length, n: Number(m[5]), kind: 'loose' });
    }
  }
  const runs: Run[] = [];
  let pos = 0;
  const pushText = (s: string) => {
    if (!s) return;
    const last = runs.at(-1);
    if (last && 'text' in last) last.text += s;
    else runs.push({ text: s });
  };
  for (const c of cands) {
    if (c.start < pos) continue;
    const window = c.kind === 'own' ? 6 : c.kind === 'glued' ? 3 : c.kind === 'loose' ? 1 : 0;
    // Loose numbers count only once the document has shown printed markers, and never before a month.
    if (c.kind === 'loose' && (state.seen.length === 0 || /^[,.;:]?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(text.slice(c.end)))) continue;
    const ok = c.n >= state.next && c.n <= state.next + window;
    if (!ok) continue;
    if (c.n > state.next) {
      anomalies.push({ line, kind: 'marker-gap', message: `footnote marker ${c.n} found where ${state.next} was due; ${c.n - 1 === state.next ? `marker ${state.next} is` : `markers ${state.next}–${c.n - 1} are`} not found in the text — check the official document (a marker glued into a number or printed in a table is easy to miss)` });
    }
    pushText(text.slice(pos, c.start));
    runs.push({ fn: c.n });
    state.seen.push(c.n);
    state.next = c.n + 1;
    pos = c.end;
  }
  pushText(text.slice(pos));
  // Own-line numbers that are not markers stay as text.
  for (const r of runs) if ('text' in r) r.text = r.text.replace(new RegExp(`${OWN_LINE_OPEN}(\\d+)${OWN_LINE_CLOSE}`, 'g'), ' $1 ');
  return tidy(runs);
}

/** Normalises spaces around removed markers so the text reads continuously. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if ('text' in r) {
      const t = r.text.replace(/\s{2,}/g, ' ');
      if (t) out.push({ text: t });
    } else out.push(r);
  }
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (!('text' in r)) continue;
    if (i === 0) r.text = r.text.replace(/^\s+/, '');
    if (i === out.length - 1) r.text = r.text.replace(/\s+$/, '');
    // "fact 13 that" -> space before a marker is dropped, space after kept.
    if (i + 1 < out.length && !('text' in out[i + 1])) r.text = r.text.replace(/\s+$/, '');
    if (i > 0 && !('text' in out[i - 1]) && /^\s+[,.;:)]/.test(r.text)) r.text = r.text.replace(/^\s+/, '');
    // "Code106does": the extraction lost the space after the marker; restore it.
    if (i > 0 && !('text' in out[i - 1]) && /^[A-Za-z“"(]/.test(r.text)) r.text = ' ' + r.text;
  }
  return out.filter((r) => !('text' in r) || r.text.length > 0);
}

/** Plain text of runs: markers removed, spacing normalised. */
export function plainText(runs: Run[]): string {
  return runs
    .map((r) => ('text' in r ? r.text : ' '))
    .join('')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
