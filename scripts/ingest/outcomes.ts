/**
 * Recommendations as an outcome report (UPR Working Group report) lists them: numbered list blocks inside the
 * paragraph that introduces them ("115. The recommendations listed below will be examined by …" with items
 * "115.1" … "115.163"; a cycle 1 report numbers them "1." … "97." inside its paragraph 111).
 *
 * Guarantees afterwards: one item per printed list item of every recommendations paragraph, in printed
 * order; ids "<paragraph>.<item>" unique within the report; sequence 1…n across all its lists; text joined
 * across lines and pages (markers removed) without its closing ";" or "."; recommending States from the
 * parenthesised names (resolved to ISO codes through states.json, unknown names kept with code null);
 * the list's own position where its introduction states one. Pure: paragraphs in, items and anomalies out.
 */
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { Position, RecommendingState } from '../../src/schemas/recommendation.ts';
import type { StateEntry } from '../../src/schemas/corpus.ts';
import { plainText } from './markers.ts';
import { REPORT_LIST_PHRASES, ALREADY_IMPLEMENTED } from './position-phrases.ts';

/** One recommendation read from an outcome report. */
export interface OutcomeItem {
  /** "<paragraph>.<item>". */
  id: string;
  /** 1-based position across the report's lists. */
  sequence: number;
  /** Label as printed ("115.1", "1."). */
  label: string;
  text: string;
  /** The text without the recommending States' names. */
  bare: string;
  states: RecommendingState[];
  /** The paragraph that lists it. */
  paragraph: Paragraph;
  /** Position the list's introduction states, or null. */
  reportPosition: Position | null;
  /** The words that state it ("will be examined"). */
  reportWording: string | null;
  /** The introduction says the list is already implemented. */
  alreadyImplemented: boolean;
}

/** A problem found while reading, at a paragraph. */
export interface OutcomeAnomaly {
  paragraph: Paragraph;
  kind: string;
  message: string;
}

/** Name key for comparing State names: case, apostrophes, spacing and a leading "the" ignored. */
export function stateKey(name: string): string {
  return name.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').replace(/^the /, '').trim();
}

/** A lookup of UN State names and aliases to ISO codes. */
export function stateLookup(states: StateEntry[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of states) for (const n of [s.name, ...s.aliases]) m.set(stateKey(n), s.code);
  return m;
}

/** Top-level parenthesised groups of a text, nested parentheses kept inside ("(Iran (Islamic Republic of))"). */
export function parenthesisedGroups(text: string): { inner: string; start: number; end: number }[] {
  const out: { inner: string; start: number; end: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if (text[i] === ')' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ inner: text.slice(open + 1, i), start: open, end: i + 1 });
    }
  }
  return out;
}

/** Splits at commas outside parentheses: "Venezuela (Bolivarian Republic of), Peru" → two names. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** The names of a group if every one is a known State (a name with " and " in it is tried whole first). */
function statesOfGroup(inner: string, codes: Map<string, string>): RecommendingState[] | null {
  const out: RecommendingState[] = [];
  for (const part of splitTopLevel(inner)) {
    const whole = codes.get(stateKey(part));
    if (whole) {
      out.push({ name: part, code: whole });
      continue;
    }
    const pieces = part.split(/\s+and\s+/);
    if (pieces.length > 1 && pieces.every((x) => codes.has(stateKey(x)))) {
      for (const x of pieces) out.push({ name: x.trim(), code: codes.get(stateKey(x))! });
      continue;
    }
    return null;
  }
  return out.length > 0 ? out : null;
}

/**
 * Recommending States of a recommendation's text: every parenthesised group that consists of State names
 * ("To ratify (Spain)/consider … (Argentina) the Convention (Spain, Argentina)"), in order of first
 * appearance; the last group is taken as printed even when a name is unknown (code null, reported).
 * `bare` is the text without those groups (for tagging rights: "Islamic Republic of Iran" is not about religion).
 */
