/**
 * The search page's state and its URL form: `?q=…&right=torture&body=cat&sort=date-asc`.
 * Facet parameters repeat for several values; their names are the Pagefind filter keys.
 * Pure functions, shared by the search page script and the browser tests.
 */
import { plural } from '../lib/plural.ts';

/** Facet keys (URL parameters and Pagefind filter names), in display order. */
export const FACET_KEYS = ['right', 'body', 'doc', 'type', 'author', 'cycle', 'article'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** Result orders the page offers. */
export const SORTS = ['relevance', 'date-asc', 'date-desc'] as const;
export type SortOrder = (typeof SORTS)[number];

/** What the user asked for. */
export interface SearchState {
  /** Query text as typed (trimmed); '' means browse by filters only. */
  q: string;
  /** Selected values per facet; every selected value must match (AND). */
  filters: Record<FacetKey, string[]>;
  /** Requested order; 'relevance' without a query falls back to date order. */
  sort: SortOrder;
}

/** An empty state: no query, no filters, default order. */
export function emptyState(): SearchState {
  return {
    q: '',
    filters: Object.fromEntries(FACET_KEYS.map((key) => [key, []])) as unknown as Record<FacetKey, string[]>,
    sort: 'relevance',
  };
}

/** Reads the state from a URL query string. */
export function stateFromSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim();
  for (const key of FACET_KEYS) {
    state.filters[key] = [...new Set(params.getAll(key).filter((value) => value !== ''))].sort();
  }
  const sort = params.get('sort');
  state.sort = (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortOrder) : 'relevance';
  return state;
}

/** Writes the state as a query string (with leading "?", or '' when empty), in a stable order. */
export function searchFromState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FACET_KEYS) for (const value of [...state.filters[key]].sort()) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when there is neither a query nor a filter: the page shows its empty state. */
export function isEmpty(state: SearchState): boolean {
  return state.q === '' && FACET_KEYS.every((key) => state.filters[key].length === 0);
}

/** Pagefind filter object: every selected value of every facet must match. */
export function pagefindFilters(state: SearchState): Record<string, { all: string[] }> {
  const filters: Record<string, { all: string[] }> = {};
  for (const key of FACET_KEYS) if (state.filters[key].length) filters[key] = { all: state.filters[key] };
  return filters;
}

/** Pagefind sort option: date order when asked for, or when browsing without a query. */
export function pagefindSort(state: SearchState): Record<string, 'asc' | 'desc'> | undefined {
  if (state.sort === 'date-desc') return { date: 'desc' };
  if (state.sort === 'date-asc' || state.q === '') return { date: 'asc' };
  return undefined;
}

/**
 * The query as Pagefind takes it: null to browse by filters; typographic quotes (“…”, „…“,
 * «…») made straight, because Pagefind matches an exact phrase only inside "…".
 */
export function pagefindTerm(state: SearchState): string | null {
  if (state.q === '') return null;
  return state.q.replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"');
}

/** Opening and closing quote marks a query may be typed with (straight, typographic, guillemets). */
const QUOTES = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** True when the whole query is one quoted phrase, which Pagefind matches exactly. */
export function isPhrase(q: string): boolean {
  return /^\s*".+"\s*$/.test(q.replace(QUOTES, '"'));
}

/**
 * The query as the page names it, in one pair of typographic quotes: `torture` → “torture”,
 * `"national preventive mechanism"` → “national preventive mechanism” (not “"…"”). Quotes
 * inside a longer query become single quotes, so no quote mark is ever doubled.
 */
export function displayQuery(q: string): string {
  const text = q.trim();
  if (isPhrase(text)) return `“${text.replace(QUOTES, '').trim()}”`;
  let open = true;
  const inner = text.replace(QUOTES, () => {
    const mark = open ? '‘' : '’';
    open = !open;
    return mark;
  });
  return `“${inner}”`;
}

/**
 * What a result count is made of, as the status line says it: paragraphs, and the recommendation
 * records among them (Pagefind's `record` filter counts them in a response): "12 paragraphs",
 * "3 paragraphs and 1 recommendation", "2 recommendations". `count` is every result.
 */
export function foundCount(count: number, recommendations: number): string {
  const recs = Math.min(Math.max(0, recommendations), count);
  const paragraphs = count - recs;
  if (recs === 0) return plural(paragraphs, 'paragraph', 'paragraphs');
  if (paragraphs === 0) return plural(recs, 'recommendation', 'recommendations');
  return `${plural(paragraphs, 'paragraph', 'paragraphs')} and ${plural(recs, 'recommendation', 'recommendations')}`;
}
