/**
 * The corpus-level recommendation step, run once after every document is parsed (recommendations span
 * documents: the outcome report lists them, the addendum answers them, the next national report cites them).
 *
 *   outcomes.ts   outcome reports in the corpus → recommendations with text, States, the list's own position
 *   positions.ts  the State's views (addenda)    → final positions, the paragraph stating each, individual answers
 *   citations.ts  documents citing by number     → citations resolved per the registry's `answers`, never guessed
 *
 * Guarantees afterwards: one record per recommendation of every outcome report in the corpus, plus one record
 * without text per printed id cited from an outcome report that is not in the corpus; keys unique; records in
 * review order, then list order; every citation of every paragraph accounted for; rights from the record's own
 * words (or, for a record without text, from the headings of the sections answering it); every anomaly tied to
 * a document and source line. Pure: parsed documents in, data out (scripts/ingest.ts writes it).
 */
import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Cycle } from '../../src/schemas/cycle.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { Right } from '../../src/schemas/right.ts';
import type { StateEntry } from '../../src/schemas/corpus.ts';
import type { Citation, Place, Recommendation, RecommendationAnomaly, RecommendationData, RecommendationReview } from '../../src/schemas/recommendation.ts';
import { readOutcomeReport, stateLookup, type OutcomeItem } from './outcomes.ts';
import { readPositions, type Positions } from './positions.ts';
import { resolveCitations, type ReviewIndex } from './citations.ts';
import { keywordScore, maskNames } from './rights.ts';

/** What the step reads: the resolved registry and every document's paragraphs. */
export interface RecommendationInput {
  documents: DocumentEntry[];
  cycles: Cycle[];
  /** Paragraphs of each document id, in reading order. */
  paragraphs: Map<string, Paragraph[]>;
  states: StateEntry[];
  rights: Right[];
}

