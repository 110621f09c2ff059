/**
 * The site's data model: registries and ingest output joined into lookups the pages need.
 * Pure (plain arrays in, plain data out) so it is unit-tested without Astro; src/lib/load.ts
 * feeds it from the content collections.
 */
import type { DocumentEntry } from '../schemas/document.ts';
import type { Cycle } from '../schemas/cycle.ts';
import type { Corpus } from '../schemas/corpus.ts';
import { TYPE_ORDER, voiceOf } from './document-kinds.ts';
import type { Right } from '../schemas/right.ts';
import type { Body } from '../schemas/body.ts';
import type { Paragraph, RightTag } from '../schemas/paragraph.ts';
import type { Footnote } from '../schemas/footnote.ts';
import type { Heading } from '../schemas/heading.ts';
import type { Report } from '../schemas/report.ts';
import { articleOf, articlesInHeading } from './iccpr.ts';
import { sectionLabel } from './citation.ts';
import { recommendationsUrl, recommendationUrl } from './routes.ts';

/** Everything the site is built from. */
export interface AtlasInput {
  corpus: Corpus;
  documents: DocumentEntry[];
  cycles: Cycle[];
  rights: Right[];
  bodies: Body[];
  paragraphs: Paragraph[];
  footnotes: Footnote[];
  headings: Heading[];
  reports: Report[];
}

/** Order of right groups in lists and the matrix. */
const GROUP_ORDER: Record<Right['group'], number> = { 'civil-political': 0, groups: 1, 'economic-social-cultural': 2, framework: 3 };

