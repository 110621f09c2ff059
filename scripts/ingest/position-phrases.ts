/**
 * The wording with which UN review documents state positions on recommendations: general UPR vocabulary
 * (Working Group reports since 2008, States' views in their addenda), not the wording of one corpus.
 * English only; a corpus in another language adds its phrases here. Pure data and two small readers.
 */
import type { Position } from '../../src/schemas/recommendation.ts';

/** A phrase and the position it states. */
export interface PositionPhrase {
  pattern: RegExp;
  position: Position;
}

/**
 * What an outcome report says of a list of recommendations in the paragraph that introduces it, tried in
 * order (negations before the affirmative they contain): "did not enjoy the support" before "enjoy the support".
 */
export const REPORT_LIST_PHRASES: PositionPhrase[] = [
  { pattern: /\b(?:did|do|does) not enjoy the support\b|\bwere noted\b|\bhave been noted\b|\bwill be noted\b|\bnoted by\b|\brejected\b/i, position: 'noted' },
  { pattern: /\benjoy(?:s|ed)? the support\b|\bwere accepted\b|\bhave been accepted\b|\bare supported\b/i, position: 'accepted' },
  { pattern: /\bwill be examined\b|\bwill examine\b|\bwill provide (?:its )?responses\b/i, position: 'pending' },
];

/**
 * A list statement of a State's views: a verb, "(the|these|all) (following) recommendation(s)", then the
 * numbers ("accepts the recommendations 1–5, 14–16", "takes note of recommendations 140.1, 140.2",
 * "accepts the following recommendations and provides some additional information …: 140.11, …").
 * Group 1 is the verb; the numbers follow at once, or after a phrase that ends in a colon.
 */
export const LIST_STATEMENT =
  /\b(does not accept|do not accept|cannot accept|can not accept|does not support|do not support|rejects|takes note of|take note of|notes|accepts|accept|supports|support)\s+(?:(?:the|these|all)\s+)?(?:following\s+)?recommendations?\b(?:\s*|[^.;:\d]{0,120}:\s*)(?=\d)/gi;

/** The position a list statement's verb states. */
export function verbPosition(verb: string): Position {
  const v = verb.toLowerCase();
  if (/not|reject/.test(v)) return 'noted';
  if (/note/.test(v)) return 'noted';
  return 'accepted';
}

/** "cannot accept", "does not accept", "rejects": the older wording for a recommendation the State declines. */
const DECLINES = /\b(?:cannot|can not|does not|do not|will not|is not in a position to)\s+(?:accept|support)\b|\brejects?\b/gi;
/** A response that defers: "cannot, at this point in time, make a definitive statement". */
const DEFERS = /\b(?:cannot|can not|is unable to|is not able to)\b[^.]{0,50}?\b(?:definitive|final) (?:statement|position|decision)\b/i;
/** Acceptance: "accepts", "supports", "agrees to". */
const ACCEPTS = /\b(?:accepts?|supports?|agrees? to)\b/i;
/** "notes the recommendation" (not "notes that …", which accompanies an acceptance). */
const NOTES = /\b(?:notes|takes note of)\s+(?:the|this|these)\s+recommendations?\b/i;

/** The position a free-text response states ("The Government accepts the recommendation …"), and the words stating it. */
export function responsePosition(text: string): { position: Position; wording: string | null } {
  const declined = [...text.matchAll(DECLINES)].map((m) => m[0]);
  const deferred = DEFERS.exec(text)?.[0] ?? null;
  // Acceptance is looked for with the declining phrases taken out ("cannot accept" is not "accept").
  const accepted = ACCEPTS.exec(text.replace(DECLINES, ' '))?.[0] ?? null;
  const noted = NOTES.exec(text)?.[0] ?? null;
  const against = declined[0] ?? deferred;
  if (accepted && against) return { position: 'partially-accepted', wording: `${accepted} … ${against}` };
  if (declined.length > 0) return { position: 'noted', wording: declined[0] };
  if (noted) return { position: 'noted', wording: noted };
  if (accepted) return { position: 'accepted', wording: accepted };
  if (deferred) return { position: 'no-position', wording: deferred };
  return { position: 'no-position', wording: null };
}

/** The State says the recommendation is already implemented or being implemented. */
export const ALREADY_IMPLEMENTED = /\balready\b[^.]{0,30}?\bimplemented\b|\balready being implemented\b|\bprocess of implementation\b|\bconsiders? (?:that )?(?:it|they|this recommendation) (?:is|are) implemented\b/i;

/** Counts the views print, by position: "accepts 142 recommendations", "of which 217 are supported and 37 noted". */
export const STATED_COUNTS: { pattern: RegExp; position: Position | 'total' }[] = [
  { pattern: /\b(?:accepts|supports)\s+(\d{1,4})\s+recommendations\b/gi, position: 'accepted' },
  { pattern: /\b(\d{1,4})\s+(?:recommendations\s+)?(?:are|were)\s+(?:supported|accepted)\b/gi, position: 'accepted' },
  { pattern: /\b(?:notes|takes note of)\s+(\d{1,4})\s+recommendations\b/gi, position: 'noted' },
  { pattern: /\b(\d{1,4})\s+(?:(?:recommendations\s+)?(?:are|were)\s+)?noted\b/gi, position: 'noted' },
  { pattern: /\b(?:contains|received|receives)\s+(\d{1,4})\s+recommendations\b/gi, position: 'total' },
];
