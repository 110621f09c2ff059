/**
 * Recommendations for the pages: the ingest's records (content/generated/recommendations.json) joined with
 * the atlas (documents, reviews, paragraphs, rights) into lookups, table rows, State summaries, the follow-up
 * of a recommendation in the next review, search records and the public dataset. Pure: plain data in and out,
 * unit-tested without Astro; src/lib/recommendations-data.ts feeds it.
 */
import type { Atlas, RecommendationOnRight } from './atlas.ts';
import type { Cycle } from '../schemas/cycle.ts';
import type { DocumentEntry } from '../schemas/document.ts';
import type { Paragraph } from '../schemas/paragraph.ts';
import type { StateEntry } from '../schemas/corpus.ts';
import type { Citation, Place, Position, Recommendation, RecommendationData, RecommendationReview } from '../schemas/recommendation.ts';
import { citation as paragraphCitation } from './citation.ts';
import { csvField } from './dataset.ts';
import { isStructural } from './atlas.ts';
import { paragraphUrl, recommendationUrl, stateUrl } from './routes.ts';

/** The recommendations of a build, indexed. */
export interface RecommendationIndex {
  data: RecommendationData;
  /** Records in review order, then list order. */
  records: Recommendation[];
  byKey: Map<string, Recommendation>;
  byReview: Map<string, Recommendation[]>;
  /** By recommending State's ISO code. */
  byState: Map<string, Recommendation[]>;
  byRight: Map<string, Recommendation[]>;
  /** Citations of each paragraph (`${document}/${anchor}`), in printed order. */
  citationsByParagraph: Map<string, Citation[]>;
  /** Summary of each review with recommendations or citations. */
  reviews: RecommendationReview[];
  /** UN name of each State code (content/registry/states.json). */
  stateName: Map<string, string>;
  /** Display label of each review ("UPR cycle 2"), also for reviews without documents in the corpus. */
  reviewLabel: (review: string) => string;
  /** The paragraph at a place, when it exists. */
  paragraph: (at: Place) => Paragraph | undefined;
  atlas: Atlas;
}

function group<T>(items: T[], keys: (x: T) => string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items)
    for (const k of keys(x)) {
      const list = m.get(k);
      if (list) list.push(x);
      else m.set(k, [x]);
    }
  return m;
}

/** Label of a review id without a cycle entry: "upr-3" → "UPR cycle 3", "iccpr-2" → "ICCPR review 2". */
export function reviewLabelOf(review: string, cycles: Map<string, Cycle>): string {
  const c = cycles.get(review);
  if (c) return c.label;
  const [mech, n] = review.split('-');
  return mech === 'upr' ? `UPR cycle ${n}` : `${mech.toUpperCase()} review ${n}`;
}

/** Joins the records with the atlas; throws naming the record when it points at a paragraph that does not exist. */
export function buildRecommendationIndex(data: RecommendationData, atlas: Atlas, states: StateEntry[]): RecommendationIndex {
  const paragraphs = new Map<string, Paragraph>();
  for (const list of atlas.paragraphsByDoc.values()) for (const p of list) paragraphs.set(`${p.document}/${p.anchor}`, p);
  const paragraph = (at: Place) => paragraphs.get(`${at.document}/${at.anchor}`);
  for (const r of data.records)
    for (const at of [r.source, r.positionSource, ...r.responses, ...r.answeredBy])
      if (at && !paragraph(at)) throw new Error(`recommendation ${r.key}: no paragraph ${at.document}/${at.anchor}; re-run the ingest`);
  return {
    data,
    records: data.records,
    byKey: new Map(data.records.map((r) => [r.key, r])),
    byReview: group(data.records, (r) => [r.review]),
    byState: group(data.records, (r) => [...new Set(r.states.flatMap((s) => (s.code ? [s.code] : [])))]),
    byRight: group(data.records, (r) => r.rights),
    citationsByParagraph: group(data.citations, (c) => [`${c.document}/${c.anchor}`]),
    reviews: data.reviews,
    stateName: new Map(states.map((s) => [s.code, s.name])),
    reviewLabel: (review) => reviewLabelOf(review, atlas.cycle),
    paragraph,
    atlas,
  };
}