/** Indexed data for the pages. */
export interface Atlas {
  /** What the corpus is: title, States under review, description. */
  corpus: Corpus;
  /** Documents in time order (State, UN, NGO within a date). */
  documents: DocumentEntry[];
  /** Cycles in time order. */
  cycles: Cycle[];
  /** Rights grouped (civil-political, groups, ESC, framework); Covenant order, then by name, within a group. */
  rights: Right[];
  /** Bodies by kind (charter, treaty, special procedures, UN offices, agencies, regional), then name. */
  bodies: Body[];
  document: Map<string, DocumentEntry>;
  cycle: Map<string, Cycle>;
  right: Map<string, Right>;
  body: Map<string, Body>;
  /** Paragraphs of each document in reading order. */
  paragraphsByDoc: Map<string, Paragraph[]>;
  /** Paragraphs carrying each right, documents in time order. */
  paragraphsByRight: Map<string, Paragraph[]>;
  /** Paragraphs citing each body, documents in time order. */
  paragraphsByBody: Map<string, Paragraph[]>;
  /** Paragraphs answering each recommendation they cite ("95.41"), in numeric order. */
  paragraphsByRecommendation: Map<string, Paragraph[]>;
  headingsByDoc: Map<string, Heading[]>;
  footnotesByDoc: Map<string, Map<number, Footnote>>;
  report: Map<string, Report>;
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

/** Compares recommendation numbers numerically: 95.9 < 95.10 < 97.1. */
export function compareRecommendations(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** First ICCPR article a right maps to (99 for none), to list rights in Covenant order. */
function firstArticle(r: Right): number {
  return r.iccpr.length > 0 ? Math.min(...r.iccpr.map(articleOf)) : 99;
}

const KIND_ORDER: Record<Body['kind'], number> = {
  'charter-body': 0, 'treaty-body': 1, 'special-procedure': 2, 'un-office': 3, 'un-agency': 4, 'regional-body': 5,
};

/** Joins and orders the inputs; throws naming the paragraph when it refers to an unknown id. */
export function buildAtlas(input: AtlasInput): Atlas {
  const documents = [...input.documents].sort(
    (a, b) => a.date.localeCompare(b.date) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.id.localeCompare(b.id),
  );
  const docRank = new Map(documents.map((d, i) => [d.id, i]));
  const rights = [...input.rights].sort(
    (a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group] || firstArticle(a) - firstArticle(b) || a.name.localeCompare(b.name),
  );
  const rightIds = new Set(rights.map((r) => r.id));
  const bodyIds = new Set(input.bodies.map((b) => b.id));
  for (const p of input.paragraphs) {
    if (!docRank.has(p.document)) throw new Error(`paragraph ${p.id}: unknown document "${p.document}"`);
    for (const r of p.rights) if (!rightIds.has(r)) throw new Error(`paragraph ${p.id}: unknown right "${r}"`);
    for (const b of p.bodies) if (!bodyIds.has(b)) throw new Error(`paragraph ${p.id}: unknown body "${b}"`);
  }
  const paragraphs = [...input.paragraphs].sort(
    (a, b) => docRank.get(a.document)! - docRank.get(b.document)! || a.order - b.order,
  );
  const headings = [...input.headings].sort((a, b) => a.document.localeCompare(b.document) || a.lines[0] - b.lines[0]);
  const footnotesByDoc = new Map<string, Map<number, Footnote>>();
  for (const f of [...input.footnotes].sort((a, b) => a.n - b.n)) {
    if (!footnotesByDoc.has(f.document)) footnotesByDoc.set(f.document, new Map());
    footnotesByDoc.get(f.document)!.set(f.n, f);
  }
  const recs = group(paragraphs, (p) => p.recommendations);
  return {
    corpus: input.corpus,
    documents,
    cycles: [...input.cycles].sort((a, b) => a.date.localeCompare(b.date)),
    rights,
    bodies: [...input.bodies].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name)),
    document: new Map(documents.map((d) => [d.id, d])),
    cycle: new Map(input.cycles.map((c) => [c.id, c])),
    right: new Map(rights.map((r) => [r.id, r])),
    body: new Map(input.bodies.map((b) => [b.id, b])),
    paragraphsByDoc: group(paragraphs, (p) => [p.document]),
    paragraphsByRight: group(paragraphs, (p) => p.rights),
    paragraphsByBody: group(paragraphs, (p) => p.bodies),
    paragraphsByRecommendation: new Map([...recs].sort(([a], [b]) => compareRecommendations(a, b))),
    headingsByDoc: group(headings, (h) => [h.document]),
    footnotesByDoc,
    report: new Map(input.reports.map((r) => [r.document, r])),
  };
}

/** The tag that gave a paragraph a right (strongest basis first), or null. */
export function tagFor(p: Paragraph, right: string): RightTag | null {
  return p.rightTags.find((t) => t.right === right) ?? null;
}

/** Whether a paragraph carries a right by its section (heading or article) rather than a keyword. */
export const isStructural = (p: Paragraph, right: string): boolean => {
  const t = tagFor(p, right);
  return t !== null && t.basis !== 'keyword';
};

/** One cell of the coverage matrix. */
export interface CoverageCell {
  document: string;
  count: number;
  /** 0 (none) to 4 (most), relative to the largest cell of the matrix. */
  level: 0 | 1 | 2 | 3 | 4;
}

/** Rights × documents: how many paragraphs each document devotes to each right. */
export function coverageMatrix(atlas: Atlas): { right: Right; total: number; cells: CoverageCell[] }[] {
  const counts = atlas.rights.map((right) => {
    const list = atlas.paragraphsByRight.get(right.id) ?? [];
    // Counted once per paragraph, not once per document and paragraph (6,000 documents at scale).
    const perDocument = new Map<string, number>();
    for (const p of list) perDocument.set(p.document, (perDocument.get(p.document) ?? 0) + 1);
    return {
      right,
      total: list.length,
      cells: atlas.documents.map((d) => ({ document: d.id, count: perDocument.get(d.id) ?? 0 })),
    };
  });
  const max = Math.max(1, ...counts.flatMap((r) => r.cells.map((c) => c.count)));
  return counts.map((r) => ({
    ...r,
    cells: r.cells.map((c) => ({ ...c, level: heatLevel(c.count, max) })),
  }));
}

