/**
 * The home page's coverage matrix on a large site (src/lib/site-plan.ts): rights × reviews instead of
 * rights × documents, so the page grows with the number of reviews, not of documents (thousands).
 * Each cell counts the paragraphs on a right in the documents of a review.
 */
import { heatLevel, type Atlas } from './atlas.ts';
import type { Cycle } from '../schemas/cycle.ts';
import type { Right } from '../schemas/right.ts';

/** One cell: a review's paragraphs on a right. */
export interface ReviewCell {
  /** The review's id ("upr-2"). */
  review: string;
  count: number;
  /** 0 (none) to 4 (most), relative to the largest cell. */
  level: 0 | 1 | 2 | 3 | 4;
}

/** The reviews of the corpus in time order, and one row per right (in the atlas's order). */
export function coverageByReview(atlas: Atlas): { reviews: Cycle[]; rows: Array<{ right: Right; total: number; cells: ReviewCell[] }> } {
  const reviewOf = new Map(atlas.documents.map((d) => [d.id, d.cycle]));
  const used = new Set(atlas.documents.map((d) => d.cycle));
  const reviews = atlas.cycles.filter((c) => used.has(c.id));
  const counted = atlas.rights.map((right) => {
    const list = atlas.paragraphsByRight.get(right.id) ?? [];
    const perReview = new Map<string, number>();
    for (const p of list) {
      const review = reviewOf.get(p.document) as string;
      perReview.set(review, (perReview.get(review) ?? 0) + 1);
    }
    return { right, total: list.length, counts: reviews.map((c) => perReview.get(c.id) ?? 0) };
  });
  const max = Math.max(1, ...counted.flatMap((r) => r.counts));
  return {
    reviews,
    rows: counted.map((r) => ({
      right: r.right,
      total: r.total,
      cells: r.counts.map((count, i) => ({ review: (reviews[i] as Cycle).id, count, level: heatLevel(count, max) })),
    })),
  };
}
