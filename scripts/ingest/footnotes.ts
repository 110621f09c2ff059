import type { Footnote } from '../../src/schemas/footnote.ts';
import type { Anomaly } from './errors.ts';
import type { DocState } from './state.ts';
import type { LiftedNote } from './spliced-notes.ts';
import { joinLines, vocabulary, type HyphenDecision } from './repair.ts';

/**
 * Footnotes pass: attaches the note texts lifted out of the body to the markers found in it. A note printed
 * with its number takes that number. One printed without a number takes the number below the next printed
 * note when it stands right above it ("See also …" / "14 See: …" → 13), or — in a zone of such notes — the
 * markers of the page the zone closes (the last markers above it still without text); text that continues
 * the note of the page before is appended to it. Every such attachment is reported at the note's line.
 * Guarantees afterwards: one footnote per number that appears as a marker or as a note, ascending; a note
 * text with no marker in the body is reported; `paragraph` is the anchor of the paragraph citing it.
 */
export function attachFootnotes(s: DocState): DocState {
  const { entry, lines, paragraphs } = s;
  const anomalies: Anomaly[] = [];
  const vocab = vocabulary(lines);
  const hyphenation: HyphenDecision[] = [];
  const notes = s.notes;
  const texts = new Map<number, { text: string; lines: [number, number] }>();
  let lastN = 0;
  // Source line of each body marker: the first line of its paragraph, from the previous marker on,
  // that prints the number unglued from other digits.
  const markerLine = new Map<number, number>();
  for (const p of paragraphs) {
    let from = p.lines[0];
    for (const m of p.footnotes) {
      const re = new RegExp(`(?<!\\d)${m}(?!\\d)|(?<=(?:19|20)\\d\\d)${m}(?!\\d)`);
      let found = p.lines[0];
      for (let k = from; k <= p.lines[1]; k++) {
        if (re.test(lines[k - 1].text)) {
          found = k;
          break;
        }
      }
      markerLine.set(m, found);
      from = found;
    }
  }
  const seen = new Set(s.markers);
  // Unnumbered notes printed right before a numbered one in the same zone ("See, for example…",
  // "See also…", "See also…", "14 See: …") take the numbers just below it (10, 11, 12 | 14).
  const before = new Map<LiftedNote, number>();
  for (let a = 0; a < notes.length; a++) {
    const run: LiftedNote[] = [];
    let b = a;
    while (b < notes.length && notes[b].n === null && !notes[b].continues && notes[b].lines.length) run.push(notes[b++]);
    const next = notes[b];
    if (run.length && next?.n != null && next.numberLine !== null && next.numberLine - run.at(-1)!.lines.at(-1)!.n <= 2) {
      run.forEach((r, i) => before.set(r, next.n! - run.length + i));
    }
    a = Math.max(a, b - 1);
  }
  // Zones of unnumbered notes: consecutive notes printed together (at most one line apart).
  const zoneOf = new Map<LiftedNote, LiftedNote[]>();
  let zone: LiftedNote[] = [];
  for (const note of notes) {
    if (note.n !== null || note.continues || !note.lines.length || before.has(note)) {
      zone = [];
      continue;
    }
    const last = zone.at(-1);
    if (!last || note.lines[0].n - last.lines.at(-1)!.n > 2) zone = [];
    zone.push(note);
    zoneOf.set(note, zone);
  }
  for (const note of notes) {
    if (note.lines.length === 0) continue;
    const t = joinLines(note.lines, vocab, hyphenation);
    const span: [number, number] = [note.lines[0].n, note.lines.at(-1)!.n];
    let n = note.n;
    if (note.continues && lastN > 0 && texts.has(lastN)) {
      const prev = texts.get(lastN)!;
      prev.text += ' ' + t;
      prev.lines[1] = span[1];
      anomalies.push({ line: span[0], kind: 'footnote-continued', message: `footnote text continued from the previous page; appended to note ${lastN}` });
      continue;
    }
    const below = before.get(note);
    if (n === null && below !== undefined && below > lastN && !texts.has(below)) {
      n = below;
      anomalies.push({ line: span[0], kind: 'footnote-number-missing', message: `footnote text printed without its number; attached to marker ${n}, the number below the next printed note — check that the text belongs to it` });
    }
    if (n === null) {
      // A zone of u notes printed without numbers belongs to the last u markers above it that still
      // have no text (the markers of the page the zone closes).
      const group = zoneOf.get(note) ?? [note];
      const open = [...markerLine.entries()].filter(([m, line]) => m > lastN && !texts.has(m) && line < group[0].lines[0].n).map(([m]) => m);
      const mine = open.slice(-group.length);
      const k = group.indexOf(note) - (group.length - mine.length);
      if (k >= 0 && mine[k] !== undefined) n = mine[k];
      else {
        let next = lastN + 1;
        while (texts.has(next)) next++;
        n = next;
      }
      anomalies.push({ line: span[0], kind: 'footnote-number-missing', message: `footnote text printed without its number; attached to marker ${n} (line ${markerLine.get(n) ?? '?'}), one of the markers above it still without text — check that the text belongs to it` });
    }
    if (texts.has(n)) {
      texts.get(n)!.text += ' ' + t;
      texts.get(n)!.lines[1] = span[1];
    } else texts.set(n, { text: t, lines: span });
    lastN = n;
  }
  const cited = new Map<number, string>();
  for (const p of paragraphs) for (const n of p.footnotes) cited.set(n, p.anchor);
  const numbers = [...new Set([...s.markers, ...texts.keys()])].sort((a, b) => a - b);
  const footnotes: Footnote[] = numbers.map((n) => ({
    document: entry.id,
    n,
    text: texts.get(n)?.text ?? null,
    paragraph: cited.get(n) ?? null,
    lines: texts.get(n)?.lines ?? null,
  }));
  for (const n of texts.keys()) if (!seen.has(n)) anomalies.push({ line: texts.get(n)!.lines[0], kind: 'footnote-without-marker', message: `footnote ${n} has text but no marker in the body; check where the official document prints marker ${n}` });
  return { ...s, footnotes, markerLines: markerLine, hyphenation: [...s.hyphenation, ...hyphenation], anomalies: [...s.anomalies, ...anomalies] };
}

/** Checks the footnotes pass's guarantees. */
export function checkFootnotes(s: DocState): void {
  for (let i = 1; i < s.footnotes.length; i++) if (s.footnotes[i].n <= s.footnotes[i - 1].n) throw new Error(`footnote ${s.footnotes[i].n} follows ${s.footnotes[i - 1].n}`);
  const numbers = new Set(s.footnotes.map((f) => f.n));
  for (const m of s.markers) if (!numbers.has(m)) throw new Error(`marker ${m} has no footnote record`);
}