/** Display label of a final position; null means neither the outcome report nor the views are in the library. */
export function positionLabel(position: Position | null): string {
  switch (position) {
    case 'accepted':
      return 'Accepted';
    case 'partially-accepted':
      return 'Partly accepted';
    case 'noted':
      return 'Noted';
    case 'no-position':
      return 'No position stated';
    case 'pending':
      return 'Awaiting response';
    default:
      return 'Not in this library';
  }
}

/** Filter value of a position ("unknown" for none). */
export const positionValue = (p: Position | null): string => p ?? 'unknown';

/** The order positions are listed in. */
export const POSITION_ORDER: (Position | 'unknown')[] = ['accepted', 'partially-accepted', 'noted', 'no-position', 'pending', 'unknown'];

/** "Recommendation 115.1". */
export const recommendationTitle = (r: Pick<Recommendation, 'id'>): string => `Recommendation ${r.id}`;

/** A recommending State with its page, when its code is known. */
export interface StateLink {
  name: string;
  code: string | null;
  url: string | null;
}

/** The recommending States of a record, linked. */
export function stateLinks(r: Recommendation): StateLink[] {
  return r.states.map((s) => ({ name: s.name, code: s.code, url: s.code ? stateUrl(s.code) : null }));
}

/** One row of the /recommendations/ table. */
export interface RecommendationRow {
  key: string;
  url: string;
  id: string;
  review: string;
  reviewLabel: string;
  /** The text, or null when it is not in the library. */
  text: string | null;
  states: StateLink[];
  position: string;
  positionLabel: string;
  alreadyImplemented: boolean;
  /** Paragraphs of later reports that cite it. */
  answered: number;
  rights: { id: string; name: string }[];
}

/** The rows of the table, in review then list order. */
export function recommendationRows(index: RecommendationIndex): RecommendationRow[] {
  return index.records.map((r) => ({
    key: r.key,
    url: recommendationUrl(r.key),
    id: r.id,
    review: r.review,
    reviewLabel: index.reviewLabel(r.review),
    text: r.text,
    states: stateLinks(r),
    position: positionValue(r.position),
    positionLabel: positionLabel(r.position),
    alreadyImplemented: r.alreadyImplemented,
    answered: r.answeredBy.length,
    rights: r.rights.map((id) => ({ id, name: index.atlas.right.get(id)?.name ?? id })),
  }));
}

/** One choice of a table filter, with how many rows it keeps. */
export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** The table's filters and their options, each counted over all rows (options with no row left out). */
export function filterOptions(index: RecommendationIndex): Record<'review' | 'position' | 'state' | 'right' | 'answered', FilterOption[]> {
  const rows = index.records;
  const count = (pred: (r: Recommendation) => boolean) => rows.filter(pred).length;
  const reviews = [...index.byReview.keys()].map((id) => ({ value: id, label: index.reviewLabel(id), count: index.byReview.get(id)!.length }));
  const positions = POSITION_ORDER.map((p) => ({ value: p, label: positionLabel(p === 'unknown' ? null : p), count: count((r) => positionValue(r.position) === p) })).filter((o) => o.count > 0);
  const states = [...index.byState].map(([code, list]) => ({ value: code, label: index.stateName.get(code) ?? code, count: list.length })).sort((a, b) => a.label.localeCompare(b.label));
  const rights = index.atlas.rights.filter((r) => index.byRight.has(r.id)).map((r) => ({ value: r.id, label: r.name, count: index.byRight.get(r.id)!.length }));
  const answered = [
    { value: 'yes', label: 'Cited by a later report', count: count((r) => r.answeredBy.length > 0) },
    { value: 'no', label: 'Not cited by number', count: count((r) => r.answeredBy.length === 0) },
  ];
  return { review: reviews, position: positions, state: states, right: rights, answered };
}

/** A review's recommendations on one right. */
export interface ReviewGroup {
  review: string;
  label: string;
  records: Recommendation[];
}

/** Groups records by review, in the index's review order. */
function byReviewGroups(index: RecommendationIndex, records: Recommendation[]): ReviewGroup[] {
  const groups = group(records, (r) => [r.review]);
  return [...index.byReview.keys()].filter((id) => groups.has(id)).map((id) => ({ review: id, label: index.reviewLabel(id), records: groups.get(id)! }));
}

