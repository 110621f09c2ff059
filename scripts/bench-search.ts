/**
 * Search benchmark (not a test): drives the built site's search page in headless Chromium and
 * prints what a reader pays for search.
 *
 * - cold first query: a fresh browser context opens /search/?q=…; time until the first screen of
 *   results is shown and until the page is complete, and every byte transferred for it, the page
 *   included (the budget is 150 KB);
 * - warm queries: >= 20 further queries through the page (submit → first screen of results on
 *   screen, and → complete: ten results and the facets) and through Pagefind's API alone (search
 *   + data() of the top 10, and of the top 4: the page's first screen), median and 95th
 *   percentile, and the page/API ratios (target 1.3). Page and API are timed in two contexts of
 *   one browser, alternating query by query, so both see the same load on a shared machine;
 * - the same queries repeated once their files are loaded (the page's own cost, no network);
 * - queries typed a key at a time (80 ms apart): from the last key to the results on screen;
 * - bytes transferred per warm query; the search page's own load; the index size on disk.
 *
 * Bytes are response bodies as sent by scripts/serve.ts (text gzip-compressed, as a static host
 * would; Pagefind's index files are pre-compressed).
 *
 * Usage: `node scripts/bench-search.ts [siteDir] [--json]` (default dist; build it first).
 * `runSearchBench(siteDir)` returns the same figures for scripts/bench.ts.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startServer } from './serve.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** The cold query, then the warm ones: words, phrases, abbreviations, and rare and common terms. */
export const COLD_QUERY = 'torture';
export const WARM_QUERIES = [
  'detention',
  'women',
  'children',
  '"national preventive mechanism"',
  'freedom of expression',
  'journalists',
  'religion',
  'death penalty',
  'CAT',
  'ill-treatment',
  'trafficking',
  'elections',
  'ombudsman',
  'disabilities',
  'refugees',
  'corruption',
  'health',
  'education',
  'domestic violence',
  'extremism',
  'judges',
  'migrants',
  'language',
  'peaceful assembly',
  'torture',
];

/** Typed a key at a time; words not among the warm queries, so their files are not loaded yet. */
export const TYPED_QUERIES = ['prisoners', 'minorities', 'housing', 'labour', 'police', 'ratification'];

/** Filter-only browses timed through the API (search(null, { filters })). */
const BROWSES: Array<Record<string, { all: string[] }>> = [
  { body: { all: ['cat'] } },
  { right: { all: ['torture'] } },
  { author: { all: ['ngo'] }, right: { all: ['freedom-of-expression'] } },
  { cycle: { all: ['upr-4'] } },
];

/** Summary statistics of a list of milliseconds. */
export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Everything the benchmark measures. */
export interface SearchBenchResult {
  records: number;
  pageLoad: { bytes: number; requests: number };
  /**
   * First query: ms from navigation start to the first screen of results and to the complete
   * page, ms after DOMContentLoaded; Pagefind's bytes/requests; all bytes (page included).
   */
  cold: {
    query: string;
    ms: number;
    completeMs: number;
    afterDomReadyMs: number;
    bytes: number;
    requests: number;
    totalBytes: number;
  };
  /** Warm queries through the page: submit → first screen of results on screen. */
  warmUi: Stats;
  /** Warm queries through the page: submit → complete (first page of results and facets). */
  warmUiComplete: Stats;
  /** The warm queries again, with every file they need already loaded (complete). */
  repeatUi: Stats;
  /** Medians of the page's phases: search and first screen, facets, rest of the page. */
  warmUiParts: { firstScreen: number; facets: number; rest: number };
  /** Pagefind's API: search + data() of the top 10, in the same run, alternating with the page. */
  warmApi: Stats;
  /** Pagefind's API: search + data() of the top 4 (the work of the page's first screen). */
  warmApiFirstScreen: Stats;
  /** Page/API ratios of the medians and of the 95th percentiles. */
  ratio: { median: number; p95: number; completeMedian: number; completeP95: number; sameWorkMedian: number };
  /** Typed a key at a time: ms from the last key to the results of the whole query on screen. */
  typed: Stats;
  browseApi: Stats;
  warmBytes: { median: number; max: number; total: number; queries: number };
  index: { totalBytes: number; wasmBytes: number; jsBytes: number; indexChunks: { files: number; bytes: number }; filterBytes: number; fragments: { files: number; bytes: number }; metaBytes: number };
}

/** Median, 95th percentile (nearest rank), min and max. */
export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, p95: rank(0.95), min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

