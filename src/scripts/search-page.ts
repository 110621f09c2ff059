/**
 * <search-app>: the search page's client. Runs Pagefind in the browser over one record per
 * paragraph, renders results and facet counts, and keeps the URL in step with the form so a
 * search can be shared, reloaded and navigated with the back button. Plain DOM, no framework.
 *
 * Markup contract (SearchPage.astro): a GET form [data-search-form] whose fields are the URL
 * parameters (q, sort, one checkbox per facet value), [data-search-facets], [data-search-status]
 * (aria-live), [data-search-results], [data-search-more], and a JSON <script> with facet labels.
 */
import {
  FACET_KEYS,
  type FacetKey,
  type SearchState,
  emptyState,
  isEmpty,
  pagefindFilters,
  pagefindSort,
  pagefindTerm,
  searchFromState,
  stateFromSearch,
} from './search-state.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

interface PagefindSearchResponse {
  results: Array<{ id: string; data(): Promise<PagefindResultData> }>;
  filters: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindSearchResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

type Labels = Record<FacetKey, Record<string, string>>;
type Titles = Record<FacetKey, string>;

const PAGE_SIZE = 10;
const FACET_VISIBLE = 6;
const TYPING_DELAY_MS = 180;

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

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
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

class SearchApp extends HTMLElement {
  #pagefind: Promise<Pagefind> | null = null;
  #labels = {} as Labels;
  #titles = {} as Titles;
  #state: SearchState = emptyState();
  #results: PagefindSearchResponse['results'] = [];
  #shown = 0;
  #run = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #expanded = new Set<FacetKey>();
  /** Settles once every filter chunk is loaded. */
  #filtersLoaded: Promise<void> = Promise.resolve();
  /** Pending "Show more" pages. */
  #moreQueue: Promise<void> = Promise.resolve();
  /** The page's title as built, before any search is named in it. */
  #baseTitle = '';
  /** True while the current history entry belongs to a burst of typing. */
  #typing = false;

  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #sort!: HTMLSelectElement;
  #facets!: HTMLElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #clear!: HTMLButtonElement;