/**
 * The recommendations on a right, review by review ("recommendations on that right between the cycles"),
 * each review in list order. For the rights pages: `recommendationsByRight(await loadRecommendations(), id)`.
 */
export function recommendationsByRight(index: RecommendationIndex, rightId: string): ReviewGroup[] {
  return byReviewGroups(index, index.byRight.get(rightId) ?? []);
}

/**
 * A right's recommendations in the shape the rights pages list between the cycles (`rightAcrossCycles`'s
 * third argument): printed id, page, wording (null when not in the library), position, the review that made
 * it (when that review's documents are in the library) and the cycle of the first report citing it.
 */
export function recommendationsOnRightOf(index: RecommendationIndex, rightId: string): RecommendationOnRight[] {
  return (index.byRight.get(rightId) ?? []).map((r) => {
    const first = r.answeredBy[0];
    return {
      id: r.id,
      href: recommendationUrl(r.key),
      text: r.text,
      response: r.position === null ? null : positionLabel(r.position).toLowerCase(),
      madeIn: index.atlas.cycle.has(r.review) ? r.review : null,
      answeredIn: first ? (index.atlas.document.get(first.document)?.cycle ?? null) : null,
    };
  });
}

/** What one State recommended, review by review. */
export function recommendationsByState(index: RecommendationIndex, code: string): ReviewGroup[] {
  return byReviewGroups(index, index.byState.get(code) ?? []);
}

/** One recommending State on the index page. */
export interface StateSummary {
  code: string;
  name: string;
  url: string;
  total: number;
  /** Count per review id. */
  perReview: Record<string, number>;
  /** Count per position value. */
  positions: Record<string, number>;
  /** Recommendations cited by a later report. */
  answered: number;
}

