/**
 * Body detection: which UN (and regional) bodies a paragraph cites (content/registry/bodies.json).
 *
 * Pure: no disk access; the pipeline's annotate stage calls `findBodies` once per paragraph.
 *
 * After calling this, the following are guaranteed:
 * - ids are registry ids, each at most once, in order of first mention;
 * - a name is never counted twice for two bodies: where names overlap, the longer one wins
 *   ("the High Commissioner for Refugees" is UNHCR, not OHCHR);
 * - calling it again on the same text gives the same result.
 *
 * Rules:
 * 1. Aliases (full names) match case-insensitively on word boundaries, whitespace-tolerant.
 * 2. Abbreviations match case-sensitively. Those marked `abbreviationsAlwaysBody` (UNHCR, UNICEF)
 *    always count. The others ("CAT", "CRC", "CEDAW", "ILO") also name conventions, so they count
 *    only where the text shows the body acting: followed — possibly after other abbreviations
 *    joined by "," / "and", and after "also", "had", "was" … — by a reporting verb ("noted",
 *    "recommended", "expressed", "was concerned", ", while"), or followed by "'s", "Committee",
 *    "concluding observations", or preceded by "according to" / "by". Hence "In 2008, CAT
 *    expressed concern" and "CRC and CEDAW requested" count; "OP-CAT", "ratification of CAT",
 *    "Optional Protocol to CAT" and the symbol "CAT/C/NOR/CO/8" do not.
 * 3. Back-references: "the Committee", "the same Committee", "The Special Rapporteur",
 *    "the independent expert" resolve to the body most recently named before them whose
 *    registry `referredToAs` lists that noun. A named committee that is not in the registry
 *    ("the Committee on Correctional Institutions") clears the antecedent, so a later
 *    "the Committee" is not wrongly given to an earlier UN committee. Without an antecedent in
 *    the text the reference counts only when `options.defaultAntecedents` names a body for that
 *    noun (the pipeline passes { Committee: 'hr-committee' } for the NGO report to the Human
 *    Rights Committee, which defines "(the Committee)" in its introduction).
 */
import type { Body } from '../../src/schemas/body.ts';
import { compileWordPattern, foldCase, wordPatternRegExp, type WordMatcher, type WordPattern } from './word-match.ts';

/** Options for `findBodies`. */
export interface FindBodiesOptions {
  /** Body id a back-reference noun resolves to when the text names no antecedent. */
  defaultAntecedents?: Record<string, string>;
}

interface Mention {
  start: number;
  end: number;
  body: string;
}

