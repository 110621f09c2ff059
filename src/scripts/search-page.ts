/**
 * <search-app>: the search page's client. Runs Pagefind in the browser over one record per
 * paragraph, renders results and facet counts, and keeps the URL in step with the form so a
 * search can be shared, reloaded and navigated with the back button. Plain DOM, no framework.
 *
 * Speed: a search renders its first screen of results as soon as their data has arrived and
 * the rest of the page after; facets are updated in place (only counts and order that
 * changed); typing searches as the reader types, one search at a time, the newest winning.
 *
 * Markup contract (SearchPage.astro): a GET form [data-search-form] whose fields are the URL
 * parameters (q, sort, one checkbox per facet value), [data-search-facets], [data-search-status]
 * (aria-live, focusable), [data-search-results], [data-search-more],
 * [data-search-skip], [data-search-apply], and a JSON <script> with facet labels and titles.
 * Attributes it sets for tests and scripts/bench-search.ts: data-shown (run whose first screen
 * is on screen), data-run (run fully rendered), data-busy, data-state, data-timings.
 */
import {
  FACET_KEYS,
  type FacetKey,
  type SearchState,
  displayQuery,
  foundCount,
  emptyState,
  isEmpty,
  pagefindFilters,
  pagefindSort,
  pagefindTerm,
  searchFromState,
  stateFromSearch,
} from './search-state.ts';
import { plural } from '../lib/plural.ts';
import {
  type FacetCounts,
  type FacetLabels,
  countOf,
  describeFilters,
  facetCountsOf,
  facetLabel,
  labelsFromJson,
  orderedValues,
  titlesFromJson,
} from './search-facets.ts';
import { parseVocabulary, queryWords, rewriteQuery, suggestWord, wordsWithoutEvidence } from './search-typo.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

interface PagefindSearchResponse {
  results: PagefindResult[];
  filters: FacetCounts;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindSearchResponse>;
  filters(): Promise<FacetCounts>;
}

/** What was searched instead of the words typed, and why. */
interface Correction {
  /** Query words (normalised) that no paragraph contains. */
  missing: string[];
  /** The query actually searched ('' when no word was left). */
  searched: string;
}