/** Shade of a count relative to the maximum: 0 for none, else 1–4 on a square-root scale. */
export function heatLevel(count: number, max: number): CoverageCell['level'] {
  if (count <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil(Math.sqrt(count / max) * 4))) as CoverageCell['level'];
}

/** Who speaks in a document: the State, the UN or civil society. */
export type AuthorKind = DocumentEntry['author']['kind'];

/** Authors in the order a right's page reads them within a cycle: the State, the UN, civil society. */
export const AUTHOR_KINDS: readonly AuthorKind[] = ['state', 'un', 'ngo'];

/** Display names of the author kinds. */
export const AUTHOR_LABELS: Record<AuthorKind, string> = { state: 'The State', un: 'The United Nations', ngo: 'Civil society' };

/** One paragraph on a right, with the tag that put it there. */
export interface ParagraphOnRight {
  paragraph: Paragraph;
  tag: RightTag;
  /** In a section on the right (heading or article basis), rather than placed by its words. */
  inSection: boolean;
}

/** One document's paragraphs on a right, in reading order. */
export interface DocumentOnRight {
  document: DocumentEntry;
  kind: AuthorKind;
  paragraphs: ParagraphOnRight[];
  /** How many sit in a section on the right. */
  inSection: number;
  /** How many are placed by their words elsewhere in the document. */
  elsewhere: number;
}

/**
 * A recommendation made at a review, as a right's page lists it between the cycles. Records come
 * from `recommendationsOnRight`; fields the library does not hold yet are null.
 */
export interface RecommendationOnRight {
  /** The recommendation's number or id as printed ("95.41"). */
  id: string;
  /** Its page on this site. */
  href: string;
  /** Its wording, when the library holds it. */
  text: string | null;
  /** The State's response ("supported", "noted"), when known. */
  response: string | null;
  /** Cycle of the review that made it, when known. */
  madeIn: string | null;
  /** Cycle whose documents answer it, when known. */
  answeredIn: string | null;
}

/** One review cycle on a right's page. */
export interface RightCycle {
  cycle: Cycle;
  /** Every document of the cycle, in reading order (for "nothing on this right" notes). */
  documents: DocumentEntry[];
  /** Documents of the cycle with paragraphs on the right, State → UN → civil society. */
  groups: DocumentOnRight[];
  /** Paragraphs of the cycle on the right. */
  total: number;
  /** Recommendations on the right that lie between the previous cycle and this one (shown before it). */
  recommendationsBefore: RecommendationOnRight[];
}

/** A right across the review cycles: the data of its page. */
export interface RightAcrossCycles {
  right: Right;
  /** Cycles with at least one document, in time order. */
  cycles: RightCycle[];
  /** Author kinds with at least one paragraph on the right (the columns of the "what changed" view). */
  kinds: AuthorKind[];
  /** Paragraphs on the right. */
  total: number;
  /** Documents with at least one paragraph on the right. */
  documents: number;
  /** Recommendations on the right after the last cycle (made there, not yet answered). */
  recommendationsAfter: RecommendationOnRight[];
}

/**
 * Recommendations on a right, from the data the library holds: the paragraphs of a later report that
 * answer a recommendation by number. A recommendation is on a right when at least a third of the
 * paragraphs answering it carry the right (a report cites a dozen numbers at the head of a section,
 * so one paragraph is not enough), and it lies before the cycle of those paragraphs. The rights pages
 * pass the recommendation records instead (`recommendationsOnRightOf` in src/lib/recommendations.ts:
 * wording, position, the review that made them); this fallback serves an atlas without them.
 */
