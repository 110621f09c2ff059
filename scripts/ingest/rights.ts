/**
 * Rights tagging: which rights and themes (content/registry/rights.json) a paragraph is about.
 *
 * Pure: no disk access; the pipeline's annotate stage calls `tagRights` once per paragraph.
 *
 * After calling this, the following are guaranteed:
 * - at least one tag is returned, so every paragraph carries a right;
 * - each right appears at most once, with the strongest basis that gave it
 *   (article before heading before keyword);
 * - tags come in a stable order: structural tags (article, heading) first, then keyword tags,
 *   each group in registry order;
 * - the same input always gives the same output (idempotent, order-independent of call history).
 *
 * Rules, strongest first. A reader should find on a right's page the paragraphs whose text is about
 * that right, and not those that mention one of its words in passing:
 * 1. article — the paragraph sits in an ICCPR article section of the NGO report ("Article 7",
 *    "Articles 2, 3 and 26", "Article 2, paragraph 3", OCR "Article10"), or its text refers to an
 *    article of the Covenant ("article 19 of the Covenant", "Article 18 of the ICCPR").
 *    A provision matches a right that lists it exactly; a bare article ("2") also matches a right
 *    listing "2(3)" only when no right lists the bare article, so the most specific mapping wins.
 * 2. heading — walking the paragraph's headings from the innermost outwards, the first heading
 *    that names any right gives the rights it names (UN reports are organised by right, and
 *    the innermost heading is the most specific). An article heading ends the walk.
 *    Headings are compared with all non-letters removed, so OCR damage such as "Righttolife"
 *    still matches "right to life"; a pattern must still start and end on a printed word's
 *    boundary ("transgender" is not "gender", "Developments" not "development").
 *    A heading or article section that names several rights ("Right to life, liberty and security
 *    of the person", "Articles 2, 3 and 26") gives only those the text shows any evidence of
 *    (rule 3's score above 0); if it shows none, all of them, unless rule 3 places the paragraph
 *    under another right, in which case none: a paragraph on domestic violence in that section is
 *    about women, not the right to life.
 * 3. keyword — the evidence for a right is one point per single-word keyword occurrence, two per
 *    multi-word phrase, and one per cited body named for the right (its `bodies` in the registry:
 *    the Special Rapporteur on torture, CEDAW). Names of bodies and instruments are blanked first,
 *    so their words are not the paragraph's ("the Committee against Torture commended the
 *    Ombudsman" scores the Ombudsman, not torture), and count only through `bodies`.
 *    A right is tagged from 2 points whose evidence lies in at least a third of the paragraph's
 *    sentences (PASSING_SHARE): one sentence on beatings of minors inside a six-sentence paragraph
 *    on abandoned children is a mention in passing, not a paragraph about torture.
 * 4. fallback — a paragraph that nothing places gets the registry's single fallback theme, with
 *    basis "heading" and its innermost heading (or "(no heading)") as evidence.
 *
 * tests/site/rights-sample.test.ts measures precision and recall on a hand-checked sample
 * (tests/fixtures/rights-sample/) and keeps a floor under both.
 */
import type { Right } from '../../src/schemas/right.ts';
import type { RightTag } from '../../src/schemas/paragraph.ts';
import type { Body } from '../../src/schemas/body.ts';
import { compileWordPattern, foldCase, wordPatternRegExp, type WordMatcher, type WordPattern } from './word-match.ts';

/** What the tagger reads from one paragraph. */
export interface TagInput {
  /** Clean paragraph text. */
  text: string;
  /** Heading titles, outermost first. */
  headings: string[];
  /** Numbering section id (NGO report), e.g. "art7"; null elsewhere. */
  section: string | null;
  /** Printed title of that section, e.g. "Articles 2, 3 and 26". */
  sectionTitle?: string | null;
}

/** Lowercase letters only: the form headings are compared in. */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

const ARTICLE_HEADING =
  /^\s*articles?\s*(\d{1,2}(?:\s*,\s*paragraph\s*\d)?(?:\s*(?:,|and|&)\s*\d{1,2}(?:\s*,\s*paragraph\s*\d)?)*)\s*(?:of the (?:iccpr|covenant))?\s*[.:]?\s*$/i;

/**
 * ICCPR provisions named by an article heading or section title, e.g.
 * "Articles 2, 3 and 26" → ["2", "3", "26"], "Article 2, paragraph 3" → ["2(3)"], "Article10" → ["10"];
 * null when the title is not an article heading.
 */