async function indexSize(siteDir: string): Promise<SearchBenchResult['index']> {
  const dir = join(siteDir, 'pagefind');
  const result: SearchBenchResult['index'] = {
    totalBytes: 0,
    wasmBytes: 0,
    jsBytes: 0,
    indexChunks: { files: 0, bytes: 0 },
    filterBytes: 0,
    fragments: { files: 0, bytes: 0 },
    metaBytes: 0,
  };
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const size = (await stat(join(entry.parentPath, entry.name))).size;
    result.totalBytes += size;
    if (entry.name.startsWith('wasm.')) result.wasmBytes += size;
    else if (entry.name.endsWith('.js')) result.jsBytes += size;
    else if (entry.name.endsWith('.pf_index')) {
      result.indexChunks.files += 1;
      result.indexChunks.bytes += size;
    } else if (entry.name.endsWith('.pf_filter')) result.filterBytes += size;
    else if (entry.name.endsWith('.pf_fragment')) {
      result.fragments.files += 1;
      result.fragments.bytes += size;
    } else if (entry.name.endsWith('.pf_meta')) result.metaBytes += size;
  }
  return result;
}

/** Submits `query` through the page's form; ms until its first screen is shown and until it is complete. */
function submitAndTime(page: Page, query: string): Promise<{ ms: number; completeMs: number; parts: number[] }> {
  return page.evaluate(
    (q) =>
      new Promise<{ ms: number; completeMs: number; parts: number[] }>((done) => {
        const app = document.querySelector('search-app') as HTMLElement;
        const input = document.getElementById('search-q') as HTMLInputElement;
        const before = Math.max(Number(app.dataset.run ?? 0), Number(app.dataset.shown ?? 0));
        let shownAt = Number.NaN;
        const check = (): void => {
          const now = performance.now();
          if (Number.isNaN(shownAt) && Number(app.dataset.shown ?? 0) > before) shownAt = now;
          if (Number(app.dataset.run ?? 0) > before && app.dataset.busy === undefined) {
            observer.disconnect();
            if (Number.isNaN(shownAt)) shownAt = now;
            done({
              ms: shownAt - started,
              completeMs: now - started,
              parts: (app.dataset.timings ?? '').split(' ').map(Number),
            });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(app, { attributes: true });
        const started = performance.now();
        input.value = q;
        input.form!.requestSubmit();
      }),
    query,
  );
}

/**
 * Types `query` into the page's field a key at a time, `gapMs` apart (input events, as a
 * keyboard sends them); resolves with ms from the last key until the status line names the
 * whole query with its first screen of results shown.
 */
function typeAndTime(page: Page, query: string, gapMs: number): Promise<number> {
  return page.evaluate(
    ([q, gap]) =>
      new Promise<number>((done) => {
        const app = document.querySelector('search-app') as HTMLElement;
        const input = document.getElementById('search-q') as HTMLInputElement;
        const status = app.querySelector('[data-search-status]') as HTMLElement;
        let lastKey = Number.NaN;
        const named = (): boolean => (status.textContent ?? '').includes(`“${q}”`) && app.dataset.state !== undefined;
        const observer = new MutationObserver(() => {
          if (!Number.isNaN(lastKey) && named()) {
            observer.disconnect();
            done(performance.now() - lastKey);
          }
        });
        observer.observe(app, { attributes: true, subtree: true, childList: true, characterData: true });
        let typed = 0;
        const key = (): void => {
          typed += 1;
          input.value = q.slice(0, typed);
          input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q[typed - 1], inputType: 'insertText' }));
          if (typed < q.length) setTimeout(key, gap);
          else lastKey = performance.now();
        };
        key();
      }),
    [query, gapMs] as const,
  );
}