export function recommendationsOnRight(atlas: Atlas, rightId: string): RecommendationOnRight[] {
  const out: RecommendationOnRight[] = [];
  for (const [id, paragraphs] of atlas.paragraphsByRecommendation) {
    const on = paragraphs.filter((p) => p.rights.includes(rightId));
    if (on.length === 0 || on.length * 3 < paragraphs.length) continue;
    const answering = on[0] as Paragraph;
    const doc = atlas.document.get(answering.document);
    const answeredIn = doc?.cycle ?? null;
    // A printed id ("95.41") has a page under the review the document answers; other numbers only the table.
    const review = doc?.answers?.numbering === 'printed' ? doc.answers.review : null;
    out.push({ id, href: review && /^\d+\.\d+$/.test(id) ? recommendationUrl(`${review}/${id}`) : recommendationsUrl(), text: null, response: null, madeIn: null, answeredIn });
  }
  return out;
}

/** Which cycle's slot a recommendation belongs before: after the cycle that made it, else before the one answering it. */
function slotBefore(rec: RecommendationOnRight, cycles: Cycle[]): string | null {
  if (rec.madeIn) {
    const i = cycles.findIndex((c) => c.id === rec.madeIn);
    return i >= 0 ? (cycles[i + 1]?.id ?? null) : null;
  }
  return rec.answeredIn;
}

/** A right's paragraphs by cycle, document kind and document, with counts and the recommendations between cycles. */
export function rightAcrossCycles(atlas: Atlas, rightId: string, recommendations: RecommendationOnRight[] = recommendationsOnRight(atlas, rightId)): RightAcrossCycles {
  const right = atlas.right.get(rightId);
  if (!right) throw new Error(`unknown right "${rightId}"`);
  const list = atlas.paragraphsByRight.get(rightId) ?? [];
  const byDoc = group(list, (p) => [p.document]);
  const rank = (d: DocumentEntry) => AUTHOR_KINDS.indexOf(voiceOf(d));
  const cycles = atlas.cycles.filter((c) => atlas.documents.some((d) => d.cycle === c.id));
  const placed = new Set<RecommendationOnRight>();
  const rows = cycles.map((cycle): RightCycle => {
    const documents = atlas.documents.filter((d) => d.cycle === cycle.id);
    const groups = [...documents]
      .sort((a, b) => rank(a) - rank(b))
      .filter((d) => byDoc.has(d.id))
      .map((document): DocumentOnRight => {
        const paragraphs = (byDoc.get(document.id) ?? []).map((paragraph) => {
          const tag = tagFor(paragraph, rightId) as RightTag;
          return { paragraph, tag, inSection: tag.basis !== 'keyword' };
        });
        const inSection = paragraphs.filter((x) => x.inSection).length;
        return { document, kind: voiceOf(document), paragraphs, inSection, elsewhere: paragraphs.length - inSection };
      });
    const recommendationsBefore = recommendations.filter((r) => slotBefore(r, cycles) === cycle.id);
    for (const r of recommendationsBefore) placed.add(r);
    return { cycle, documents, groups, total: groups.reduce((n, g) => n + g.paragraphs.length, 0), recommendationsBefore };
  });
  const kinds = AUTHOR_KINDS.filter((k) => rows.some((r) => r.groups.some((g) => g.kind === k)));
  return {
    right,
    cycles: rows,
    kinds,
    total: list.length,
    documents: byDoc.size,
    recommendationsAfter: recommendations.filter((r) => !placed.has(r)),
  };
}

/** A printed paragraph number, or a run of consecutive ones ("50–56"), with the paragraphs it stands for. */
export interface Ref {
  label: string;
  paragraph: Paragraph;
  /** The last paragraph of a run of consecutive numbers, else null. */
  through: { label: string; paragraph: Paragraph } | null;
}

/** Paragraph references grouped by the section they are numbered in (null for documents numbered throughout). */
export interface RefGroup {
  section: string | null;
  refs: Ref[];
}

/**
 * Short references for a compact list: printed numbers grouped by numbering section, consecutive
 * numbers joined into runs ("Article 7: 1–12, 14, unnumbered").
 */
