/**
 * What a UN document's title block (and first page) says about it: symbol, date of issue, session, the dates
 * of the review, the State and the title. Pure: reads lines, never guesses — a field it cannot read is null.
 * Used by `npm run add` to draft a registry entry the user then checks.
 */
import type { Line } from './lines.ts';
import { ordinalValue, SYMBOL } from './shapes.ts';

/** A State of the registry (content/registry/states.json). */
export interface KnownState {
  code: string;
  name: string;
  aliases?: string[];
}

/** What the title block says. */
export interface TitleBlock {
  /** UN symbols printed in the block (the document's own first). */
  symbols: string[];
  /** Date of issue ("Distr.: General" + date), ISO YYYY-MM-DD. */
  issued: string | null;
  /** Session number and whose session it is. */
  session: { n: number; of: 'upr-wg' | 'hrc' | 'other' } | null;
  /** Dates of the review session printed in the block ("Geneva, 20–31 January 2025"): start month and the printed period. */
  reviewDates: { date: string; period: string } | null;
  /** The State named in the block. */
  state: KnownState | null;
  /** Title lines in printed order (without the State's name alone on a line). */
  title: string[];
  /** "Addendum" or "Corrigendum" when the block prints it, with the lines after it (the addendum's own title). */
  part: { kind: 'Addendum' | 'Corrigendum'; title: string[] } | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const DATE = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'i');
/** "20–31 January 2025", "8-19 February 2010", "27 October–7 November 2014". */
const PERIOD = new RegExp(`\\b(\\d{1,2})(?:\\s+${MONTH})?\\s*[–-]\\s*(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'i');
const HEADER_WORDS = /^(?:United Nations|UNITED|NATIONS|A|General Assembly|Distr\.?.*|GENERAL|General|Original:.*|Human Rights Council|HUMAN RIGHTS COUNCIL|Working Group on the Universal Periodic Review|Agenda item \d+|Universal [Pp]eriodic [Rr]eview|[A-Za-z-]+ session|Geneva,.*|Addendum|Corrigendum|\[English only\])$/;

/** ISO date of "7 November 2024". */
export function isoDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  return `${m[3]}-${String(MONTHS.indexOf(m[2].toLowerCase()) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** The State a text names: exact name or alias, with or without a trailing "*" (longest name first). */
export function findState(text: string, states: KnownState[]): KnownState | null {
  const t = text.replace(/\*+$/, '').trim();
  const names = states.flatMap((s) => [s.name, ...(s.aliases ?? [])].map((n) => ({ s, n }))).sort((a, b) => b.n.length - a.n.length);
  return names.find(({ n }) => t === n || t.endsWith(` on ${n}`) || t.endsWith(`: ${n}`))?.s ?? null;
}

/** Reads the title block from the front-matter lines of a document (or its first lines). */
export function readTitleBlock(lines: Line[], states: KnownState[]): TitleBlock {
  const text = lines.map((l) => l.text).filter((t) => t !== '');
  // Lines laid out in columns ("United Nations      A/HRC/…") hold several fields.
  const cells = text.flatMap((t) => t.split(/\s{3,}/));
  const symbols = [...new Set(cells.filter((c) => SYMBOL.test(c)))];
  let issued: string | null = null;
  const distr = cells.findIndex((c) => /^Distr\./.test(c));
  for (const c of distr >= 0 ? cells.slice(distr, distr + 6) : []) if ((issued = isoDate(c))) break;
  let session: TitleBlock['session'] = null;
  const sess = cells.findIndex((c) => /^\S+(?:-\S+)?\s+session$/i.test(c));
  if (sess >= 0) {
    const n = ordinalValue(cells[sess].replace(/\s+session$/i, ''));
    const before = cells.slice(Math.max(0, sess - 3), sess).join(' ');
    if (n) session = { n, of: /Working Group on the Universal Periodic Review/.test(before) ? 'upr-wg' : /Human Rights Council/i.test(before) ? 'hrc' : 'other' };
  }
  let reviewDates: TitleBlock['reviewDates'] = null;
  // Dates printed under a Working Group session are the review's; under a Council session, the Council's.
  for (const c of session?.of === 'upr-wg' ? cells : []) {
    const m = PERIOD.exec(c);
    if (!m) continue;
    const startMonth = m[2] ?? m[4];
    const period = m[2] ? `${m[2]}–${m[4]} ${m[5]}` : `${m[4]} ${m[5]}`;
    reviewDates = { date: `${m[5]}-${String(MONTHS.indexOf(startMonth.toLowerCase()) + 1).padStart(2, '0')}`, period };
    break;
  }
  let state: KnownState | null = null;
  let title: string[] = [];
  let part: TitleBlock['part'] = null;
  for (const c of cells) {
    if (/^(?:Addendum|Corrigendum)$/.test(c) && !part) {
      part = { kind: c as 'Addendum' | 'Corrigendum', title: [] };
      continue;
    }
    const found = findState(c, states);
    if (found && !state) state = found;
    if (found && c.replace(/\*+$/, '').trim().length <= found.name.length + 2) continue;
    if (SYMBOL.test(c) || HEADER_WORDS.test(c) || isoDate(c) || PERIOD.test(c) || /^[A-Z]$/.test(c)) continue;
    // The title's "*" note and everything after it (contents, abbreviations) are not the title.
    if (/^\*/.test(c) || /^(?:Contents|CONTENTS|LIST OF ABBREVIATIONS|List of abbreviations|Abbreviations)$/.test(c)) break;
    (part ? part.title : title).push(c.replace(/\*+$/, ''));
  }
  title = title.map((t) => t.trim());
  return { symbols, issued, session, reviewDates, state, title, part };
}

/** The UPR Working Group session an outcome report says it held ("held its seventh session from 8 to 19 February 2010"). */
export function heldSession(text: string): { n: number; date: string | null } | null {
  const m = /held its\s+([A-Za-z-]+|\d{1,2}(?:st|nd|rd|th))\s+session(?:,?\s+from\s+([^.;]*?\d{4}))?/i.exec(text.replace(/\s+/g, ' '));
  if (!m) return null;
  const n = ordinalValue(m[1]);
  if (!n) return null;
  const when = m[2] ? new RegExp(`${MONTH}\\s+(\\d{4})`, 'i').exec(m[2]) : null;
  return { n, date: when ? `${when[2]}-${String(MONTHS.indexOf(when[1].toLowerCase()) + 1).padStart(2, '0')}` : null };
}
