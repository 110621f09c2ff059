import type { Line } from './lines.ts';
import type { Anomaly } from './errors.ts';
import type { LiftedNote } from './spliced-notes.ts';
import { NOTE_START } from './shapes.ts';

/** The heading of an end-note block. */
const NOTES_HEADING = /^(?:Notes|NOTES|Endnotes|ENDNOTES)$/;
/** A line that can never be note text: a numbered paragraph or a chapter heading. */
const BODY = /^(?:\d{1,3}\.\s+\S|[IVX]{1,5}\.\s+[A-Z])/;

/**
 * Notes pass (plain extractions without page-bottom notes): the end-note block that closes OHCHR compilations
 * and many reports — a "Notes" heading, then the notes numbered from 1 ("1 CRC/C/NOR/CO/7, para. 4." or "1" alone
 * with its text on the next lines), each possibly running on over several lines, to the end of the text.
 * Guarantees afterwards: either no block (nothing claimed), or every unclaimed line from the heading to the end
 * is claimed, the notes' numbers ascend from 1 (gaps reported), and every line after a note number that is
 * not the next number is that note's text.
 */
export function readEndnotes(lines: Line[], claimed: Set<number>): { notes: LiftedNote[]; noteLines: Set<number>; anomalies: Anomaly[] } {
  const open = lines.filter((l) => !claimed.has(l.n));
  const none = { notes: [], noteLines: new Set<number>(), anomalies: [] };
  // The last "Notes" heading followed (after blank lines) by note 1.
  let start = -1;
  for (let i = open.length - 1; i >= 0; i--) {
    if (!NOTES_HEADING.test(open[i].text)) continue;
    const first = open.slice(i + 1).find((l) => l.text !== '');
    if (first && NOTE_START.exec(first.text)?.[1] === '1') start = i;
    break;
  }
  if (start < 0) return none;
  const block = open.slice(start + 1);
  if (block.some((l) => BODY.test(l.text))) return none;
  const notes: LiftedNote[] = [];
  const anomalies: Anomaly[] = [];
  const noteLines = new Set<number>([open[start].n]);
  let next = 1;
  for (const l of block) {
    noteLines.add(l.n);
    if (l.text === '') continue;
    const m = NOTE_START.exec(l.text);
    const n = m ? Number(m[1]) : NaN;
    if (m && n >= next && n <= next + 3) {
      if (n > next) anomalies.push({ line: l.n, kind: 'note-gap', message: `note ${n} follows note ${next - 1}: notes ${next}–${n - 1} are not printed; check the official document` });
      notes.push({ n, lines: m[2] ? [{ ...l, text: m[2] }] : [], numberLine: l.n });
      next = n + 1;
    } else if (notes.length) notes.at(-1)!.lines.push(l);
  }
  return { notes, noteLines, anomalies };
}
