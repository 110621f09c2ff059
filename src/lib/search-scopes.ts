/**
 * Search scopes of a corpus searched one review at a time (src/lib/site-plan.ts): one Pagefind index
 * per review, searched from /search/{review}/ with the facet labels of that review's documents only,
 * so a first query loads one review's index (its size does not grow with the library) instead of all.
 */
import type { SearchRegistries } from '../scripts/search-record.ts';
import type { SearchShard } from './site-plan.ts';

/** One review's search page. */
export interface SearchScope {
  /** The review's id, the page's slug ("upr-2"). */
  id: string;
  /** The review as the registry names it. */
  review: { id: string; label: string; date: string };
  /** Its Pagefind bundle ("/pagefind/upr-2/"). */
  bundle: string;
  /** Its page ("/search/upr-2/"). */
  action: string;
  /** Records (paragraphs and recommendations) it searches. */
  records: number;
  /** The registries restricted to the review's documents and the review itself. */
  registries: SearchRegistries;
}

/** URL of a review's search page. */
export const reviewSearchUrl = (id: string): string => `/search/${id}/`;

/** The search scopes of `shards` (those of a review), in the order of the reviews' dates. */
export function searchScopes(shards: readonly SearchShard[], registries: SearchRegistries): SearchScope[] {
  const scopes: SearchScope[] = [];
  for (const shard of shards) {
    if (shard.review === null) continue;
    const review = registries.cycles.find((c) => c.id === shard.review);
    if (!review) throw new Error(`search index for review "${shard.review}": no such review in the registry; run the build again`);
    scopes.push({
      id: shard.id,
      review: { id: review.id, label: review.label, date: review.date },
      bundle: shard.bundle,
      action: reviewSearchUrl(shard.id),
      records: shard.records,
      registries: { ...registries, documents: registries.documents.filter((d) => d.cycle === review.id), cycles: [review] },
    });
  }
  return scopes.sort((a, b) => a.review.date.localeCompare(b.review.date) || a.id.localeCompare(b.id));
}
