import type { Line } from './lines.ts';
import { ARTICLE_HEADING } from './shapes.ts';

/** A footnote text lifted out of the body, with its printed number when the source shows one. */
export interface LiftedNote {
  /** Printed number, or null when the source printed the text without it. */
  n: number | null;
  /** Source lines of the text (not including the number line). */
  lines: Line[];
  /** Line of the printed number, if any. */
  numberLine: number | null;
  /** True for text that continues the previous note from the page before. */
  continues?: boolean;
}

/** Result of lifting page-bottom footnotes out of the body. */
export interface SplicedNotes {
  /** Footnote texts in source order. */
  notes: LiftedNote[];
  /** Lines that belong to footnotes (numbers and texts). */
  noteLines: Set<number>;
  /** Bare page numbers found at page bottoms. */
  pageNumbers: Line[];
}

const BARE_NUMBER = /^\d{1,3}$/;
const NOTE_START = /^(?:See\b|See:|Ibid\b|Source:|Idem\b|Op\. cit|Same document\b)/;
/** Signals of citation text: a URL, "URL:", a "//" source separator, a gazette reference. */
const NOTE_SIGNAL = /(?:\bURL:|^https?:\/\/|^www\.|\s\/\/\s|\/\/ Website|\/\/ website)/;
/** The same without a line that merely starts with a URL (body text wraps before URLs too). */
const CITATION_SIGNAL = /(?:\bURL:|\s\/\/\s|\/\/ Website|\/\/ website)/;
/** Lines that can never be footnote text: they open body paragraphs, quotations or sections. */
const BODY_START = /^(?:\d{1,3}\.\s+[A-Z“"]|Recommendations?\s*:|Articles?\s*\d+(?:[, ]|$)|[IVX]+\.\s+[A-Z]{3})/;

/** A line that begins a printed page: PDF extraction put a single leading space before it. */
export function isPageStart(l: Line): boolean {
  return l.indent === 1 && l.text.length > 0;
}

/**
 * Stage 3 (documents with page-bottom footnotes spliced into the body, layout.splicedFootnotes):
 * finds footnote zones and lifts them out.
 * A zone opens at a bare number line followed by a blank line or note text ("10" / "" / "See: …"),
 * or at a line that opens a citation ("See: …", "Ibid.") right after body text, and closes before the
 * first line of the next printed page (a line with one leading space) or after a bare page number
 * followed by a blank line.
 * Guarantees afterwards: every line in `noteLines` is footnote number or text and is not body text;
 * the body lines left read continuously across the lifted zone; numbers inside zones ascend.
 */
export function liftSplicedNotes(lines: Line[], skip: Set<number>): SplicedNotes {
  const notes: LiftedNote[] = [];
  const noteLines = new Set<number>();
  const pageNumbers: Line[] = [];
  let lastNote = 0;
  const body = lines.filter((l) => !skip.has(l.n));
  const next = (i: number) => body[i + 1];
  let i = 0;
  // Last printed paragraph number seen in the body (reset by section openers): a numbered line inside
  // a note zone ends the zone only if it continues this sequence; otherwise it is quoted text of the note.
  let lastBody = 0;
  const SECTION_OPENER = /^(?:Recommendations?\s*:|Articles?\s*\d+(?:[, ]|$)|[IVX]+\.\s+[A-Z]{3})/;
  const continuesBody = (t: string) => {
    const m = /^(\d{1,3})\.\s+[A-Z“"]/.exec(t);
    return m !== null && Number(m[1]) > lastBody;
  };
  while (i < body.length) {
    const l = body[i];
    const nxt = next(i);
    if (SECTION_OPENER.test(l.text)) lastBody = 0;
    const bodyNum = /^(\d{1,3})\.\s+[A-Z“"]/.exec(l.text);
    if (bodyNum) lastBody = Number(bodyNum[1]);
    // A lowercase page start after a closed line: either the note continues from the page before, or a
    // block of note text (no number, no "See") interrupted a paragraph that was left open. Look back a few
    // lines for that break (an open line followed by a capitalised one); lift the block if found.
    if (isPageStart(l) && /^[a-z]/.test(l.text) && i > 1 && /[.!?”"]$/.test(body[i - 1].text) && !noteLines.has(body[i - 1].n)) {
      for (let k = i - 2; k > 0 && k >= i - 7; k--) {
        const b = body[k];
        if (b.text === '' || noteLines.has(b.n) || BODY_START.test(body[k + 1].text)) break;
        if (!/[.!?:;”"]$/.test(b.text) && /^[A-Z“"]/.test(body[k + 1].text)) {
          const block = body.slice(k + 1, i);
          notes.push({ n: null, lines: block, numberLine: null });
          for (const x of block) noteLines.add(x.n);
          break;
        }
      }
    }
    // A new page that starts mid-sentence right after a closed paragraph continues a note from the page before.
    const continuedNote = isPageStart(l) && /^[a-z]/.test(l.text) && i > 0 && !noteLines.has(body[i - 1].n) && body[i - 1].text !== "" && /[.!?”"]$/.test(body[i - 1].text) && notes.length > 0;
    const opensWithNumber =
      BARE_NUMBER.test(l.text) &&
      Number(l.text) > lastNote &&
      Number(l.text) <= lastNote + 20 &&
      nxt !== undefined &&
      (nxt.text === '' ? body[i + 2] !== undefined && !isPageStart(body[i + 2]) && !BARE_NUMBER.test(body[i + 2].text) && !/^[a-z]/.test(body[i + 2].text) && !BODY_START.test(body[i + 2].text) : !isPageStart(nxt) && !/^\d+\.\s/.test(nxt.text));
    const opensWithCitation = NOTE_START.test(l.text) && i > 0;
    // A run of citation lines ("… URL: …", "… // Website …") in the body is the tail of a note that
    // began on the page before: lift it as that note's continuation.
    const urlOnly = /^(?:https?:\/\/|www\.)\S+(?:\s\S+)?$/.test(l.text) && (i === 0 || body[i - 1].text === '' || /[.!?”"]$/.test(body[i - 1].text));
    if (!opensWithNumber && !opensWithCitation && !continuedNote && !NOTE_START.test(l.text) && (CITATION_SIGNAL.test(l.text) || urlOnly) && !BODY_START.test(l.text) && !noteLines.has(l.n)) {
      let j = i;
      while (j < body.length && body[j].text !== '' && (CITATION_SIGNAL.test(body[j].text) || (j === i && urlOnly)) && !BODY_START.test(body[j].text) && (j === i || !NOTE_START.test(body[j].text))) j++;
      // The note may have begun just above, in a line that opens a block after a closed sentence and
      // runs on into the citation ("For instance, … See Dimash S" / "Positive Trend … // website").
      let start = i;
      for (let k = i - 1; k > 0 && k >= i - 3; k--) {
        const b = body[k];
        if (b.text === '' || noteLines.has(b.n) || BODY_START.test(b.text) || /[.!?:;”"]$/.test(b.text)) break;
        if (/[.!?”"]\d{0,3}$/.test(body[k - 1].text) && b.indent === 1 && /^[A-Z“"]/.test(b.text)) {
          start = k;
          break;
        }
      }
      const tail = body.slice(start, j);
      const opens = start < i;
      notes.push({ n: null, lines: tail, numberLine: null, continues: !opens });
      for (const x of tail) noteLines.add(x.n);
      i = j;
      continue;
    }
    if (!opensWithNumber && !opensWithCitation && !continuedNote) {
      // In these documents markers are glued to words, so a bare number line followed by a blank line
      // that opens no note is the printed page number.
      // A bare number right before the first line of a printed page is that page's number, too ("with regard to
      // the" / "31" / " exclusion of evidence": the sentence runs on across the page break).
      if (BARE_NUMBER.test(l.text) && nxt !== undefined && (nxt.text === '' || isPageStart(nxt))) {
        pageNumbers.push(l);
        noteLines.add(l.n);
      }
      i++;
      continue;
    }
    // Lines just above the zone that read as citation text ("… URL: http://…", "// Website …", a bare
    // URL) are the end of a note whose beginning is on the page before: lift them too, as its continuation.
    let k = i - 1;
    while (k > 0 && !noteLines.has(body[k].n) && body[k].text !== '' && NOTE_SIGNAL.test(body[k].text) && !BODY_START.test(body[k].text)) k--;
    // A short sentence that opens the page right above the zone, after a closed paragraph, is a note printed
    // without its number (" Article 24 of the Constitution of the RoK." / "See: …").
    const above = body[i - 1];
    if (k === i - 1 && i > 1 && opensWithCitation && above && isPageStart(above) && above.text.length < 80 && /\.$/.test(above.text) && /^[A-Z]/.test(above.text) &&
      !noteLines.has(above.n) && !/^\d{1,3}\.\s/.test(above.text) && !ARTICLE_HEADING.test(above.text) && /[.!?”"]\d{0,3}$/.test(body[i - 2].text)) {
      notes.push({ n: null, lines: [above], numberLine: null });
      noteLines.add(above.n);
    }
    if (k < i - 1) {
      const tail = body.slice(k + 1, i);
      notes.push({ n: null, lines: tail, numberLine: null, continues: true });
      for (const x of tail) noteLines.add(x.n);
    }
    // Inside a zone: collect notes until the next page starts.
    let current: LiftedNote | null = continuedNote ? { n: null, lines: [], numberLine: null, continues: true } : null;
    if (current) notes.push(current);
    // A numbered list quoted inside a note ("Article 492 … 1. Residence … 2. …") stays in the note.
    let innerList = 0;
    while (i < body.length) {
      const z = body[i];
      const item = /^(\d{1,2})\.\s/.exec(z.text);
      const prevZ = current?.lines.at(-1);
      if (item && current && ((Number(item[1]) === 1 && prevZ && !/[.!?:”"]$/.test(prevZ.text)) || (innerList > 0 && Number(item[1]) === innerList + 1))) {
        innerList = Number(item[1]);
        current.lines.push(z);
        noteLines.add(z.n);
        i++;
        continue;
      }
      if (item && current && !continuesBody(z.text) && Number(item[1]) !== 1) {
        current.lines.push(z);
        noteLines.add(z.n);
        i++;
        continue;
      }
      if (isPageStart(z) && !NOTE_START.test(z.text) && !/^[[(]/.test(z.text) && !(current?.continues && current.lines.length === 0)) break;
      if (BODY_START.test(z.text)) break;
      if (z.text === '') {
        noteLines.add(z.n);
        i++;
        continue;
      }
      if (BARE_NUMBER.test(z.text)) {
        const v = Number(z.text);
        const after = body[i + 1];
        const after2 = body[i + 2];
        const textFollows =
          after !== undefined && after.text !== '' && !isPageStart(after) ? true : after?.text === '' && after2 !== undefined && !isPageStart(after2) && after2.text !== '' && !BARE_NUMBER.test(after2.text) && !/^[a-z]/.test(after2.text) && !BODY_START.test(after2.text);
        if (v > lastNote && v <= lastNote + 20 && textFollows) {
          current = { n: v, lines: [], numberLine: z.n };
          notes.push(current);
          lastNote = v;
          noteLines.add(z.n);
          i++;
          continue;
        }
        // A bare number that opens no note is the page number: the zone ends here.
        pageNumbers.push(z);
        noteLines.add(z.n);
        i++;
        break;
      }
      // "See also: …" adds to the note above it; any other citation opener starts a new note.
      const prevNote = notes.at(-1);
      if (current === null && /^See also\b/.test(z.text) && prevNote && prevNote.lines.at(-1)?.n === z.n - 1) current = prevNote;
      if (NOTE_START.test(z.text) && (current === null || (current.lines.length > 0 && !/^See also\b/.test(z.text)))) {
        current = { n: null, lines: [], numberLine: null };
        notes.push(current);
      }
      if (current === null) {
        current = { n: null, lines: [], numberLine: null };
        notes.push(current);
      }
      current.lines.push(z);
      noteLines.add(z.n);
      i++;
    }
  }
  return { notes, noteLines, pageNumbers };
}