  connectedCallback(): void {
    this.#form = this.querySelector<HTMLFormElement>('[data-search-form]')!;
    this.#input = this.#form.querySelector<HTMLInputElement>('input[name="q"]')!;
    this.#sort = this.#form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
    this.#facets = this.querySelector<HTMLElement>('[data-search-facets]')!;
    this.#status = this.querySelector<HTMLElement>('[data-search-status]')!;
    this.#list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    this.#more = this.querySelector<HTMLButtonElement>('[data-search-more]')!;
    this.#clear = this.querySelector<HTMLButtonElement>('[data-search-clear]')!;
    const config = JSON.parse(this.querySelector('script[data-search-config]')?.textContent ?? '{}') as {
      labels?: Labels;
      titles?: Titles;
    };
    this.#labels = config.labels ?? ({} as Labels);
    this.#baseTitle = document.title;
    this.#titles = config.titles ?? ({} as Titles);
    this.querySelectorAll('[data-search-nojs]').forEach((node) => node.setAttribute('hidden', ''));
    // On a phone the filters start folded, so the results are not pushed below a long list.
    const filters = this.querySelector<HTMLDetailsElement>('[data-search-filters]');
    if (filters && window.matchMedia('(max-width: 48rem)').matches) filters.open = false;
    this.querySelectorAll<HTMLElement>('[data-search-js]').forEach((node) => node.removeAttribute('hidden'));

    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#typingTimer);
      this.#commit('push');
    });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#typingTimer);
      const term = this.#input.value.trim();
      if (term) void this.#load().then((pagefind) => pagefind.preload(pagefindTerm({ ...this.#state, q: term }) ?? ''));
      // The first pause in a burst of typing adds a history entry; later pauses update it, so
      // Back returns to the previous search rather than to every prefix typed.
      this.#typingTimer = setTimeout(() => {
        this.#commit(this.#typing ? 'replace' : 'push');
        this.#typing = true;
      }, TYPING_DELAY_MS);
    });
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
      const list = toggle.previousElementSibling as HTMLElement;
      this.#applyExpansion(key, list, toggle);
    });
    this.#more.addEventListener('click', () => {
      // Pages load one after another, so quick clicks append them in order.
      const run = this.#run;
      this.#moreQueue = this.#moreQueue.then(() => (run === this.#run ? this.#showMore(run, true) : undefined));
    });
    this.#clear.addEventListener('click', () => {
      const next = { ...emptyState(), q: this.#state.q, sort: this.#state.sort };
      this.#navigate(next, 'push');
      this.#input.focus();
    });
    window.addEventListener('popstate', () => this.#restore());
    this.#restore();
  }

  /** Loads Pagefind once; the bundle path comes from the element's data-bundle attribute. */
  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset.bundle ?? '/pagefind/';
      const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      // Searching on the main thread costs a few ms per query and saves the worker script
      // (12 KB) and a message round trip per result on every query.
      await pagefind.options({ excerptLength: 36, noWorker: true });
      await pagefind.init();
      // Every filter chunk (a few KB) is loaded before the first search, so searches report
      // counts for all facets, not only for those the current filters touch. Not awaited
      // here: the first search fetches its index chunk meanwhile.
      this.#filtersLoaded = pagefind.filters().then(() => undefined);
      return pagefind;
    })();
    return this.#pagefind;
  }

  /** Reads the state from the form and records it in the URL. */
  #commit(mode: 'push' | 'replace'): void {
    const state = stateFromSearch(`?${new URLSearchParams(new FormData(this.#form) as unknown as string)}`);
    this.#navigate(state, mode);
  }

  #navigate(state: SearchState, mode: 'push' | 'replace'): void {
    if (mode === 'push') this.#typing = false;
    const search = searchFromState(state);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}`;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    void this.#search(state);
  }

  /** Sets the form from the URL and searches; on load and on back/forward. */
  #restore(): void {
    this.#typing = false;
    const state = stateFromSearch(window.location.search);
    this.#input.value = state.q;
    this.#sort.value = state.sort;
    void this.#search(state);
  }

  async #search(state: SearchState): Promise<void> {
    const run = ++this.#run;
    this.#state = state;
    const selected = FACET_KEYS.reduce((sum, key) => sum + state.filters[key].length, 0);
    // The title names the search, for history entries, bookmarks and screen readers.
    const named = [state.q && `“${state.q}”`, selected && `${selected} filter${selected > 1 ? 's' : ''}`].filter(Boolean);
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
      this.#settled(run);
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
      const total = Object.values(counts.doc ?? {}).reduce((sum, count) => sum + count, 0);
      this.#status.textContent =
        `Search ${plural(total, 'paragraph', 'paragraphs')} of the library, or choose a filter ` +
        'to browse, for example every paragraph citing a body.';
      this.dataset.state = 'empty';
      this.#settled(run);
      return;
    }
    const started = performance.now();
    const options = { filters: pagefindFilters(state), sort: pagefindSort(state) };
    const term = pagefindTerm(state);
    if (term !== null) await Promise.all([this.#filtersLoaded, pagefind.preload(term, options)]);
    else await this.#filtersLoaded;
    const response = await pagefind.search(term, options);
    if (run !== this.#run) return;
    const searched = performance.now();
    this.#results = response.results;
    this.#shown = 0;
    // Result data is fetched while the facets render.
    const shown = this.#showMore(run, false);
    this.#renderFacets(response.filters, state);
    const faceted = performance.now();
    await shown;
    // Phase timings (search, facets, result data + rendering) read by scripts/bench-search.ts.
    this.dataset.timings = [searched - started, faceted - searched, performance.now() - faceted]
      .map((ms) => ms.toFixed(1))
      .join(' ');
    if (run !== this.#run) return;
    this.#status.textContent = this.#describe(state, response.results.length);
    this.dataset.state = response.results.length ? 'results' : 'none';
    this.#settled(run);
  }

  /** Marks run `run` as rendered: data-run lets tests and the benchmark wait for exactly it. */
  #settled(run: number): void {
    if (run !== this.#run) return;
    this.#list.removeAttribute('aria-busy');
    delete this.dataset.busy;
    this.dataset.run = String(run);
    if (run === 1) performance.mark('search-rendered');
  }

  #describe(state: SearchState, count: number): string {
    const chosen = FACET_KEYS.flatMap((key) =>
      state.filters[key].map((value) => `${this.#titles[key] ?? key}: ${this.#labels[key]?.[value] ?? value}`),
    );
    const what = state.q ? ` for “${state.q}”` : '';
    const within = chosen.length ? `, filtered by ${chosen.join('; ')}` : '';
    if (count === 0) {
      const hint = chosen.length
        ? ' Remove a filter, or try other words.'
        : ' Try other words, fewer words, or an exact phrase in quotes.';
      return `No paragraphs found${what}${within}.${hint}`;
    }
    return `${plural(count, 'paragraph', 'paragraphs')} found${what}${within}.`;
  }

  /** Renders the next page of results; `focusFirst` moves focus to the first new result. */
  async #showMore(run: number, focusFirst: boolean): Promise<void> {
    const start = this.#shown;
    const slice = this.#results.slice(start, start + PAGE_SIZE);
    // Counted before the data arrives, so a second click asks for the page after this one.
    this.#shown += slice.length;
    const data = await Promise.all(slice.map((result) => result.data()));
    if (run !== this.#run) return;
    const items = data.map((result) => this.#renderResult(result));
    if (start === 0) this.#list.replaceChildren(...items);
    else this.#list.append(...items);
    const remaining = this.#results.length - this.#shown;
    this.#more.hidden = remaining <= 0;
    this.#more.textContent = `Show ${Math.min(PAGE_SIZE, remaining)} more of ${remaining.toLocaleString('en')}`;
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

  #renderFacets(counts: Record<string, Record<string, number>>, state: SearchState): void {
    const active = document.activeElement;
    const focused =
      active instanceof HTMLInputElement && this.#facets.contains(active) ? `${active.name}=${active.value}` : null;
    const groups = FACET_KEYS.map((key) => this.#renderFacet(key, counts[key] ?? {}, state.filters[key]));
    const shown = groups.filter((group): group is HTMLFieldSetElement => group !== null);
    if (shown.length) this.#facets.replaceChildren(...shown);
    else this.#facets.replaceChildren(element('p', { class: 'search-facets-none' }, 'No filters apply to this search.'));
    if (focused) {
      const [name, value] = focused.split('=');
      const again = [...this.#facets.querySelectorAll<HTMLInputElement>('input')].find(
        (input) => input.name === name && input.value === value,
      );
      again?.focus();
    }
  }

  #renderFacet(key: FacetKey, counts: Record<string, number>, selected: string[]): HTMLFieldSetElement | null {
    const labels = this.#labels[key] ?? {};
    const values = [...new Set([...Object.keys(counts).filter((value) => counts[value] > 0), ...selected])];
    if (values.length === 0) return null;
    const label = (value: string): string => labels[value] ?? value;
    const labelOrder = Object.keys(labels);
    values.sort((a, b) => {
      const chosen = Number(selected.includes(b)) - Number(selected.includes(a));
      if (chosen) return chosen;
      if (key === 'article') return Number(a) - Number(b);
      if (key === 'doc' || key === 'cycle' || key === 'type' || key === 'author') {
        return labelOrder.indexOf(a) - labelOrder.indexOf(b);
      }
      return (counts[b] ?? 0) - (counts[a] ?? 0) || label(a).localeCompare(label(b), 'en');
    });
    const list = element('ul', { class: 'search-facet-values', role: 'list' });
    for (const value of values) {
      const id = `facet-${key}-${value}`;
      const input = element('input', { type: 'checkbox', name: key, value, id });
      input.checked = selected.includes(value);
      const count = counts[value] ?? 0;
      list.append(
        element(
          'li',
          {},
          input,
          element(
            'label',
            { for: id },
            label(value),
            ' ',
            element('span', { class: 'search-facet-count' }, `(${count.toLocaleString('en')})`),
          ),
        ),
      );
    }
    const fieldset = element(
      'fieldset',
      { class: 'search-facet', 'data-facet': key },
      element('legend', {}, this.#titles[key] ?? key),
      list,
    );
    if (values.length > FACET_VISIBLE + 1) {
      const toggle = element('button', {
        type: 'button',
        class: 'search-facet-toggle',
        'data-facet-toggle': key,
        'aria-controls': `facet-list-${key}`,
      });
      list.id = `facet-list-${key}`;
      fieldset.append(toggle);
      this.#applyExpansion(key, list, toggle);
    }
    return fieldset;
  }

  #applyExpansion(key: FacetKey, list: HTMLElement, toggle: HTMLButtonElement): void {
    const open = this.#expanded.has(key);
    const items = [...list.children] as HTMLElement[];
    items.forEach((item, index) => {
      const checked = item.querySelector('input')?.checked ?? false;
      item.hidden = !open && index >= FACET_VISIBLE && !checked;
    });
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Show fewer' : `Show all ${items.length}`;
  }
}

if (!customElements.get('search-app')) customElements.define('search-app', SearchApp);