export function compactRefs(paragraphs: Paragraph[]): RefGroup[] {
  const out: RefGroup[] = [];
  for (const paragraph of paragraphs) {
    const section = sectionLabel(paragraph);
    const label = paragraph.number ?? (paragraph.kind === 'quotation' ? 'quoted recommendation' : 'unnumbered');
    let groupOf = out.at(-1);
    if (!groupOf || groupOf.section !== section) out.push((groupOf = { section, refs: [] }));
    const last = groupOf.refs.at(-1);
    const end = last?.through ?? last;
    if (last && end && /^\d+$/.test(label) && /^\d+$/.test(end.label) && Number(label) === Number(end.label) + 1)
      last.through = { label, paragraph };
    else groupOf.refs.push({ label, paragraph, through: null });
  }
  return out;
}

/** Previous and next paragraph in the same document. */
export function neighbours(atlas: Atlas, p: Paragraph): { prev: Paragraph | null; next: Paragraph | null } {
  const list = atlas.paragraphsByDoc.get(p.document) ?? [];
  const i = list.findIndex((x) => x.id === p.id);
  return { prev: i > 0 ? list[i - 1] : null, next: i >= 0 && i < list.length - 1 ? list[i + 1] : null };
}

/** Related paragraphs for one right of a paragraph: per other document, the best few. */
export interface Related {
  right: Right;
  documents: { document: DocumentEntry; paragraphs: Paragraph[]; total: number }[];
  /** Other documents with paragraphs on the right that are not shown (see the right's page). */
  moreDocuments: number;
}

/** How much a paragraph page shows of other documents; fixed, so the page does not grow with the corpus. */
export interface RelatedLimits {
  /** Rights of the paragraph to relate (structural tags first). */
  maxRights: number;
  /** Other documents shown per right. */
  maxDocuments: number;
  /** Paragraphs shown per document. */
  perDocument: number;
}

/** At most 3 rights × 4 documents × 2 paragraphs = 24 related paragraphs on any paragraph page. */
export const RELATED_LIMITS: RelatedLimits = { maxRights: 3, maxDocuments: 4, perDocument: 2 };

/** A right's paragraphs per document, section paragraphs before keyword mentions. */
type RightIndex = Map<string, Paragraph[]>;
const rightIndexes = new WeakMap<Atlas, Map<string, RightIndex>>();

/** Built once per atlas and right: every paragraph page of a large corpus asks for the same lists. */
function rightIndex(atlas: Atlas, rightId: string): RightIndex {
  let byRight = rightIndexes.get(atlas);
  if (!byRight) rightIndexes.set(atlas, (byRight = new Map()));
  let index = byRight.get(rightId);
  if (!index) {
    const byDoc = group(atlas.paragraphsByRight.get(rightId) ?? [], (x) => [x.document]);
    index = new Map([...byDoc].map(([doc, mine]) => [doc, [...mine.filter((x) => isStructural(x, rightId)), ...mine.filter((x) => !isStructural(x, rightId))]]));
    byRight.set(rightId, index);
  }
  return index;
}

/**
 * Paragraphs on the same rights in the other documents (other cycles and authors), time order.
 * For each of the paragraph's rights (structural tags first, at most `maxRights`), up to
 * `maxDocuments` other documents contribute up to `perDocument` paragraphs each, section
 * paragraphs before keyword mentions. Documents that treat the right in a section of their own
 * are chosen before documents that only mention it, then the earliest; the rest are counted in
 * `moreDocuments`, so a paragraph page stays the same size however many documents there are.
 */