const VERBS = [
  'noted', 'notes', 'recommended', 'recommends', 'expressed', 'welcomed', 'urged', 'encouraged',
  'requested', 'called', 'highlighted', 'regretted', 'appreciated', 'considered', 'stated',
  'observed', 'acknowledged', 'reiterated', 'took note', 'invited', 'commended', 'indicated',
  'stressed', 'recalled', 'concluded', 'concerned', 'deplored', 'emphasized', 'emphasised',
  'pointed out', 'referred', 'reported', 'found', 'asked', 'remained', 'while', 'in its',
  'made', 'submitted', 'added', 'underlined', 'suggested', 'echoed', 'remains',
];
const AUXILIARIES = '(?:also|further|again|had|has|have|was|were|is|are|still|repeatedly|continued to be|, |in \\d{4},?)';
const LIST_CONTINUATION = '(?:\\s*(?:,|and|&)\\s*(?:the\\s+)?[A-Z][A-Za-z-]{1,9})*';
const ACTING_AFTER = new RegExp(
  `^${LIST_CONTINUATION}\\s*,?\\s*(?:${AUXILIARIES}\\s*)*(?:${VERBS.join('|')})\\b`,
);
const OWNER_AFTER = /^(?:['’]s\b|\s+Committee\b|\s+concluding observations\b|\s+office\b|\s+Office\b|\s+experts?\b)/;
const ACTING_BEFORE = /(?:according to|by|reported by)\s+(?:the\s+)?$/i;
/** "CAT/C/NOR/CO/8", "CERD%2fC": document symbols and URLs, not citations of the body. */
const SYMBOL_AFTER = /^(?:\/|%2f)/i;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Collapses whitespace and curly apostrophes so names split across lines still match. */
export function normalise(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
}

/** An alias (case-insensitive) or abbreviation (case-sensitive) as a phrase; a hyphen before it also bars a match. */
function namePhrase(name: string, caseSensitive: boolean): WordPattern {
  return { words: normalise(name).trim().split(' '), caseSensitive, hyphenBefore: true, prefix: false };
}

/** The reference pattern of an alias or abbreviation (what `CompiledName.matcher` finds). */
export function namePattern(name: string, caseSensitive: boolean): RegExp {
  return wordPatternRegExp(namePhrase(name, caseSensitive));
}

/** One alias or abbreviation of a body, compiled. */
export interface CompiledName {
  body: Body;
  name: string;
  abbreviation: boolean;
  matcher: WordMatcher;
}

/** A back-reference noun ("Committee") with its pattern. */
export interface CompiledNoun {
  noun: string;
  re: RegExp;
}

/** A bodies registry with every pattern built once. */
export interface CompiledBodies {
  byId: Map<string, Body>;
  /** Aliases then abbreviations of each body, in registry order (the order mentions are found in). */
  names: CompiledName[];
  nouns: CompiledNoun[];
}

/**
 * Compiled registries, keyed by the registry array: registries are parsed once and never mutated,
 * and building ~120 patterns again for every paragraph was most of the ingest's time. Names are
 * word-match.ts matchers, which skip a text without the name's literal word.
 */
const compiledRegistries = new WeakMap<Body[], CompiledBodies>();

/** The registry's patterns, built on first use and reused for every later text. */
export function compileBodies(bodies: Body[]): CompiledBodies {
  let c = compiledRegistries.get(bodies);
  if (c) return c;
  const names: CompiledName[] = [];
  for (const body of bodies) {
    for (const name of body.aliases)
      names.push({ body, name, abbreviation: false, matcher: compileWordPattern(namePhrase(name, false)) });
    for (const name of body.abbreviations)
      names.push({ body, name, abbreviation: true, matcher: compileWordPattern(namePhrase(name, true)) });
  }
  const nouns = [...new Set(bodies.flatMap((b) => b.referredToAs))].map((noun) => ({
    noun,
    re: new RegExp(
      `\\b(?:the|that|this|said)\\s+(?:same\\s+|said\\s+|above-mentioned\\s+)?${escape(noun).replace(/ /g, '\\s+')}(?:'s|s')?(?![\\p{L}])(?!\\s+(?:on|against|for|of)\\s)`,
      'giu',
    ),
  }));
  c = { byId: new Map(bodies.map((b) => [b.id, b])), names, nouns };
  compiledRegistries.set(bodies, c);
  return c;
}

/** Whether an abbreviation at [start, end) names the body acting (rule 2). */
export function abbreviationActs(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 160);
  const before = text.slice(Math.max(0, start - 30), start);
  if (SYMBOL_AFTER.test(after)) return false;
  if (/[-/]$/.test(before)) return false;
  return ACTING_AFTER.test(after) || OWNER_AFTER.test(after) || ACTING_BEFORE.test(before);
}

function aliasMentions(text: string, compiled: CompiledBodies): Mention[] {
  const out: Mention[] = [];
  const folded = foldCase(text);
  for (const n of compiled.names)
    for (const [start, end] of n.matcher.matches(text, folded))
      if (
        !n.abbreviation ||
        (n.body.abbreviationsAlwaysBody ? !SYMBOL_AFTER.test(text.slice(end)) : abbreviationActs(text, start, end))
      )
        out.push({ start, end, body: n.body.id });
  // Longer names win over names they contain that belong to another body.
  return out.filter(
    (m) =>
      !out.some(
        (o) => o.body !== m.body && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      ),
  );
}

interface Reference {
  start: number;
  end: number;
  noun: string | null;
}

/** Back-references ("the same Committee") and, with noun null, unknown named committees. */
function references(text: string, compiled: CompiledBodies, named: Mention[]): Reference[] {
  const out: Reference[] = [];
  for (const { noun, re } of compiled.nouns) {
    // Every counted match contains the noun as written (below), so a text without it has none.
    if (!text.includes(noun)) continue;
    for (const m of text.matchAll(re)) {
      // Nouns are matched as written (capitalised "Committee", lower-case "independent expert").
      if (!m[0].includes(noun)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, noun });
    }
  }
  const unknownCommittee = /\bCommittee\s+(?:on|for|of|against)\s+(?:the\s+)?[A-Z]/g;
  for (const m of text.matchAll(unknownCommittee)) {
    const inside = named.some((n) => n.start <= m.index && n.end > m.index);
    if (!inside) out.push({ start: m.index, end: m.index + m[0].length, noun: null });
  }
  return out;
}

/** Body ids cited by a text, in order of first mention; see the module comment for the rules. */
export function findBodies(text: string, bodies: Body[], options: FindBodiesOptions = {}): string[] {
  return bodyMentions(text, bodies, options).bodies;
}

/**
 * The bodies a text cites (as findBodies) and, for the next paragraph, what each back-reference noun points at
 * after this text ("the same Committee" in the next paragraph means the committee this one named last).
 */
export function bodyMentions(text: string, bodies: Body[], options: FindBodiesOptions = {}): { bodies: string[]; antecedents: Record<string, string> } {
  const t = normalise(text);
  const compiled = compileBodies(bodies);
  const byId = compiled.byId;
  const named = aliasMentions(t, compiled);
  const refs = references(t, compiled, named).filter(
    (r) => !named.some((n) => n.start < r.end && r.start < n.end),
  );
  type Event = { at: number; kind: 'named'; body: string; text: string } | { at: number; kind: 'ref'; noun: string | null };
  const events: Event[] = [
    ...named.map((n): Event => ({ at: n.start, kind: 'named', body: n.body, text: t.slice(n.start, n.end) })),
    ...refs.map((r): Event => ({ at: r.start, kind: 'ref', noun: r.noun })),
  ].sort((a, b) => a.at - b.at || (a.kind === 'named' ? -1 : 1));

  const found: string[] = [];
  const antecedent = new Map<string, string | null>();
  const cite = (id: string) => {
    if (!found.includes(id)) found.push(id);
  };
  for (const e of events) {
    if (e.kind === 'named') {
      cite(e.body);
      for (const noun of byId.get(e.body)?.referredToAs ?? []) antecedent.set(noun, e.body);
      // A name that contains a back-reference noun ("Committee of Experts on the Application of …") is what
      // "the Committee" means next, whatever the body is usually called.
      for (const { noun } of compiled.nouns) if (e.text.includes(noun)) antecedent.set(noun, e.body);
    } else if (e.noun === null) {
      antecedent.set('Committee', null);
    } else {
      const id = antecedent.has(e.noun) ? antecedent.get(e.noun) : options.defaultAntecedents?.[e.noun];
      if (id) cite(id);
    }
  }
  const antecedents: Record<string, string> = { ...(options.defaultAntecedents ?? {}) };
  for (const [noun, id] of antecedent) {
    if (id) antecedents[noun] = id;
    else delete antecedents[noun];
  }
  return { bodies: found, antecedents };
}