export function recommendingStates(text: string, codes: Map<string, string>): { states: RecommendingState[]; unknown: string[]; bare: string } {
  const groups = parenthesisedGroups(text);
  const seen = new Map<string, RecommendingState>();
  const unknown: string[] = [];
  let bare = text;
  groups.forEach((g, i) => {
    let found = statesOfGroup(g.inner, codes);
    const isLast = i === groups.length - 1 && text.slice(g.end).trim().replace(/[;.,]|\band\b/g, '').trim() === '';
    if (!found && isLast) {
      found = splitTopLevel(g.inner).map((name) => ({ name, code: codes.get(stateKey(name)) ?? null }));
      unknown.push(...found.filter((s) => s.code === null).map((s) => s.name));
    }
    if (found) bare = bare.replace(text.slice(g.start, g.end), ' ');
    for (const s of found ?? []) {
      const k = s.code ?? stateKey(s.name);
      if (!seen.has(k)) seen.set(k, s);
    }
  });
  return { states: [...seen.values()], unknown, bare: bare.replace(/\s+/g, ' ').trim() };
}

/** The position a list's introduction states, and its words. */
export function listPosition(intro: string): { position: Position | null; wording: string | null; implemented: boolean } {
  for (const p of REPORT_LIST_PHRASES) {
    const m = p.pattern.exec(intro);
    if (m) return { position: p.position, wording: m[0], implemented: ALREADY_IMPLEMENTED.test(intro) };
  }
  return { position: null, wording: null, implemented: ALREADY_IMPLEMENTED.test(intro) };
}

/** A printed item label: "115.3" or "93.1." (paragraph.item), or "3." (item of the paragraph). */
const ITEM_LABEL = /^(?:(\d{1,3})\.(\d{1,3})\.?|(\d{1,3})\.)$/;

/** Reads every recommendations list of an outcome report's paragraphs. */
export function readOutcomeReport(paragraphs: Paragraph[], codes: Map<string, string>): { items: OutcomeItem[]; anomalies: OutcomeAnomaly[] } {
  const items: OutcomeItem[] = [];
  const anomalies: OutcomeAnomaly[] = [];
  const ids = new Set<string>();
  for (const p of paragraphs) {
    const lists = p.blocks.filter((b) => b.type === 'list' && b.style === 'numeric');
    if (lists.length === 0 || p.number === null) continue;
    // The introduction: the paragraph's text before its first list.
    const firstList = p.blocks.findIndex((b) => b.type === 'list');
    const intro = p.blocks
      .slice(0, firstList)
      .map((b) => (b.type === 'text' ? plainText(b.runs) : ''))
      .join(' ');
    if (!/\brecommendations?\b/i.test(intro)) continue;
    const stated = listPosition(intro);
    let expected = 1;
    for (const block of lists) {
      if (block.type !== 'list') continue;
      for (const item of block.items) {
        const m = ITEM_LABEL.exec(item.label.trim());
        if (!m) {
          anomalies.push({ paragraph: p, kind: 'recommendation-label', message: `list item "${item.label}" of paragraph ${p.number} is not numbered like a recommendation ("${p.number}.1" or "1."); it is left out — check the list` });
          continue;
        }
        const para = m[1] ?? p.number;
        const n = Number(m[2] ?? m[3]);
        if (m[1] && m[1] !== p.number) anomalies.push({ paragraph: p, kind: 'recommendation-label', message: `item ${item.label} is printed inside paragraph ${p.number}; its id keeps the printed ${item.label}` });
        if (n !== expected) anomalies.push({ paragraph: p, kind: 'recommendation-sequence', message: `recommendation ${para}.${n} follows ${para}.${expected - 1}; expected ${para}.${expected} — check the list for a missing or misread item` });
        expected = n + 1;
        const id = `${para}.${n}`;
        if (ids.has(id)) {
          anomalies.push({ paragraph: p, kind: 'recommendation-duplicate', message: `recommendation ${id} is listed twice; the second is left out — check the list` });
          continue;
        }
        ids.add(id);
        const text = plainText(item.runs).replace(/\s*(?:;\s*and|;|\.|,)\s*$/, '').trim();
        const { states, unknown, bare } = recommendingStates(text, codes);
        if (states.length === 0) anomalies.push({ paragraph: p, kind: 'recommending-state', message: `recommendation ${id} names no recommending State in parentheses at its end — check its text` });
        if (unknown.length > 0) anomalies.push({ paragraph: p, kind: 'recommending-state', message: `recommendation ${id}: ${unknown.map((u) => `"${u}"`).join(', ')} is not a State name or alias in content/registry/states.json; add the alias there if it is one` });
        items.push({
          id,
          sequence: items.length + 1,
          label: item.label.trim(),
          text,
          bare,
          states,
          paragraph: p,
          reportPosition: stated.position,
          reportWording: stated.wording,
          alreadyImplemented: stated.implemented,
        });
      }
    }
  }
  return { items, anomalies };
}
