/**
 * Facet values as the search page shows them: labels, counts and order. Every lookup keyed by a
 * value from the URL or from Pagefind goes through a Map or Object.hasOwn, so that values such as
 * "toString", "__proto__" or "constructor" are plain strings, never members of Object.prototype.
 * Pure functions, shared by the search page script and its unit tests.
 */
import { FACET_KEYS, type FacetKey } from './search-state.ts';

/** Display labels per facet: value id → label. */
export type FacetLabels = ReadonlyMap<FacetKey, ReadonlyMap<string, string>>;

/** Facet counts as Pagefind reports them: facet → value → count (parsed JSON, so plain objects). */
export type FacetCounts = Record<string, Record<string, number>>;

/** Builds the label maps from the JSON the page ships (facet → { value: label }); ignores anything else. */
export function labelsFromJson(json: unknown): FacetLabels {
  const labels = new Map<FacetKey, Map<string, string>>();
  const source = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  for (const key of FACET_KEYS) {
    const values = new Map<string, string>();
    const entry = Object.hasOwn(source, key) ? source[key] : undefined;
    if (entry !== null && typeof entry === 'object') {
      for (const [value, label] of Object.entries(entry)) if (typeof label === 'string') values.set(value, label);
    }
    labels.set(key, values);
  }
  return labels;
}

/** Facet titles from the shipped JSON, falling back to the key itself. */
export function titlesFromJson(json: unknown): ReadonlyMap<FacetKey, string> {
  const source = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  return new Map(
    FACET_KEYS.map((key) => {
      const title = Object.hasOwn(source, key) ? source[key] : undefined;
      return [key, typeof title === 'string' ? title : key];
    }),
  );
}

/** The label of a facet value; an unknown value (an old or hand-made URL) shows as its id. */
export function facetLabel(labels: FacetLabels, key: FacetKey, value: string): string {
  return labels.get(key)?.get(value) ?? value;
}

/** The count of one value in Pagefind's counts; 0 for values it does not report. */
export function countOf(counts: Record<string, number> | undefined, value: string): number {
  if (!counts || !Object.hasOwn(counts, value)) return 0;
  const count = counts[value];
  return typeof count === 'number' && Number.isFinite(count) ? count : 0;
}

/** The counts of one facet, or an empty object when Pagefind reports none. */
export function facetCountsOf(counts: FacetCounts, key: FacetKey): Record<string, number> {
  return Object.hasOwn(counts, key) && counts[key] !== null && typeof counts[key] === 'object' ? counts[key] : {};
}

/**
 * The values a facet lists, in display order: selected values first (so they stay in view),
 * then registry order for the small closed facets (document, cycle, type, author), article
 * number for articles, and the largest count first for rights and bodies.
 */
export function orderedValues(
  key: FacetKey,
  counts: Record<string, number>,
  selected: readonly string[],
  labels: FacetLabels,
): string[] {
  const values = [...new Set([...Object.keys(counts).filter((value) => countOf(counts, value) > 0), ...selected])];
  const chosen = new Set(selected);
  const registryOrder = [...(labels.get(key)?.keys() ?? [])];
  const position = (value: string): number => {
    const at = registryOrder.indexOf(value);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const label = (value: string): string => facetLabel(labels, key, value);
  return values.sort((a, b) => {
    const first = Number(chosen.has(b)) - Number(chosen.has(a));
    if (first) return first;
    if (key === 'article') return Number(a) - Number(b) || a.localeCompare(b, 'en');
    if (key === 'doc' || key === 'cycle' || key === 'type' || key === 'author') {
      return position(a) - position(b) || a.localeCompare(b, 'en');
    }
    return countOf(counts, b) - countOf(counts, a) || label(a).localeCompare(label(b), 'en');
  });
}

/** "Body cited: Committee against Torture; Document: …" for the status line. */
export function describeFilters(
  filters: Readonly<Record<FacetKey, readonly string[]>>,
  labels: FacetLabels,
  titles: ReadonlyMap<FacetKey, string>,
): string[] {
  return FACET_KEYS.flatMap((key) =>
    filters[key].map((value) => `${titles.get(key) ?? key}: ${facetLabel(labels, key, value)}`),
  );
}