export function relatedParagraphs(atlas: Atlas, p: Paragraph, limits: RelatedLimits = RELATED_LIMITS): Related[] {
  const order = [...p.rightTags].sort((a, b) => Number(a.basis === 'keyword') - Number(b.basis === 'keyword'));
  const rightIds = [...new Set(order.map((t) => t.right))].filter((r) => !atlas.right.get(r)?.fallback);
  return rightIds.slice(0, limits.maxRights).flatMap((id) => {
    const right = atlas.right.get(id);
    if (!right) return [];
    const index = rightIndex(atlas, id);
    // Related means the same State's reviews: another State's documents in the corpus are not this story.
    const state = atlas.document.get(p.document)?.state.code;
    const candidates = atlas.documents.filter((d) => d.id !== p.document && index.has(d.id) && d.state.code === state);
    const hasSection = (d: DocumentEntry) => isStructural((index.get(d.id) as Paragraph[])[0] as Paragraph, id);
    const chosen = new Set([...candidates.filter(hasSection), ...candidates.filter((d) => !hasSection(d))].slice(0, limits.maxDocuments));
    const documents = candidates
      .filter((d) => chosen.has(d))
      .map((document) => {
        const mine = index.get(document.id) as Paragraph[];
        return { document, paragraphs: mine.slice(0, limits.perDocument), total: mine.length };
      });
    return documents.length > 0 ? [{ right, documents, moreDocuments: candidates.length - documents.length }] : [];
  });
}

/** Paragraphs citing a body, grouped by cycle and document in time order. */
export function bodyCitations(atlas: Atlas, bodyId: string): { cycle: Cycle; documents: { document: DocumentEntry; paragraphs: Paragraph[] }[] }[] {
  const byDocument = group(atlas.paragraphsByBody.get(bodyId) ?? [], (p) => [p.document]);
  const byCycle = group(atlas.documents, (d) => [d.cycle]);
  return atlas.cycles
    .map((cycle) => ({
      cycle,
      documents: (byCycle.get(cycle.id) ?? [])
        .map((document) => ({ document, paragraphs: byDocument.get(document.id) ?? [] }))
        .filter((d) => d.paragraphs.length > 0),
    }))
    .filter((c) => c.documents.length > 0);
}

/** ICCPR article numbers the taxonomy maps to, ascending. */
export function mappedArticles(atlas: Atlas): number[] {
  return [...new Set(atlas.rights.flatMap((r) => r.iccpr.map(articleOf)))].sort((a, b) => a - b);
}

/** Rights that correspond to an ICCPR article (any paragraph of it). */
export function rightsForArticle(atlas: Atlas, article: number): Right[] {
  return atlas.rights.filter((r) => r.iccpr.some((p) => articleOf(p) === article));
}

/** Paragraphs of article sections (the NGO report) that discuss an article, in reading order. */
export function articleSectionParagraphs(atlas: Atlas, article: number): Paragraph[] {
  return atlas.documents.flatMap((d) =>
    (atlas.paragraphsByDoc.get(d.id) ?? []).filter((p) => p.headings.some((h) => articlesInHeading(h).includes(article))),
  );
}

/** Plain-text excerpt cut at a word boundary. */
export function excerpt(text: string, max = 280): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max).replace(/[\s,;:.]+$/, '')} …`;
}

/** HTML id of a paragraph's expandable item on a right's page (unique: document ids and anchors are slugs). */
export const paragraphItemId = (p: Pick<Paragraph, 'document' | 'anchor'>): string => `p-${p.document}-${p.anchor}`;

/** A document that answers an earlier review's recommendations by number, with that review. */
export interface RecommendationSource {
  document: DocumentEntry;
  cycle: Cycle;
}

/** The documents that cite recommendations (registry `answers`) and the reviews they answer. */
export function recommendationSources(atlas: Atlas): RecommendationSource[] {
  return atlas.documents.flatMap((document) => {
    const cycle = document.answers ? atlas.cycle.get(document.answers.review) : undefined;
    const cites = (atlas.paragraphsByDoc.get(document.id) ?? []).some((p) => p.recommendations.length > 0);
    return cycle && cites ? [{ document, cycle }] : [];
  });
}