/** Every recommending State with counts, by name. */
export function stateSummaries(index: RecommendationIndex): StateSummary[] {
  return [...index.byState]
    .map(([code, list]) => {
      const perReview: Record<string, number> = {};
      const positions: Record<string, number> = {};
      for (const r of list) {
        perReview[r.review] = (perReview[r.review] ?? 0) + 1;
        positions[positionValue(r.position)] = (positions[positionValue(r.position)] ?? 0) + 1;
      }
      return { code, name: index.stateName.get(code) ?? code, url: stateUrl(code), total: list.length, perReview, positions, answered: list.filter((r) => r.answeredBy.length > 0).length };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Names printed as recommending States that are not known State names (no page): shown as printed. */
export function unknownStates(index: RecommendationIndex): { name: string; keys: string[] }[] {
  const m = new Map<string, string[]>();
  for (const r of index.records) for (const s of r.states) if (!s.code) m.set(s.name, [...(m.get(s.name) ?? []), r.key]);
  return [...m].map(([name, keys]) => ({ name, keys })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Paragraphs at places, in order, skipping none (the index checked they exist). */
export function paragraphsAt(index: RecommendationIndex, places: Place[]): Paragraph[] {
  return places.flatMap((at) => {
    const p = index.paragraph(at);
    return p ? [p] : [];
  });
}

/** How a later report relates to a recommendation: what the page says under "Answered in the next report". */
export interface AnswerStatus {
  /** Paragraphs citing it by number. */
  paragraphs: Paragraph[];
  /** Documents of the corpus that answer its review by number, and how. */
  reports: { document: DocumentEntry; numbering: 'printed' | 'sequence' | 'own' }[];
  /** The review after it, when one exists in the corpus. */
  nextReview: Cycle | null;
  /** Label of the next review (also when it is not in the corpus). */
  nextLabel: string;
}

/** The next review of the same mechanism (number + 1), when it is in the corpus. */
export function nextReviewOf(atlas: Atlas, review: string): Cycle | null {
  const [mech, n] = review.split('-');
  return atlas.cycle.get(`${mech}-${Number(n) + 1}`) ?? null;
}

/** Which later reports answer a recommendation, and whether they cite it. */
export function answerStatus(index: RecommendationIndex, r: Recommendation): AnswerStatus {
  const [mech, n] = r.review.split('-');
  return {
    paragraphs: paragraphsAt(index, r.answeredBy),
    reports: index.atlas.documents.flatMap((d) => (d.answers?.review === r.review && d.type !== 'addendum' ? [{ document: d, numbering: d.answers.numbering }] : [])),
    nextReview: nextReviewOf(index.atlas, r.review),
    nextLabel: reviewLabelOf(`${mech}-${Number(n) + 1}`, index.atlas.cycle),
  };
}

/** The next review's UN compilation and stakeholders' summary on a recommendation's rights. */
export interface FollowUp {
  cycle: Cycle | null;
  documents: { document: DocumentEntry; paragraphs: Paragraph[]; total: number }[];
  /** Documents with paragraphs on the rights beyond the first `documentLimit`, counted, not listed. */
  more: number;
}

/**
 * Documents of the next review a recommendation page lists (a review has one compilation and one
 * summary; a merged or synthetic corpus may have dozens, which would weigh on every page).
 */
export const FOLLOW_UP_DOCUMENTS = 6;

/**
 * What the UN (compilation) and stakeholders (summary) said in the next review on the recommendation's
 * rights: per document, the paragraphs on those rights (those in a section on them first, then mentions),
 * the first `perDocument` shown and the rest counted; the first `documentLimit` documents listed and the
 * rest counted (`more`). Empty when the next review is not in the corpus.
 */
export function followUp(index: RecommendationIndex, r: Recommendation, perDocument = 3, documentLimit = FOLLOW_UP_DOCUMENTS): FollowUp {
  const cycle = nextReviewOf(index.atlas, r.review);
  if (!cycle || r.rights.length === 0) return { cycle, documents: [], more: 0 };
  const docs = index.atlas.documents.filter((d) => d.cycle === cycle.id && (d.type === 'un-compilation' || d.type === 'stakeholder-summary'));
  const all = docs
      .map((document) => {
        const onRights = (index.atlas.paragraphsByDoc.get(document.id) ?? []).filter((p) => r.rights.some((right) => p.rights.includes(right)));
        // Paragraphs in a section on the rights first, then those that only mention them.
        const inSection = (p: Paragraph) => r.rights.some((right) => isStructural(p, right));
        const mine = [...onRights.filter(inSection), ...onRights.filter((p) => !inSection(p))];
        return { document, paragraphs: mine.slice(0, perDocument), total: mine.length };
      })
      .filter((d) => d.total > 0);
  return { cycle, documents: all.slice(0, documentLimit), more: Math.max(0, all.length - documentLimit) };
}

/** A cited number on a paragraph, with where it leads. */
export interface CitationLink {
  cited: string;
  status: Citation['status'];
  /** The recommendation's page, or null when unresolved. */
  url: string | null;
  /** Why it is unresolved. */
  reason: string | null;
}

/** The numbers a paragraph cites, each linked to its recommendation when resolved (for the paragraph pages). */
export function citationLinks(index: RecommendationIndex, p: Pick<Paragraph, 'document' | 'anchor'>): CitationLink[] {
  return (index.citationsByParagraph.get(`${p.document}/${p.anchor}`) ?? []).map((c) => ({
    cited: c.cited,
    status: c.status,
    url: c.key ? recommendationUrl(c.key) : null,
    reason: c.reason,
  }));
}

/** The unresolved citations of one document, summarised. */
export interface UnresolvedSummary {
  document: DocumentEntry;
  /** Cited numbers, distinct, in first-cited order. */
  numbers: string[];
  /** Paragraph citations (a section's numbers count once per paragraph). */
  citations: number;
  /** Distinct reasons. */
  reasons: string[];
  /** The first paragraph of each citing section. */
  paragraphs: Paragraph[];
}

/** Citations that could not be resolved, per document ("listed as unresolved, not guessed"). */
export function unresolvedCitations(index: RecommendationIndex): UnresolvedSummary[] {
  const byDoc = group(
    index.data.citations.filter((c) => c.status === 'unresolved'),
    (c) => [c.document],
  );
  return index.atlas.documents.flatMap((document) => {
    const list = byDoc.get(document.id);
    if (!list) return [];
    const firsts = new Map<string, Place>();
    for (const c of list) {
      const p = index.paragraph(c);
      const section = p ? p.recommendations.join(',') : c.anchor;
      if (!firsts.has(section)) firsts.set(section, c);
    }
    return [{ document, numbers: [...new Set(list.map((c) => c.cited))], citations: list.length, reasons: [...new Set(list.map((c) => c.reason ?? ''))], paragraphs: paragraphsAt(index, [...firsts.values()]) }];
  });
}

/** Share of cited numbers resolved, per citing document and overall (distinct numbers per document). */
export function resolutionShare(index: RecommendationIndex): { document: string; cited: number; resolved: number; textNotInLibrary: number }[] {
  const byDoc = group(index.data.citations, (c) => [c.document]);
  return [...byDoc].map(([document, list]) => {
    const distinct = new Map(list.map((c) => [c.cited, c.status]));
    const statuses = [...distinct.values()];
    return { document, cited: distinct.size, resolved: statuses.filter((s) => s === 'resolved').length, textNotInLibrary: statuses.filter((s) => s === 'text-not-in-library').length };
  });
}

/** Previous and next recommendation of the same review. */
export function neighbourRecommendations(index: RecommendationIndex, r: Recommendation): { prev: Recommendation | null; next: Recommendation | null } {
  const list = index.byReview.get(r.review) ?? [];
  const i = list.findIndex((x) => x.key === r.key);
  return { prev: i > 0 ? list[i - 1] : null, next: i >= 0 && i < list.length - 1 ? list[i + 1] : null };
}

/** Link and citation of a paragraph place, for dataset and pages. */
export function placeUrl(at: Place): string {
  return paragraphUrl(at.document, at.anchor);
}

/** The Pagefind record of a recommendation page: filters, metadata and sort key. */
export interface RecommendationSearchRecord {
  filters: { 'recommending-state': string[]; position: string[]; record: string[] };
  meta: { title: string; doc: string; docTitle: string; cycle: string; number: string; context: string; date: string };
  sort: { date: string };
}

/** Builds the search record of a recommendation page. */
export function recommendationSearchRecord(index: RecommendationIndex, r: Recommendation): RecommendationSearchRecord {
  const cycle = index.atlas.cycle.get(r.review);
  const label = index.reviewLabel(r.review);
  const by = r.states.map((s) => s.name).join(', ');
  return {
    filters: {
      'recommending-state': [...new Set(r.states.flatMap((s) => (s.code ? [s.code] : [])))],
      position: [positionValue(r.position)],
      record: ['recommendation'],
    },
    meta: {
      title: `${recommendationTitle(r)}${r.outcome ? ` (${r.outcome})` : ''}${by ? ` — ${by}` : ''}`,
      doc: r.outcome ?? label,
      docTitle: r.outcome ? `Outcome report ${r.outcome}` : `Outcome report of ${label}`,
      cycle: cycle ? `${cycle.label} (${cycle.date.slice(0, 4)})` : label,
      number: `${recommendationTitle(r)} · ${positionLabel(r.position)}`,
      context: recommendationUrl(r.key),
      date: cycle?.date.slice(0, 7) ?? '',
    },
    sort: { date: `${cycle?.date.slice(0, 7) ?? '9999'}-${String(r.sequence ?? 0).padStart(4, '0')}` },
  };
}

/** One record of dist/data/recommendations.json. */
export interface RecommendationRecord {
  key: string;
  id: string;
  review: string;
  outcome: string | null;
  sequence: number | null;
  label: string | null;
  text: string | null;
  states: string[];
  stateCodes: (string | null)[];
  position: Position | null;
  positionWording: string | null;
  alreadyImplemented: boolean;
  positionSource: string | null;
  positionSourceCitation: string | null;
  source: string | null;
  responses: string[];
  answeredBy: string[];
  rights: string[];
  permalink: string;
}

/** The public dataset's records, in review then list order (stable key order). */
export function recommendationRecords(index: RecommendationIndex): RecommendationRecord[] {
  const cite = (at: Place | null) => {
    const p = at && index.paragraph(at);
    const d = at && index.atlas.document.get(at.document);
    return p && d ? paragraphCitation(p, d) : null;
  };
  return index.records.map((r) => ({
    key: r.key,
    id: r.id,
    review: r.review,
    outcome: r.outcome,
    sequence: r.sequence,
    label: r.label,
    text: r.text,
    states: r.states.map((s) => s.name),
    stateCodes: r.states.map((s) => s.code),
    position: r.position,
    positionWording: r.positionWording,
    alreadyImplemented: r.alreadyImplemented,
    positionSource: r.positionSource ? placeUrl(r.positionSource) : null,
    positionSourceCitation: cite(r.positionSource),
    source: r.source ? placeUrl(r.source) : null,
    responses: r.responses.map(placeUrl),
    answeredBy: r.answeredBy.map(placeUrl),
    rights: r.rights,
    permalink: recommendationUrl(r.key),
  }));
}

const CSV_COLUMNS = ['key', 'id', 'review', 'outcome', 'sequence', 'text', 'states', 'stateCodes', 'position', 'positionWording', 'alreadyImplemented', 'positionSource', 'source', 'responses', 'answeredBy', 'rights', 'permalink'] as const;

/** The records as RFC 4180 CSV; lists joined with ";". */
export function recommendationsCsv(records: RecommendationRecord[]): string {
  const rows = records.map((r) =>
    [r.key, r.id, r.review, r.outcome, r.sequence, r.text, r.states.join(';'), r.stateCodes.map((c) => c ?? '').join(';'), r.position, r.positionWording, r.alreadyImplemented, r.positionSource, r.source, r.responses.join(';'), r.answeredBy.join(';'), r.rights.join(';'), r.permalink]
      .map((v) => csvField(typeof v === 'boolean' ? String(v) : v))
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** What the library holds of one review's recommendations, for the index page. */
export interface ReviewOverview {
  review: string;
  label: string;
  /** Outcome report: symbol, the document in the library (or null), the official link. */
  outcome: { symbol: string | null; document: DocumentEntry | null; officialUrl: string | null };
  /** The State's views, when in the library. */
  views: DocumentEntry | null;
  recommendations: number;
  withText: number;
  positions: FilterOption[];
  /** Counts the views print, by position, for comparison with `positions`. */
  statedCounts: Record<string, number>;
  /**
   * For an outcome report not in the library: per printed paragraph, the ids below the highest cited that no
   * document cites (they exist in the report, but this library cannot list them).
   */
  gaps: { paragraph: string; missing: string[] }[];
  /** Later documents answering this review by number: distinct numbers cited, and how many were resolved. */
  answering: { document: DocumentEntry; numbering: 'printed' | 'sequence' | 'own'; cited: number; resolved: number; textNotInLibrary: number }[];
}

/** Per printed paragraph ("95"), the item numbers from 1 to the highest known that are not among `ids`. */
export function idGaps(ids: string[]): { paragraph: string; missing: string[] }[] {
  const byParagraph = group(ids, (id) => [id.split('.')[0]]);
  return [...byParagraph].map(([paragraph, list]) => {
    const have = new Set(list.map((id) => Number(id.split('.')[1])));
    const missing: string[] = [];
    for (let k = 1; k <= Math.max(...have); k++) if (!have.has(k)) missing.push(`${paragraph}.${k}`);
    return { paragraph, missing };
  }).filter((g) => g.missing.length > 0);
}

/** One overview per review with recommendations or citations, in review order. */
export function reviewOverviews(index: RecommendationIndex): ReviewOverview[] {
  const shares = new Map(resolutionShare(index).map((s) => [s.document, s]));
  return index.reviews.map((s) => {
    const outcomeDoc = s.outcomeDocument ? (index.atlas.document.get(s.outcomeDocument) ?? null) : null;
    const mine = index.byReview.get(s.review) ?? [];
    return {
      review: s.review,
      label: index.reviewLabel(s.review),
      outcome: { symbol: s.outcome, document: outcomeDoc, officialUrl: s.outcome ? `https://undocs.org/en/${s.outcome}` : null },
      views: s.views ? (index.atlas.document.get(s.views) ?? null) : null,
      recommendations: s.recommendations,
      withText: s.withText,
      positions: POSITION_ORDER.map((p) => ({ value: p, label: positionLabel(p === 'unknown' ? null : p), count: mine.filter((r) => positionValue(r.position) === p).length })).filter((o) => o.count > 0),
      statedCounts: s.statedCounts,
      gaps: outcomeDoc ? [] : idGaps(mine.map((r) => r.id)),
      answering: index.atlas.documents.flatMap((d) => {
        const share = shares.get(d.id);
        return d.answers?.review === s.review && d.type !== 'addendum' && share ? [{ document: d, numbering: d.answers.numbering, cited: share.cited, resolved: share.resolved, textNotInLibrary: share.textNotInLibrary }] : [];
      }),
    };
  });
}