const PAGE_SIZE = 10;
/** Results rendered before the rest of a page: a screenful, and one round of parallel requests. */
const FIRST_SCREEN = 4;
const FACET_VISIBLE = 6;
/** Pause in typing after which the URL (and history) records the query. */
const HISTORY_DELAY_MS = 400;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** "“a”", "“a” and “b”", "“a”, “b” and “c”". */
function quotedList(words: readonly string[]): string {
  const quoted = words.map((word) => `“${word}”`);
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** Marker that starts a record's hidden synonym text (ParagraphSearchRecord.astro). */
const TERMS_MARKER = 'Index terms:';

/**
 * Drops the synonym text from an excerpt when the paragraph text itself matched; when only
 * the synonyms matched, says so instead of passing them off as paragraph text.
 */
export function trimIndexTerms(excerpt: string): string {
  const cut = excerpt.indexOf(TERMS_MARKER);
  if (cut < 0) return excerpt;
  const before = excerpt.slice(0, cut).trimEnd();
  if (before.includes('<mark>')) return `${before} …`;
  return `<span class="search-result-terms">Matched by its tags:</span> ${excerpt.slice(cut + TERMS_MARKER.length).trim()}`;
}

/** One facet's rendered nodes, kept between searches so only what changed is touched. */
interface FacetView {
  fieldset: HTMLFieldSetElement;
  list: HTMLUListElement;
  toggle: HTMLButtonElement;
  items: Map<string, { item: HTMLLIElement; input: HTMLInputElement; count: HTMLSpanElement }>;
}

class SearchApp extends HTMLElement {
  #pagefind: Promise<Pagefind> | null = null;
  #vocabulary: Promise<string[]> | null = null;
  #labels: FacetLabels = new Map();
  #titles: ReadonlyMap<FacetKey, string> = new Map();
  #state: SearchState = emptyState();
  #results: PagefindResult[] = [];
  #shown = 0;
  #run = 0;
  #historyTimer: ReturnType<typeof setTimeout> | undefined;
  #expanded = new Set<FacetKey>();
  #facetViews = new Map<FacetKey, FacetView>();
  /** Settles once every filter chunk is loaded. */
  #filtersLoaded: Promise<void> = Promise.resolve();
  /** Pending "Show more" pages. */
  #moreQueue: Promise<void> = Promise.resolve();
  /** The page's title as built, before any search is named in it. */
  #baseTitle = '';
  /** True while the current history entry belongs to a burst of typing. */
  #typing = false;
  /** Typed search waiting for the one in flight to show its first screen. */
  #pendingTyped: SearchState | null = null;
  #typedInFlight = false;

  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #sort!: HTMLSelectElement;
  #filters!: HTMLDetailsElement;
  #facets!: HTMLElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #clear!: HTMLButtonElement;
  #apply!: HTMLButtonElement;

  connectedCallback(): void {
    this.#form = this.querySelector<HTMLFormElement>('[data-search-form]')!;
    this.#input = this.#form.querySelector<HTMLInputElement>('input[name="q"]')!;
    this.#sort = this.#form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
    this.#filters = this.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
    this.#facets = this.querySelector<HTMLElement>('[data-search-facets]')!;
    this.#status = this.querySelector<HTMLElement>('[data-search-status]')!;
    this.#list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    this.#more = this.querySelector<HTMLButtonElement>('[data-search-more]')!;
    this.#clear = this.querySelector<HTMLButtonElement>('[data-search-clear]')!;
    this.#apply = this.querySelector<HTMLButtonElement>('[data-search-apply]')!;
    let config: { labels?: unknown; titles?: unknown } = {};
    try {
      config = JSON.parse(this.querySelector('script[data-search-config]')?.textContent ?? '{}') as typeof config;
    } catch {
      // Labels are a nicety: without them values show as their ids.
    }
    this.#labels = labelsFromJson(config.labels);
    this.#titles = titlesFromJson(config.titles);
    this.#baseTitle = document.title;
    // On a phone the filters start folded, so the results come first.
    if (this.#phone()) this.#filters.open = false;

    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#historyTimer);
      this.#commit('push');
    });
    this.#input.addEventListener('input', () => this.#typed());
    this.#input.addEventListener('focus', () => void this.#load(), { once: true });
    this.#form.addEventListener('change', (event) => {
      if (event.target === this.#input) return;
      this.#commit('push');
    });
    this.#facets.addEventListener('click', (event) => {
      const toggle = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-facet-toggle]');
      if (!toggle) return;
      const key = toggle.dataset.facetToggle as FacetKey;
      if (this.#expanded.has(key)) this.#expanded.delete(key);
      else this.#expanded.add(key);
      const view = this.#facetViews.get(key);
      if (view) this.#applyExpansion(key, view);
    });
    this.#more.addEventListener('click', () => {
      // Pages load one after another, so quick clicks append them in order.
      const run = this.#run;
      this.#moreQueue = this.#moreQueue.then(() => (run === this.#run ? this.#showMore(run, PAGE_SIZE, true) : undefined));
    });
    this.#clear.addEventListener('click', () => {
      const next = { ...emptyState(), q: this.#state.q, sort: this.#state.sort };
      this.#navigate(next, 'push');
      this.#input.focus();
    });
    this.querySelector('[data-search-skip]')?.addEventListener('click', () => this.#toResults());
    this.#apply.addEventListener('click', () => {
      this.#filters.open = false;
      this.#toResults();
    });
    window.addEventListener('popstate', () => this.#restore());
    this.#restore();
  }

  #phone(): boolean {
    return window.matchMedia('(max-width: 48rem)').matches;
  }

  /** Moves focus to the status line above the results (the skip control and the phone's apply bar). */
  #toResults(): void {
    this.#status.focus();
    this.#status.scrollIntoView({ block: 'start' });
  }

  /** Loads Pagefind once; the bundle path comes from the element's data-bundle attribute. */
  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset.bundle ?? '/pagefind/';
      const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      // Searching on the main thread costs a few ms per query and saves the worker script
      // (12 KB) and a message round trip per result on every query.
      // termSimilarity 3 (default 1): a word matched exactly outranks longer words it prefixes, so
      // "115.1" (indexed "1151") finds recommendation 115.1 before 115.10–115.19; word searches
      // keep their order (measured: "torture" unchanged).
      await pagefind.options({ excerptLength: 36, noWorker: true, ranking: { termSimilarity: 3 } });
      await pagefind.init();
      // Every filter chunk (a few KB) is loaded before the first search, so searches report
      // counts for all facets, not only for those the current filters touch. Not awaited
      // here: the first search fetches its index chunk meanwhile.
      this.#filtersLoaded = pagefind.filters().then(() => undefined);
      return pagefind;
    })();
    return this.#pagefind;
  }

  /** The library's words, most frequent first; fetched the first time a word is missing. */
  #loadVocabulary(): Promise<string[]> {
    this.#vocabulary ??= fetch(this.dataset.vocabulary ?? '/search/vocabulary.txt')
      .then((response) => (response.ok ? response.text() : ''))
      .then(parseVocabulary)
      .catch(() => []);
    return this.#vocabulary;
  }

  /** Typing: search at once (one search at a time, the newest wins); record the URL after a pause. */
  #typed(): void {
    clearTimeout(this.#historyTimer);
    const state = this.#formState();
    const term = pagefindTerm(state);
    // Fetch the index chunk of the word being typed while the reader goes on typing.
    if (term) void this.#load().then((pagefind) => pagefind.preload(term));
    this.#pendingTyped = state;
    void this.#drainTyped();
    // The first pause in a burst of typing adds a history entry; later pauses update it, so
    // Back returns to the previous search rather than to every prefix typed.
    this.#historyTimer = setTimeout(() => {
      this.#record(this.#formState(), this.#typing ? 'replace' : 'push');
      this.#typing = true;
    }, HISTORY_DELAY_MS);
  }

  async #drainTyped(): Promise<void> {
    if (this.#typedInFlight) return;
    this.#typedInFlight = true;
    try {
      while (this.#pendingTyped) {
        const state = this.#pendingTyped;
        this.#pendingTyped = null;
        await this.#search(state);
      }
    } finally {
      this.#typedInFlight = false;
    }
  }

  #formState(): SearchState {
    return stateFromSearch(`?${new URLSearchParams(new FormData(this.#form) as unknown as string)}`);
  }

  /** Reads the state from the form, records it in the URL and searches. */
  #commit(mode: 'push' | 'replace'): void {
    this.#navigate(this.#formState(), mode);
  }

  #record(state: SearchState, mode: 'push' | 'replace'): void {
    if (mode === 'push') this.#typing = false;
    const search = searchFromState(state);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  #navigate(state: SearchState, mode: 'push' | 'replace'): void {
    this.#pendingTyped = null;
    // The URL is recorded once the results are rendered: pushState is a round trip to the
    // browser that, made first, measurably delays the index and fragment requests after it.
    void this.#search(state, () => this.#record(state, mode));
  }

  /** Sets the form from the URL and searches; on load and on back/forward. */
  #restore(): void {
    this.#typing = false;
    clearTimeout(this.#historyTimer);
    this.#pendingTyped = null;
    const state = stateFromSearch(window.location.search);
    this.#input.value = state.q;
    this.#sort.value = state.sort;
    void this.#search(state);
  }

  /**
   * Runs a search and renders it. Resolves once its first screen is on screen (or it was
   * overtaken by a newer one); the rest of the first page follows. `done` runs once it is fully
   * rendered (not for a search overtaken before that).
   */
  async #search(state: SearchState, done?: () => void): Promise<void> {
    const run = ++this.#run;
    this.#state = state;
    const selected = FACET_KEYS.reduce((sum, key) => sum + state.filters[key].length, 0);
    // The title names the search, for history entries, bookmarks and screen readers.
    const named = [state.q && displayQuery(state.q), selected && `${selected} filter${selected > 1 ? 's' : ''}`].filter(Boolean);
    document.title = named.length ? `${named.join(', ')} — ${this.#baseTitle}` : this.#baseTitle;
    this.#clear.hidden = selected === 0;
    const count = this.querySelector('[data-search-filter-count]');
    if (count) count.textContent = selected ? ` (${selected} selected)` : '';
    this.#list.setAttribute('aria-busy', 'true');
    this.dataset.busy = '';
    let pagefind: Pagefind;
    try {
      pagefind = await this.#load();
    } catch (error) {
      this.#status.textContent = `Search is unavailable: the index could not be loaded (${String(error)}).`;
      this.dataset.state = 'error';
      this.#settled(run, done);
      return;
    }
    if (isEmpty(state)) {
      const counts = await pagefind.filters();
      if (run !== this.#run) return;
      this.#results = [];
      this.#shown = 0;
      this.#list.replaceChildren();
      this.#more.hidden = true;
      this.#renderFacets(counts, state);
      const total = Object.values(facetCountsOf(counts, 'doc')).reduce((sum, n) => sum + n, 0);
      this.#status.textContent =
        `Search ${plural(total, 'paragraph', 'paragraphs')} of the library, or choose a filter ` +
        'to browse, for example every paragraph citing a body.';
      this.#apply.textContent = `Show all ${plural(total, 'paragraph', 'paragraphs')}`;
      this.dataset.state = 'empty';
      this.dataset.shown = String(run);
      this.#settled(run, done);
      return;
    }
    const started = performance.now();
    const options = { filters: pagefindFilters(state), sort: pagefindSort(state) };
    await this.#filtersLoaded;
    let response = await pagefind.search(pagefindTerm(state), options);
    if (run !== this.#run) return;
    let first = await this.#firstScreen(response.results);
    if (run !== this.#run) return;
    // Pagefind searches a word it cannot find as some other word: check, and say what was searched.
    let correction: Correction | null = null;
    if (state.q) {
      correction = await this.#checkWords(pagefind, state.q, first);
      if (run !== this.#run) return;
      if (correction) {
        response = correction.searched
          ? await pagefind.search(pagefindTerm({ ...state, q: correction.searched }), options)
          : { results: [], filters: response.filters };
        if (run !== this.#run) return;
        first = await this.#firstScreen(response.results);
        if (run !== this.#run) return;
      }
    }
    this.#results = response.results;
    this.#shown = first.length;
    this.#list.replaceChildren(...first.map((data) => this.#renderResult(data)));
    this.#status.replaceChildren(...this.#describe(state, response.results.length, response.filters.record?.recommendation ?? 0, correction));
    this.#apply.textContent = response.results.length
      ? `Show ${plural(response.results.length, 'result', 'results')}`
      : 'No results: change the filters';
    this.dataset.state = response.results.length ? 'results' : 'none';
    this.#updateMore();
    this.dataset.shown = String(run);
    if (run === 1) performance.mark('search-shown');
    const onScreen = performance.now();
    // Facets and the rest of the page come after the first screen is painted.
    this.#renderFacets(response.filters, state);
    const faceted = performance.now();
    void this.#showMore(run, PAGE_SIZE - this.#shown, false).then(() => {
      if (run !== this.#run) return;
      // Phase timings read by scripts/bench-search.ts: search and first screen, facets, rest of the page.
      this.dataset.timings = [onScreen - started, faceted - onScreen, performance.now() - faceted]
        .map((ms) => ms.toFixed(1))
        .join(' ');
      this.#settled(run, done);
    });
  }

  /**
   * The data of the first screen of results. The rest of the page is requested only once it is
   * shown: requested together (measured), the extra requests slowed the first screen more than
   * they sped up the rest.
   */
  #firstScreen(results: PagefindResult[]): Promise<PagefindResultData[]> {
    return Promise.all(results.slice(0, FIRST_SCREEN).map((result) => result.data()));
  }

  /**
   * Finds the query words no paragraph contains and what to search instead, or null when every
   * word is there. Cheap when all is well: the first results' own text shows each word. A word
   * not shown there may be an inflection Pagefind's stemmer matched ("tortured" → "torture"),
   * which an exact search of the word alone confirms; only a word that fails both is missing.
   */
  async #checkWords(pagefind: Pagefind, q: string, first: PagefindResultData[]): Promise<Correction | null> {
    const words = queryWords(q);
    const texts = first.flatMap((data) => [data.content, data.meta.title ?? '']);
    const unseen = wordsWithoutEvidence(words, texts);
    if (unseen.length === 0) return null;
    const missing: string[] = [];
    for (const word of unseen) {
      const exact = await pagefind.search(`"${word}"`);
      if (exact.results.length === 0) missing.push(word);
    }
    if (missing.length === 0) return null;
    const vocabulary = await this.#loadVocabulary();
    const replacements = new Map<string, string | null>();
    for (const word of missing) {
      const suggestion = suggestWord(word, vocabulary);
      // A suggestion is only used when Pagefind really finds it.
      const found = suggestion !== null && (await pagefind.search(`"${suggestion}"`)).results.length > 0;
      replacements.set(word, found ? suggestion : null);
    }
    return { missing, searched: rewriteQuery(q, replacements) };
  }

  /** Marks run `run` as fully rendered: data-run lets tests and the benchmark wait for exactly it. */
  #settled(run: number, done?: () => void): void {
    if (run !== this.#run) return;
    done?.();
    this.#list.removeAttribute('aria-busy');
    delete this.dataset.busy;
    this.dataset.run = String(run);
    if (run === 1) performance.mark('search-rendered');
  }

  /**
   * The status line: how many paragraphs (and recommendations) were found for what, within which filters; when a
   * word is missing from the library, first a note naming it and what was searched instead.
   */
  #describe(state: SearchState, count: number, recommendations: number, correction: Correction | null): Array<Node | string> {
    const chosen = describeFilters(state.filters, this.#labels, this.#titles);
    const within = chosen.length ? `, filtered by ${chosen.join('; ')}` : '';
    const hint = chosen.length
      ? ' Remove a filter, or try other words.'
      : ' Try other words, fewer words, or an exact phrase in quotes.';
    const asked = state.q ? ` for ${displayQuery(state.q)}` : '';
    if (!correction) {
      if (count === 0) return [`No paragraphs found${asked}${within}.${hint}`];
      return [`${foundCount(count, recommendations)} found${asked}${within}.`];
    }
    const missing = `No paragraph contains ${quotedList(correction.missing)}`;
    if (!correction.searched) {
      const none = correction.missing.length > 1 ? 'these words, and no word of the library is close to them' : 'that word, and no word of the library is close to it';
      return [`No paragraphs found${asked}${within}: no paragraph contains ${none}.${hint}`];
    }
    const found = count === 0 ? `no paragraphs found${within}.${hint}` : `${foundCount(count, recommendations)} found${within}.`;
    return [
      element('span', { class: 'search-status-note' }, `${missing}.`),
      ' ',
      `Showing results for ${displayQuery(correction.searched)} instead: ${found}`,
    ];
  }

  #updateMore(): void {
    const remaining = this.#results.length - this.#shown;
    this.#more.hidden = remaining <= 0;
    this.#more.textContent = `Show ${Math.min(PAGE_SIZE, remaining)} more of ${remaining.toLocaleString('en')}`;
  }

  /** Renders the next `size` results; `focusFirst` moves focus to the first new result. */
  async #showMore(run: number, size: number, focusFirst: boolean): Promise<void> {
    const start = this.#shown;
    const slice = this.#results.slice(start, start + size);
    // Counted before the data arrives, so a second click asks for the page after this one.
    this.#shown += slice.length;
    const data = await Promise.all(slice.map((result) => result.data()));
    if (run !== this.#run) return;
    const items = data.map((result) => this.#renderResult(result));
    this.#list.append(...items);
    this.#updateMore();
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  }

  #renderResult(result: PagefindResultData): HTMLLIElement {
    const meta = result.meta;
    const title = meta.title ?? result.url;
    const excerpt = element('p', { class: 'search-result-excerpt' });
    // Pagefind escapes the excerpt's text before adding <mark>, so it is safe as HTML.
    excerpt.innerHTML = trimIndexTerms(result.excerpt);
    const details = [meta.docTitle, meta.cycle, meta.number].filter((part): part is string => Boolean(part));
    return element(
      'li',
      { class: 'search-result' },
      element(
        'h3',
        { class: 'search-result-title' },
        element('a', { href: meta.context ?? result.url, 'data-result-context': '' }, title),
      ),
      element('p', { class: 'search-result-meta' }, details.join(' · ')),
      excerpt,
      element(
        'p',
        { class: 'search-result-links' },
        element(
          'a',
          { href: result.url, 'data-result-permalink': '' },
          'Permanent page',
          element('span', { class: 'visually-hidden' }, ` of ${title}`),
        ),
      ),
    );
  }

  /** Brings the facets up to date, touching only the values whose count, state or place changed. */
  #renderFacets(counts: FacetCounts, state: SearchState): void {
    const active = document.activeElement;
    const focused = active instanceof HTMLInputElement && this.#facets.contains(active) ? active : null;
    const groups: HTMLFieldSetElement[] = [];
    for (const key of FACET_KEYS) {
      const view = this.#updateFacet(key, facetCountsOf(counts, key), state.filters[key]);
      if (view) groups.push(view.fieldset);
    }
    const current = [...this.#facets.children];
    if (groups.length === 0) {
      this.#facets.replaceChildren(element('p', { class: 'search-facets-none' }, 'No filters apply to this search.'));
    } else if (current.length !== groups.length || current.some((node, index) => node !== groups[index])) {
      this.#facets.replaceChildren(...groups);
    }
    // Moving a focused checkbox blurs it; give focus back (keyboard users tick with Space).
    if (focused && document.activeElement !== focused && focused.isConnected) focused.focus();
  }

  #updateFacet(key: FacetKey, counts: Record<string, number>, selected: string[]): FacetView | null {
    const values = orderedValues(key, counts, selected, this.#labels);
    let view = this.#facetViews.get(key);
    if (values.length === 0) return null;
    if (!view) {
      const list = element('ul', { class: 'search-facet-values', role: 'list', id: `facet-list-${key}` });
      const toggle = element('button', {
        type: 'button',
        class: 'search-facet-toggle',
        'data-facet-toggle': key,
        'aria-controls': `facet-list-${key}`,
      });
      const fieldset = element(
        'fieldset',
        { class: 'search-facet', 'data-facet': key },
        element('legend', {}, this.#titles.get(key) ?? key),
        list,
        toggle,
      );
      view = { fieldset, list, toggle, items: new Map() };
      this.#facetViews.set(key, view);
    }
    const chosen = new Set(selected);
    const order: HTMLLIElement[] = [];
    for (const value of values) {
      let entry = view.items.get(value);
      if (!entry) {
        const id = `facet-${key}-${value}`;
        const input = element('input', { type: 'checkbox', name: key, value, id });
        const count = element('span', { class: 'search-facet-count' });
        const item = element('li', {}, input, element('label', { for: id }, facetLabel(this.#labels, key, value), ' ', count));
        entry = { item, input, count };
        view.items.set(value, entry);
      }
      entry.input.checked = chosen.has(value);
      const text = `(${countOf(counts, value).toLocaleString('en')})`;
      if (entry.count.textContent !== text) entry.count.textContent = text;
      order.push(entry.item);
    }
    const shown = [...view.list.children];
    if (shown.length !== order.length || shown.some((node, index) => node !== order[index])) {
      view.list.replaceChildren(...order);
    }
    this.#applyExpansion(key, view);
    return view;
  }

  #applyExpansion(key: FacetKey, view: FacetView): void {
    const open = this.#expanded.has(key);
    const items = [...view.list.children] as HTMLLIElement[];
    view.toggle.hidden = items.length <= FACET_VISIBLE + 1;
    items.forEach((item, index) => {
      const checked = item.querySelector('input')?.checked ?? false;
      item.hidden = !view.toggle.hidden && !open && index >= FACET_VISIBLE && !checked;
    });
    view.toggle.setAttribute('aria-expanded', String(open));
    view.toggle.textContent = open ? 'Show fewer' : `Show all ${items.length}`;
  }
}

if (!customElements.get('search-app')) customElements.define('search-app', SearchApp);