export function parseArticleHeading(title: string): string[] | null {
  const m = ARTICLE_HEADING.exec(title);
  if (!m) return null;
  const provisions: string[] = [];
  const re = /(\d{1,2})(?:\s*,\s*paragraph\s*(\d))?/gi;
  for (const part of m[1].matchAll(re)) provisions.push(part[2] ? `${part[1]}(${part[2]})` : part[1]);
  return provisions.length > 0 ? provisions : null;
}

const COVENANT_REFERENCE =
  /\barticles?\s+(\d{1,2}(?:\s*(?:,|and)\s*\d{1,2})*)(?:\s*,\s*paragraph\s*(\d))?\s+of\s+the\s+(?:(?:International\s+)?Covenant(?!\s+on\s+Economic)|ICCPR)\b/gi;

/** ICCPR provisions the text itself refers to ("article 19 of the Covenant"), in order of mention. */
export function findCovenantReferences(text: string): { provision: string; evidence: string }[] {
  const out: { provision: string; evidence: string }[] = [];
  for (const m of text.matchAll(COVENANT_REFERENCE)) {
    const articles = m[1].match(/\d{1,2}/g) ?? [];
    for (const a of articles) {
      const provision = m[2] && articles.length === 1 ? `${a}(${m[2]})` : a;
      out.push({ provision, evidence: m[0].replace(/\s+/g, ' ') });
    }
  }
  return out;
}

/** Rights a provision maps to: exact matches, else rights listing a paragraph of a bare article. */
export function rightsForProvision(provision: string, rights: Right[]): Right[] {
  const exact = rights.filter((r) => r.iccpr.includes(provision));
  if (exact.length > 0) return exact;
  const article = provision.replace(/\(\d\)$/, '');
  const sameArticle = rights.filter((r) => r.iccpr.includes(article));
  if (sameArticle.length > 0) return sameArticle;
  return rights.filter((r) => r.iccpr.some((p) => p.replace(/\(\d\)$/, '') === article));
}

/** Names whose words are not topics (see rule 3). */
const MASKED_NAMES =
  /\b(?:(?:United Nations\s+)?High Commissioner for (?:Human Rights|Refugees)|(?:Sub-?committee|Committee|Special Rapporteurs?|Independent Expert|Working Group|Convention|Optional Protocol|Office|Fund)\s+(?:on|against|for|of)\s+(?:the\s+)?(?:(?:question|Elimination|Prevention|Rights|Protection|promotion|Status|Reduction)\s+of\s+)?(?:All\s+Forms\s+of\s+)?(?:Torture|Discrimination\s+against\s+Women|Racial\s+Discrimination|the\s+Child|Persons\s+with\s+Disabilities|Women|Children|Refugees))\b/gi;

/** Text with names of bodies and instruments blanked out, for keyword scoring. */
export function maskNames(text: string): string {
  return text.replace(MASKED_NAMES, ' ');
}

/** One keyword of a right, compiled. */
export interface CompiledKeyword {
  keyword: string;
  /** Points per occurrence: 2 for a multi-word phrase, 1 for a word. */
  weight: number;
  /** What counts as an occurrence (its reference pattern is `keywordPattern(keyword)`). */
  phrase: WordPattern;
  matcher: WordMatcher;
}

/**
 * Keywords compiled once per right object (registries are parsed once and never mutated):
 * running ~400 Unicode-class patterns over every paragraph was most of the ingest's time, so each
 * keyword is a word-match.ts matcher that skips texts without its literal word.
 */
const cache = new WeakMap<Right, CompiledKeyword[]>();

/** A keyword as a phrase: `*` = any word ending; acronyms ("HIV", "NGOs") case-sensitive so "aids" is not "AIDS". */
function keywordPhrase(keyword: string): WordPattern {
  const prefix = keyword.endsWith('*');
  return {
    words: (prefix ? keyword.slice(0, -1) : keyword).split(/\s+/),
    caseSensitive: /[A-Z]/.test(keyword.slice(1)),
    hyphenBefore: false,
    prefix,
  };
}

/**
 * A keyword as a regular expression: word-bounded, whitespace-tolerant, `*` = any word ending.
 * Keywords with an upper-case letter after the first (acronyms such as "HIV", "NGOs") are
 * case-sensitive so "aids" (verb) is not "AIDS".
 */
export function keywordPattern(keyword: string): RegExp {
  return wordPatternRegExp(keywordPhrase(keyword));
}