/** Times Pagefind's API alone: search plus loading the data of the top `top` results. */
function apiTime(page: Page, query: string | null, filters: Record<string, unknown> = {}, top = 10): Promise<number> {
  // A string keeps any bundler from rewriting the dynamic import.
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const started = performance.now();
    const response = await pagefind.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)} });
    await Promise.all(response.results.slice(0, ${top}).map((result) => result.data()));
    return performance.now() - started;
  })()`) as Promise<number>;
}

/** Waits until the search page has rendered its first search. */
async function ready(page: Page): Promise<void> {
  await page.waitForSelector('search-app[data-run]');
}

/** Runs the benchmark against a built site; `queries` replaces the warm queries (e.g. a longer list for steadier medians). */
export async function runSearchBench(siteDir: string, queries: readonly string[] = WARM_QUERIES): Promise<SearchBenchResult> {
  if (!existsSync(join(siteDir, 'pagefind/pagefind-entry.json'))) {
    throw new Error(`${siteDir}: no Pagefind index; run npm run build first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium, or set CHROMIUM_PATH`);
  /** Bytes and requests since the last reset, split into Pagefind's files and the page's own. */
  const tally = { searchBytes: 0, searchRequests: 0, pageBytes: 0, pageRequests: 0 };
  const reset = (): void => {
    tally.searchBytes = tally.searchRequests = tally.pageBytes = tally.pageRequests = 0;
  };
  const server = await startServer({
    root: siteDir,
    onResponse: (entry) => {
      if (entry.path.startsWith('/pagefind/')) {
        tally.searchBytes += entry.bytes;
        tally.searchRequests += 1;
      } else {
        tally.pageBytes += entry.bytes;
        tally.pageRequests += 1;
      }
    },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    // Cold: a fresh context (empty cache) opens the search page with a query in its URL, as a
    // shared link or the header's search box does; timed to the first screen of results.
    const context = await browser.newContext();
    const first = await context.newPage();
    reset();
    await first.goto(`${server.url}/search/?q=${encodeURIComponent(COLD_QUERY)}`);
    await ready(first);
    const marks = await first.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const shown = performance.getEntriesByName('search-shown')[0];
      const rendered = performance.getEntriesByName('search-rendered')[0];
      return {
        shown: shown?.startTime ?? rendered?.startTime ?? Number.NaN,
        rendered: rendered?.startTime ?? Number.NaN,
        domReady: nav.domContentLoadedEventEnd,
      };
    });
    const pageLoad = { bytes: tally.pageBytes, requests: tally.pageRequests };
    const coldResult = {
      query: COLD_QUERY,
      ms: Math.round(marks.shown),
      completeMs: Math.round(marks.rendered),
      afterDomReadyMs: Math.round(marks.shown - marks.domReady),
      bytes: tally.searchBytes,
      requests: tally.searchRequests,
      totalBytes: tally.searchBytes + tally.pageBytes,
    };

    // The API alone, in a second context (its own cache), on the same page so it runs the
    // page's Pagefind options; warmed up with one query, as the page was by the cold one.
    const apiContext = await browser.newContext();
    const apiPage = await apiContext.newPage();
    await apiPage.goto(`${server.url}/search/`);
    await ready(apiPage);
    await apiTime(apiPage, COLD_QUERY);
    // A third context times the API doing the page's first-screen work (top 4), with its own cache.
    const firstScreenContext = await browser.newContext();
    const firstScreenPage = await firstScreenContext.newPage();
    await firstScreenPage.goto(`${server.url}/search/`);
    await ready(firstScreenPage);
    await apiTime(firstScreenPage, COLD_QUERY, {}, 4);

    const ui: number[] = [];
    const uiComplete: number[] = [];
    const api: number[] = [];
    const apiFirst: number[] = [];
    const parts: number[][] = [[], [], []];
    const perQueryBytes: number[] = [];
    for (const [index, query] of queries.entries()) {
      // Alternate which goes first, so neither always meets the machine just after the other.
      const timeUi = async (): Promise<void> => {
        await first.bringToFront();
        reset();
        const timed = await submitAndTime(first, query);
        perQueryBytes.push(tally.searchBytes + tally.pageBytes);
        ui.push(timed.ms);
        uiComplete.push(timed.completeMs);
        timed.parts.forEach((ms, part) => parts[part]?.push(ms));
      };
      const timeApi = async (): Promise<void> => {
        await apiPage.bringToFront();
        api.push(await apiTime(apiPage, query));
      };
      const timeApiFirst = async (): Promise<void> => {
        await firstScreenPage.bringToFront();
        apiFirst.push(await apiTime(firstScreenPage, query, {}, 4));
      };
      const order = [timeUi, timeApi, timeApiFirst];
      for (let turn = 0; turn < order.length; turn += 1) await order[(turn + index) % order.length]();
    }
    await firstScreenContext.close();
    await apiPage.bringToFront();
    const browse: number[] = [];
    for (const filters of BROWSES) browse.push(await apiTime(apiPage, null, filters));
    await apiContext.close();

    // The same queries again: index chunks and fragments are now in memory, so this is the
    // page's own cost (search in WebAssembly, excerpts, rendering) without any network.
    await first.bringToFront();
    const repeated: number[] = [];
    for (const query of queries) repeated.push((await submitAndTime(first, query)).completeMs);

    // Typing, a key every 80 ms, queries the page has not seen yet.
    const typed: number[] = [];
    for (const query of TYPED_QUERIES) {
      await submitAndTime(first, 'a');
      typed.push(await typeAndTime(first, query, 80));
    }
    await context.close();

    const warmUi = stats(ui);
    const warmUiComplete = stats(uiComplete);
    const warmApi = stats(api);
    const warmApiFirstScreen = stats(apiFirst);
    const entry = JSON.parse(await readFile(join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return {
      records: Object.values(entry.languages).reduce((sum, lang) => sum + lang.page_count, 0),
      pageLoad,
      cold: coldResult,
      warmUi,
      warmUiComplete,
      repeatUi: stats(repeated),
      warmUiParts: { firstScreen: stats(parts[0]).median, facets: stats(parts[1]).median, rest: stats(parts[2]).median },
      warmApi,
      warmApiFirstScreen,
      ratio: {
        median: warmUi.median / warmApi.median,
        p95: warmUi.p95 / warmApi.p95,
        completeMedian: warmUiComplete.median / warmApi.median,
        completeP95: warmUiComplete.p95 / warmApi.p95,
        sameWorkMedian: warmUi.median / warmApiFirstScreen.median,
      },
      typed: stats(typed),
      browseApi: stats(browse),
      warmBytes: {
        median: stats(perQueryBytes).median,
        max: Math.max(...perQueryBytes),
        total: perQueryBytes.reduce((sum, n) => sum + n, 0),
        queries: perQueryBytes.length,
      },
      index: await indexSize(siteDir),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Human-readable report of a benchmark result. */
export function formatSearchBench(result: SearchBenchResult): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  const line = (name: string, s: Stats): string =>
    `${name.padEnd(40)} median ${ms(s.median)}, p95 ${ms(s.p95)} (min ${ms(s.min)}, max ${ms(s.max)}, n=${s.n})`;
  const x = (n: number): string => `${n.toFixed(2)}×`;
  const i = result.index;
  const c = result.cold;
  const r = result.ratio;
  return [
    `Search benchmark: ${result.records} paragraph records`,
    `Search page itself (HTML, CSS, JS)       ${kb(result.pageLoad.bytes)} in ${result.pageLoad.requests} requests`,
    `Cold first query "${c.query}"`.padEnd(41) +
      `results on screen ${ms(c.ms)} from navigation (${ms(c.afterDomReadyMs)} after DOMContentLoaded), complete ${ms(c.completeMs)}; ` +
      `search files ${kb(c.bytes)} in ${c.requests} requests`,
    `First query transferred, page included   ${kb(c.totalBytes)} (budget 150 KB)`,
    line('Warm query, page: results on screen', result.warmUi),
    line('Warm query, page: complete', result.warmUiComplete),
    `  of which (medians)                      search + first screen ${ms(result.warmUiParts.firstScreen)}, facets ${ms(result.warmUiParts.facets)}, ` +
      `rest of the page ${ms(result.warmUiParts.rest)}`,
    line('Warm query, Pagefind API (top 10)', result.warmApi),
    line('Warm query, Pagefind API (top 4)', result.warmApiFirstScreen),
    `Page/API ratio (target ≤ 1.3)            on screen / API top 10: median ${x(r.median)}, p95 ${x(r.p95)}; ` +
      `complete / API top 10: median ${x(r.completeMedian)}, p95 ${x(r.completeP95)}; on screen / API top 4: median ${x(r.sameWorkMedian)}`,
    line('Repeated query, nothing to fetch', result.repeatUi),
    line('Typed (80 ms a key), last key → results', result.typed),
    line('Filter-only browse, API (top 10)', result.browseApi),
    `Bytes per warm query                     median ${kb(result.warmBytes.median)}, max ${kb(result.warmBytes.max)}, total ${kb(result.warmBytes.total)} over ${result.warmBytes.queries} queries`,
    `Index on disk                            ${kb(i.totalBytes)}: WASM ${kb(i.wasmBytes)}, JS ${kb(i.jsBytes)}, meta ${kb(i.metaBytes)}, ` +
      `${i.indexChunks.files} index chunks ${kb(i.indexChunks.bytes)}, filters ${kb(i.filterBytes)}, ` +
      `${i.fragments.files} fragments ${kb(i.fragments.bytes)}`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const siteDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? process.env.SITE_DIR ?? join(projectRoot, 'dist'));
  try {
    const result = await runSearchBench(siteDir);
    console.log(args.includes('--json') ? JSON.stringify(result, null, 2) : formatSearchBench(result));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
