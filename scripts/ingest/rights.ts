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
 * Rules, strongest first:
 * 1. article — the paragraph sits in an ICCPR article section of the NGO report ("Article 7",
 *    "Articles 2, 3 and 26", "Article 2, paragraph 3", OCR "Article10"), or its text refers to an
 *    article of the Covenant ("article 19 of the Covenant", "Article 18 of the ICCPR").
 *    A provision matches a right that lists it exactly; a bare article ("2") also matches a right
 *    listing "2(3)" only when no right lists the bare article, so the most specific mapping wins.
 * 2. heading — walking the paragraph's headings from the innermost outwards, the first heading
 *    that names any right gives all the rights it names (UN reports are organised by right, and
 *    the innermost heading is the most specific). An article heading ends the walk.
 *    Headings are compared with all non-letters removed, so OCR damage such as "Righttolife"
 *    still matches "right to life".
 * 3. keyword — running text scores one point per single-word keyword occurrence and two per
 *    multi-word phrase; a right is tagged from 2 points. Names of UN bodies and special
 *    procedures are masked first: "the Committee against Torture commended the Ombudsman" is
 *    about the Ombudsman, not about torture.
 * 4. fallback — a paragraph that nothing places gets the registry's single fallback theme, with
 *    basis "heading" and its innermost heading (or "(no heading)") as evidence.
 */
import type { Right } from '../../src/schemas/right.ts';
import type { RightTag } from '../../src/schemas/paragraph.ts';
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

/** Rights whose heading patterns occur in a heading (compared squashed). */
export function rightsForHeading(heading: string, rights: Right[]): Right[] {
  const h = squash(heading);
  if (h.length === 0) return [];
  return rights.filter((r) => squashedHeadingPatterns(r).some((p) => h.includes(p)));
}

const squashedPatterns = new WeakMap<Right, string[]>();

/** A right's heading patterns, squashed once per right. */
function squashedHeadingPatterns(right: Right): string[] {
  let s = squashedPatterns.get(right);
  if (!s) squashedPatterns.set(right, (s = right.headingPatterns.map(squash)));
  return s;
}

/** Tags a paragraph with rights; see the module comment for the rules. */
export function tagRights(input: TagInput, rights: Right[]): RightTag[] {
  const tags: RightTag[] = [];
  const given = new Set<string>();
  const add = (right: Right, basis: RightTag['basis'], evidence: string) => {
    if (given.has(right.id)) return;
    given.add(right.id);
    tags.push({ right: right.id, basis, evidence });
  };
  const byRegistryOrder = (list: Right[]) => rights.filter((r) => list.includes(r));

  // 1. Article sections: the section title, then any article heading.
  const articleTitles: string[] = [];
  if (input.sectionTitle && parseArticleHeading(input.sectionTitle)) articleTitles.push(input.sectionTitle);
  for (const h of [...input.headings].reverse()) {
    if (parseArticleHeading(h)) {
      if (!articleTitles.includes(h)) articleTitles.push(h);
      break;
    }
  }
  for (const title of articleTitles)
    for (const provision of parseArticleHeading(title) ?? [])
      for (const r of byRegistryOrder(rightsForProvision(provision, rights))) add(r, 'article', title.trim());
  for (const ref of findCovenantReferences(input.text))
    for (const r of byRegistryOrder(rightsForProvision(ref.provision, rights))) add(r, 'article', ref.evidence);

  // 2. Headings, innermost first; an article heading ends the walk.
  for (const h of [...input.headings].reverse()) {
    if (parseArticleHeading(h)) break;
    const found = rightsForHeading(h, rights);
    if (found.length > 0) {
      for (const r of found) add(r, 'heading', h.trim());
      break;
    }
  }

  // 3. Keywords on the masked text.
  const masked = maskNames(input.text);
  const folded = foldCase(masked);
  for (const r of rights) {
    if (given.has(r.id)) continue;
    const { score, evidence } = scoreFolded(masked, folded, r);
    if (score >= KEYWORD_THRESHOLD && evidence) add(r, 'keyword', evidence);
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