/** Compares printed ids numerically: 95.9 < 95.10 < 97.1. */
export function compareIds(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

const place = (p: Paragraph | { document: string; anchor: string }): Place => ({ document: p.document, anchor: p.anchor });

/**
 * Rights of a recommendation's own words, by the rights' keyword rules on the text with body and instrument
 * names masked (as for paragraphs). One occurrence suffices: a recommendation is one sentence, where a
 * paragraph needs two points. The catch-all theme is left out: no right is better than a guess.
 */
export function textRights(text: string, rights: Right[]): Recommendation['rightTags'] {
  const masked = maskNames(text);
  return rights.flatMap((r) => {
    if (r.fallback) return [];
    const { score, evidence } = keywordScore(masked, r);
    return score >= 1 && evidence ? [{ right: r.id, basis: 'text' as const, evidence }] : [];
  });
}

/** Builds the recommendation data of a corpus (without the manifest's redirects). */
export function buildRecommendations(input: RecommendationInput): Omit<RecommendationData, 'redirects'> {
  const anomalies: RecommendationAnomaly[] = [];
  const note = (document: string, p: Paragraph | null, kind: string, message: string) =>
    anomalies.push({ document, line: p?.lines[0] ?? 1, kind, message });
  const codes = stateLookup(input.states);
  const cycleOrder = new Map(input.cycles.map((c, i) => [c.id, i]));
  // A review without documents (answered, never read) goes just before the next review of its mechanism.
  const rank = (review: string): number => {
    if (cycleOrder.has(review)) return cycleOrder.get(review)!;
    const [mech, n] = review.split('-');
    const later = input.cycles.filter((c) => c.mechanism === mech && c.number > Number(n)).map((c) => cycleOrder.get(c.id)!);
    return later.length > 0 ? Math.min(...later) - 0.5 : input.cycles.length;
  };
  const paragraphsOf = (id: string) => input.paragraphs.get(id) ?? [];

  // 1. Outcome reports in the corpus.
  const items = new Map<string, OutcomeItem[]>();
  const reviews = new Map<string, ReviewIndex>();
  for (const c of input.cycles) {
    if (!c.outcomeDocument) continue;
    const read = readOutcomeReport(paragraphsOf(c.outcomeDocument), codes);
    for (const a of read.anomalies) note(c.outcomeDocument, a.paragraph, a.kind, a.message);
    if (read.items.length === 0) {
      note(c.outcomeDocument, null, 'recommendations-none', `no recommendations list found in the outcome report of ${c.id}: expected a paragraph introducing "recommendations" with numbered items ("115.1 …" or "1. …") — check its outline (npm run outline)`);
      continue;
    }
    items.set(c.id, read.items);
    reviews.set(c.id, {
      review: c.id,
      outcome: c.outcome,
      inCorpus: true,
      byId: new Map(read.items.map((i) => [i.id, `${c.id}/${i.id}`])),
      bySequence: new Map(read.items.map((i) => [i.sequence, `${c.id}/${i.id}`])),
    });
  }
  // Reviews cited or answered whose outcome report is not in the corpus.
  for (const d of input.documents) {
    const r = d.answers?.review;
    if (r && !reviews.has(r)) {
      const c = input.cycles.find((x) => x.id === r);
      // The outcome report's symbol: from the review's facts, else from what the citing document says of it.
      const outcome = c?.outcome ?? input.documents.find((x) => x.answers?.review === r && x.answers.outcome)?.answers?.outcome ?? null;
      reviews.set(r, { review: r, outcome, inCorpus: false, byId: new Map(), bySequence: new Map() });
    }
  }

  // 2. The State's views.
  const views = new Map<string, { doc: DocumentEntry; positions: Positions }>();
  for (const d of input.documents.filter((x) => x.type === 'addendum')) {
    const first = paragraphsOf(d.id)[0] ?? null;
    if (!d.answers) {
      note(d.id, first, 'views-unregistered', 'an addendum without "answers" in the registry: say which review\'s recommendations it answers and how it numbers them ("printed" or "sequence"), or its positions are not read');
      continue;
    }
    const index = reviews.get(d.answers.review)!;
    if (!index.inCorpus) {
      note(d.id, first, 'views-without-outcome', `the outcome report of ${d.answers.review} is not in the library, so the positions stated here cannot be attached to recommendations; add it with npm run add`);
      continue;
    }
    if (d.answers.numbering === 'own') {
      note(d.id, first, 'views-own-numbering', `the registry says these views number recommendations their own way; positions are not read`);
      continue;
    }
    const numbering = d.answers.numbering;
    const keyOf = (n: string) => (/^\d+\.\d+$/.test(n) ? index.byId.get(n) : numbering === 'sequence' ? index.bySequence.get(Number(n)) : undefined) ?? null;
    const positions = readPositions(paragraphsOf(d.id), keyOf, [...index.byId.values()]);
    for (const a of positions.anomalies) note(d.id, a.paragraph, a.kind, a.message);
    if (views.has(d.answers.review)) note(d.id, first, 'views-twice', `a second document of views on ${d.answers.review}; the first (${views.get(d.answers.review)!.doc.id}) gives the positions`);
    else views.set(d.answers.review, { doc: d, positions });
  }

  // 3. Citations by number in every other document.
  const citations: Citation[] = [];
  for (const d of input.documents) {
    if (d.type === 'addendum') continue;
    const ps = paragraphsOf(d.id);
    if (!ps.some((p) => p.recommendations.length > 0)) continue;
    const found = resolveCitations(d, ps, reviews);
    citations.push(...found);
    const missing = found.filter((c) => c.status === 'unresolved' && c.numbering !== 'own' && c.numbering !== null && reviews.get(c.review!)?.inCorpus);
    for (const c of missing) note(d.id, ps.find((p) => p.anchor === c.anchor) ?? null, 'citation-unresolved', `recommendation ${c.cited} cited here: ${c.reason}`);
    if (!d.answers) note(d.id, ps.find((p) => p.recommendations.length > 0) ?? null, 'citation-unregistered', 'this document cites recommendations by number, but the registry does not say which review it answers; add "answers" to its entry');
  }
  const answered = new Map<string, Place[]>();
  for (const c of citations) {
    if (!c.key) continue;
    const list = answered.get(c.key) ?? [];
    if (!list.some((x) => x.document === c.document && x.anchor === c.anchor)) list.push(place(c));
    answered.set(c.key, list);
  }

  // 4. Records: with text from the outcome reports, then without text for printed ids of reports not in the corpus.
  const records: Recommendation[] = [];
  for (const [review, list] of items) {
    const c = input.cycles.find((x) => x.id === review)!;
    const v = views.get(review);
    for (const it of list) {
      const key = `${review}/${it.id}`;
      const stated = v?.positions.assigned.get(key);
      const rightTags = textRights(it.bare, input.rights);
      records.push({
        key,
        id: it.id,
        review,
        outcome: c.outcome,
        outcomeDocument: c.outcomeDocument,
        sequence: it.sequence,
        label: it.label,
        text: it.text,
        states: it.states,
        source: place(it.paragraph),
        reportPosition: it.reportPosition,
        position: stated?.position ?? it.reportPosition,
        positionWording: stated ? stated.wording : it.reportWording,
        alreadyImplemented: stated ? stated.alreadyImplemented : it.alreadyImplemented,
        positionSource: stated ? place(stated.paragraph) : it.reportPosition ? place(it.paragraph) : null,
        responses: (v?.positions.responses.get(key) ?? []).map(place),
        answeredBy: answered.get(key) ?? [],
        rights: [...new Set(rightTags.map((t) => t.right))],
        rightTags,
      });
    }
  }
  const stubs = [...new Set(citations.filter((c) => c.status === 'text-not-in-library').map((c) => c.key!))];
  for (const key of stubs) {
    const [review, id] = key.split('/');
    const c = input.cycles.find((x) => x.id === review);
    // Without text, the rights are those of the sections that answer it (their headings), said as such.
    const rightTags: Recommendation['rightTags'] = [];
    for (const at of answered.get(key) ?? []) {
      const p = paragraphsOf(at.document).find((x) => x.anchor === at.anchor);
      for (const t of p?.rightTags ?? [])
        if (t.basis !== 'keyword' && !rightTags.some((x) => x.right === t.right) && !input.rights.find((r) => r.id === t.right)?.fallback)
          rightTags.push({ right: t.right, basis: 'answer', evidence: t.evidence });
    }
    records.push({
      key,
      id,
      review,
      outcome: c?.outcome ?? null,
      outcomeDocument: null,
      sequence: null,
      label: null,
      text: null,
      states: [],
      source: null,
      reportPosition: null,
      position: null,
      positionWording: null,
      alreadyImplemented: false,
      positionSource: null,
      responses: [],
      answeredBy: answered.get(key) ?? [],
      rights: rightTags.map((t) => t.right),
      rightTags,
    });
  }
  records.sort(
    (a, b) =>
      rank(a.review) - rank(b.review) ||
      a.review.localeCompare(b.review) ||
      (a.sequence ?? 0) - (b.sequence ?? 0) ||
      compareIds(a.id, b.id),
  );

  // 5. What the library holds per review.
  const summaries: RecommendationReview[] = [...reviews.values()]
    .sort((a, b) => rank(a.review) - rank(b.review) || a.review.localeCompare(b.review))
    .map((r) => {
      const mine = records.filter((x) => x.review === r.review);
      const positions: Record<string, number> = {};
      for (const x of mine) positions[x.position ?? 'unknown'] = (positions[x.position ?? 'unknown'] ?? 0) + 1;
      return {
        review: r.review,
        outcome: r.outcome,
        outcomeDocument: input.cycles.find((c) => c.id === r.review)?.outcomeDocument ?? null,
        views: views.get(r.review)?.doc.id ?? null,
        recommendations: mine.length,
        withText: mine.filter((x) => x.text !== null).length,
        positions: Object.fromEntries(Object.entries(positions).sort(([a], [b]) => a.localeCompare(b))),
        statedCounts: Object.fromEntries(Object.entries(views.get(r.review)?.positions.statedCounts ?? {}).sort(([a], [b]) => a.localeCompare(b))),
      };
    });
  const docOrder = new Map(input.documents.map((d, i) => [d.id, i]));
  anomalies.sort((a, b) => (docOrder.get(a.document) ?? 0) - (docOrder.get(b.document) ?? 0) || a.line - b.line);
  return { records, citations, reviews: summaries, anomalies };
}