/** A right's keywords with their matchers, built once per right. */
export function compiledKeywords(right: Right): CompiledKeyword[] {
  let c = cache.get(right);
  if (!c) {
    c = right.keywords.map((keyword) => {
      const phrase = keywordPhrase(keyword);
      return { keyword, weight: /\s/.test(keyword.trim()) ? 2 : 1, phrase, matcher: compileWordPattern(phrase) };
    });
    cache.set(right, c);
  }
  return c;
}

/** Points a keyword rule needs before it tags a right. */
export const KEYWORD_THRESHOLD = 2;

/** Keyword score of one right in a (masked) text, with the keyword that scored most as evidence. */
export function keywordScore(text: string, right: Right): { score: number; evidence: string | null } {
  return scoreFolded(text, foldCase(text), right);
}

/** `keywordScore` with the text's `foldCase` form computed once by the caller. */
function scoreFolded(text: string, folded: string, right: Right): { score: number; evidence: string | null } {
  let score = 0;
  let best: { keyword: string; points: number } | null = null;
  for (const k of compiledKeywords(right)) {
    const hits = k.matcher.matches(text, folded).length;
    if (hits === 0) continue;
    const points = hits * k.weight;
    score += points;
    if (!best || points > best.points) best = { keyword: k.keyword, points };
  }
  return { score, evidence: best?.keyword ?? null };
}

/** A heading's letters, squashed, with where each original word starts and ends. */
interface SquashedHeading {
  letters: string;
  /** Whether a word of the heading starts at each letter. */
  wordStart: boolean[];
  /** Whether a word of the heading ends at each letter. */
  wordEnd: boolean[];
}

function squashHeading(heading: string): SquashedHeading {
  const wordStart: boolean[] = [];
  const wordEnd: boolean[] = [];
  let letters = '';
  for (const word of heading.toLowerCase().split(/[^a-z]+/)) {
    for (let i = 0; i < word.length; i++) {
      wordStart.push(i === 0);
      wordEnd.push(i === word.length - 1);
    }
    letters += word;
  }
  return { letters, wordStart, wordEnd };
}

/** Whether a squashed pattern occurs in the heading beginning and ending on word boundaries. */
function occursAsWords(h: SquashedHeading, pattern: string): boolean {
  for (let i = h.letters.indexOf(pattern); i >= 0; i = h.letters.indexOf(pattern, i + 1))
    if (h.wordStart[i] && h.wordEnd[i + pattern.length - 1]) return true;
  return false;
}

/**
 * Rights whose heading patterns occur in a heading. Compared squashed (letters only), so OCR
 * run-together words still match ("Righttolife"), but a match must start at the start of a printed
 * word and end at the end of one: "transgender" does not contain the pattern "gender", nor
 * "Developments" the pattern "development".
 */
export function rightsForHeading(heading: string, rights: Right[]): Right[] {
  const h = squashHeading(heading);
  if (h.letters.length === 0) return [];
  return rights.filter((r) => squashedHeadingPatterns(r).some((p) => occursAsWords(h, p)));
}

const squashedPatterns = new WeakMap<Right, string[]>();

/** A right's heading patterns, squashed once per right. */
function squashedHeadingPatterns(right: Right): string[] {
  let s = squashedPatterns.get(right);
  if (!s) squashedPatterns.set(right, (s = right.headingPatterns.map(squash)));
  return s;
}

/** One piece of evidence for a right: a keyword, or a cited body named for the right. */
interface Hit {
  /** Offset in the text (blanked names keep their length); null for a body cited only by a back-reference. */
  at: number | null;
  points: number;
  /** What matched: a keyword, or the body's short name. */
  what: string;
}

/** Evidence for one right in one paragraph. */
export interface RightEvidence {
  /** Keyword points plus one per cited body named for the right. */
  score: number;
  /** Share of the paragraph's sentences that hold a keyword or a name of such a body, 0–1. */
  share: number;
  /** The keyword that scored most, else the body; null without evidence. */
  evidence: string | null;
}

/** Names of bodies and instruments blanked to spaces of the same length, so offsets still match the text. */
function blankNames(text: string): string {
  return text.replace(MASKED_NAMES, (m) => ' '.repeat(m.length));
}

/**
 * A sentence ends at ".", "!" or "?" (and any closing quote or bracket) followed by space and a
 * capital, a digit or an opening quote; "No. 87", "Mr. X", "art. 5" and "e.g. Y" end none.
 */
