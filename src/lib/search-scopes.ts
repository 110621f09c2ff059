/**
 * Search scopes of a large site (src/lib/site-plan.ts): one Pagefind index per State, searched
 * from /search/{state}/ with the facet labels of that State's documents only, so a first query
 * loads one State's index (its size does not grow with the library) instead of all of it.
 */
import type { SearchRegistries } from '../scripts/search-record.ts';
import type { SearchShard } from './site-plan.ts';

/** One State's search page. */
export interface SearchScope {
  /** Lower-case State code, the page's slug. */
  id: string;
  /** ISO code and English short name. */
  state: { code: string; name: string };
  /** Its Pagefind bundle ("/pagefind/abc/"). */
  bundle: string;
  /** Its page ("/search/abc/"). */
  action: string;
  /** Paragraphs it searches. */
  records: number;
  /** The registries restricted to the State's documents and their review cycles. */
  registries: SearchRegistries;
}

/** URL of a State's search page. */
export const stateSearchUrl = (id: string): string => `/search/${id}/`;

/** The search scopes of `shards` (those with a State), in the order of the States' names. */
export function searchScopes(shards: readonly SearchShard[], registries: SearchRegistries): SearchScope[] {
  const scopes: SearchScope[] = [];
  for (const shard of shards) {
    if (shard.state === null) continue;
    const documents = registries.documents.filter((d) => d.state.code === shard.state);
    const first = documents[0];
    if (!first) throw new Error(`search index for ${shard.state}: no document about that State in the registry; run the build again`);
    const cycles = new Set(documents.map((d) => d.cycle));
    scopes.push({
      id: shard.id,
      state: first.state,
      bundle: shard.bundle,
      action: stateSearchUrl(shard.id),
      records: shard.records,
      registries: { ...registries, documents, cycles: registries.cycles.filter((c) => cycles.has(c.id)) },
    });
  }
  return scopes.sort((a, b) => a.state.name.localeCompare(b.state.name, 'en'));
}