const SENTENCE_END = /(?<!\b(?:No|Nos|Mr|Ms|Mrs|Dr|Art|art|arts|para|paras|St|Inc|Ltd|vs|cf|p|pp|e\.g|i\.e|etc|Co|Jr|Sr))[.!?]["”’)\]]*\s+(?=["“‘(]?[A-Z0-9])/g;

/** Start offsets of the sentences of a text, ascending, the first being 0. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(SENTENCE_END)) starts.push(m.index + m[0].length);
  return starts;
}

/** Index of the sentence holding offset `at`. */
function sentenceOf(starts: number[], at: number): number {
  let i = 0;
  while (i + 1 < starts.length && (starts[i + 1] as number) <= at) i++;
  return i;
}

/** A body's names as matchers, to find where a cited body is named and to blank its full names. */
interface BodyNames {
  body: Body;
  /** Aliases (case-insensitive). */
  aliases: WordMatcher[];
  /** Aliases and abbreviations (case-sensitive). */
  matchers: WordMatcher[];
}
const bodyNames = new WeakMap<Body[], Map<string, BodyNames>>();

/** The bodies registry's names, compiled once per registry. */
function compiledBodyNames(bodies: Body[]): Map<string, BodyNames> {
  let c = bodyNames.get(bodies);
  if (!c) {
    const phrase = (name: string, caseSensitive: boolean) =>
      compileWordPattern({ words: name.trim().split(/\s+/), caseSensitive, hyphenBefore: true, prefix: false });
    c = new Map(
      bodies.map((body) => {
        const aliases = body.aliases.map((a) => phrase(a, false));
        return [body.id, { body, aliases, matchers: [...aliases, ...body.abbreviations.map((a) => phrase(a, true))] }];
      }),
    );
    bodyNames.set(bodies, c);
  }
  return c;
}

/** Rights registries already checked against a bodies registry. */
const checkedRegistries = new WeakMap<Right[], Body[]>();

/** Throws, naming the registry file, when a right lists a body the bodies registry lacks. */
function checkRightBodies(rights: Right[], bodies: Body[]): void {
  if (checkedRegistries.get(rights) === bodies) return;
  const known = new Set(bodies.map((b) => b.id));
  for (const r of rights)
    for (const b of r.bodies)
      if (!known.has(b))
        throw new Error(
          `content/registry/rights.json: right "${r.id}" lists body "${b}", which content/registry/bodies.json does not define; correct the id or add the body`,
        );
  checkedRegistries.set(rights, bodies);
}

/** Context the tagger may use besides the text. */
export interface TagContext {
  /** Body ids the paragraph cites (scripts/ingest/bodies.ts `findBodies`). */
  cited?: string[];
  /** The bodies registry, to find where a cited body is named. */
  bodies?: Body[];
}

/** A text prepared once for scoring every right. */
interface Prepared {
  text: string;
  /** The text with body and instrument names blanked (same length). */
  masked: string;
  /** `foldCase(masked)`. */
  folded: string;
  /** `foldCase(text)`, for finding body names. */
  foldedText: string;
  starts: number[];
}

function prepare(text: string, bodies?: Body[]): Prepared {
  const foldedText = foldCase(text);
  let masked = blankNames(text);
  // Every registered body's full name is a name too ("Special Rapporteur on freedom of religion or belief").
  if (bodies)
    for (const { aliases } of compiledBodyNames(bodies).values())
      for (const m of aliases)
        for (const [start, end] of m.matches(text, foldedText)) masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  return { text, masked, folded: foldCase(masked), foldedText, starts: sentenceStarts(masked) };
}

/**
 * Keyword and body evidence for one right (rule 3): its keywords in the text with body and
 * instrument names blanked, plus one point per cited body named for the right (its `bodies`),
 * located where the text names it.
 */
export function rightEvidence(text: string, right: Right, context: TagContext = {}): RightEvidence {
  return evidenceIn(prepare(text, context.bodies), right, context);
}

function evidenceIn(t: Prepared, right: Right, context: TagContext): RightEvidence {
  const hits: Hit[] = [];
  for (const k of compiledKeywords(right))
    for (const [at] of k.matcher.matches(t.masked, t.folded)) hits.push({ at, points: k.weight, what: k.keyword });
  if (context.cited && context.bodies)
    for (const id of right.bodies) {
      const names = context.cited.includes(id) ? compiledBodyNames(context.bodies).get(id) : undefined;
      if (!names) continue;
      const at = names.matchers.flatMap((m) => m.matches(t.text, t.foldedText).map(([start]) => start)).sort((x, y) => x - y);
      // One point per body however often it is named; every place it is named counts for the share.
      const what = names.body.shortName;
      if (at.length === 0) hits.push({ at: null, points: 1, what });
      else at.forEach((x, i) => hits.push({ at: x, points: i === 0 ? 1 : 0, what }));
    }
  if (hits.length === 0) return { score: 0, share: 0, evidence: null };
  const points = new Map<string, number>();
  for (const h of hits) points.set(h.what, (points.get(h.what) ?? 0) + h.points);
  // The reader should see the text's own word where there is one, the body only otherwise.
  const ranked = [...points].sort(([a, pa], [b, pb]) => Number(right.keywords.includes(b)) - Number(right.keywords.includes(a)) || pb - pa);
  const sentences = new Set(hits.flatMap((h) => (h.at === null ? [] : [sentenceOf(t.starts, h.at)])));
  return {
    score: [...points.values()].reduce((n, x) => n + x, 0),
    share: sentences.size / t.starts.length,
    evidence: ranked[0]?.[0] ?? null,
  };
}

/** Share of a paragraph's sentences a right's evidence must reach to count as more than a passing mention. */
export const PASSING_SHARE = 1 / 3;

/** Tags a paragraph with rights; see the module comment for the rules. */
export function tagRights(input: TagInput, rights: Right[], context: TagContext = {}): RightTag[] {
  if (context.bodies) checkRightBodies(rights, context.bodies);
  const tags: RightTag[] = [];
  const given = new Set<string>();
  const add = (right: Right, basis: RightTag['basis'], evidence: string) => {
    if (given.has(right.id)) return;
    given.add(right.id);
    tags.push({ right: right.id, basis, evidence });
  };
  const byRegistryOrder = (list: Right[]) => rights.filter((r) => list.includes(r));

  const prepared = prepare(input.text, context.bodies);
  const evidence = new Map<string, RightEvidence>();
  const evidenceFor = (r: Right): RightEvidence => {
    let e = evidence.get(r.id);
    if (!e) evidence.set(r.id, (e = evidenceIn(prepared, r, context)));
    return e;
  };
  // 3. Keyword rights, decided first: a section naming several rights keeps only those the text bears out.
  const keywordRights = rights.filter((r) => {
    const e = evidenceFor(r);
    return e.score >= KEYWORD_THRESHOLD && e.share >= PASSING_SHARE;
  });

  /** Rights of one structural source: all of a single-right title; of a several-right title, those the text supports. */
  const narrowed = (found: Right[]): Right[] => {
    if (found.length <= 1) return found;
    const supported = found.filter((r) => evidenceFor(r).score > 0);
    if (supported.length > 0) return supported;
    return keywordRights.some((r) => !found.includes(r)) ? [] : found;
  };

  // 1. Article sections: the section title, then any article heading.
  const articleTitles: string[] = [];
  if (input.sectionTitle && parseArticleHeading(input.sectionTitle)) articleTitles.push(input.sectionTitle);
  for (const h of [...input.headings].reverse()) {
    if (parseArticleHeading(h)) {
      if (!articleTitles.includes(h)) articleTitles.push(h);
      break;
    }
  }
  for (const title of articleTitles) {
    const found = byRegistryOrder((parseArticleHeading(title) ?? []).flatMap((provision) => rightsForProvision(provision, rights)));
    for (const r of narrowed(found)) add(r, 'article', title.trim());
  }
  for (const ref of findCovenantReferences(input.text))
    for (const r of byRegistryOrder(rightsForProvision(ref.provision, rights))) add(r, 'article', ref.evidence);

  // 2. Headings, innermost first; an article heading ends the walk.
  for (const h of [...input.headings].reverse()) {
    if (parseArticleHeading(h)) break;
    const found = rightsForHeading(h, rights);
    if (found.length > 0) {
      for (const r of narrowed(found)) add(r, 'heading', h.trim());
      break;
    }
  }

  // 3. Keywords (and bodies named for a right) on the masked text.
  for (const r of keywordRights) {
    const e = evidenceFor(r);
    if (e.evidence) add(r, 'keyword', e.evidence);
  }

  // 4. Fallback theme.
  if (tags.length === 0) {
    const fallback = rights.find((r) => r.fallback);
    if (!fallback) throw new Error('content/registry/rights.json: no right has "fallback": true; mark exactly one');
    const inner = input.headings.at(-1)?.trim() || input.sectionTitle?.trim() || '(no heading)';
    add(fallback, 'heading', inner);
  }
  return tags;
}
