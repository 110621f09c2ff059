/**
 * Search benchmark (not a test): drives the built site's search page in headless Chromium and
 * prints what a reader pays for search.
 *
 * - cold first query: a fresh browser context on /search/, one query submitted; time until the
 *   results are rendered, and bytes/requests fetched for it (Pagefind JS, worker, WASM, index);
 * - warm queries: >= 20 further queries through the page (submit → results rendered) and through
 *   Pagefind's API alone (search + data() of the top 10), median and 95th percentile; and the
 *   same queries repeated once their files are loaded (the page's own cost, no network);
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
  /** First query: ms from navigation start and from DOMContentLoaded; Pagefind bytes/requests. */
  cold: { query: string; ms: number; afterDomReadyMs: number; bytes: number; requests: number };
  warmUi: Stats;
  /** The warm queries again, with every file they need already loaded. */
  repeatUi: Stats;
  /** Medians of the page's own phases: Pagefind search, facet rendering, result data + rendering. */
  warmUiParts: { search: number; facets: number; results: number };
  warmApi: Stats;
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

/** Submits `query` through the page's form; resolves with ms until its results are rendered. */
function submitAndTime(page: Page, query: string): Promise<{ ms: number; parts: number[] }> {
  return page.evaluate(
    (q) =>
      new Promise<{ ms: number; parts: number[] }>((done) => {
        const app = document.querySelector('search-app') as HTMLElement;
        const input = document.getElementById('search-q') as HTMLInputElement;
        const before = Number(app.dataset.run ?? 0);
        const observer = new MutationObserver(() => {
          if (Number(app.dataset.run ?? 0) > before && app.dataset.busy === undefined) {
            observer.disconnect();
            const ms = performance.now() - started;
            done({ ms, parts: (app.dataset.timings ?? '').split(' ').map(Number) });
          }
        });
        observer.observe(app, { attributes: true });
        const started = performance.now();
        input.value = q;
        input.form!.requestSubmit();
      }),
    query,
  );
}

/** Times Pagefind's API alone: search plus loading the top 10 results' data. */
function apiTime(page: Page, query: string | null, filters: Record<string, unknown> = {}): Promise<number> {
  // A string keeps any bundler from rewriting the dynamic import.
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const started = performance.now();
    const response = await pagefind.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)} });
    await Promise.all(response.results.slice(0, 10).map((result) => result.data()));
    return performance.now() - started;
  })()`) as Promise<number>;
}

/** Runs the benchmark against a built site. */
export async function runSearchBench(siteDir: string): Promise<SearchBenchResult> {
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
    // shared link or the header's search box does; timed to the first rendered results.
    const context = await browser.newContext();
    const first = await context.newPage();
    reset();
    await first.goto(`${server.url}/search/?q=${encodeURIComponent(COLD_QUERY)}`);
    await first.waitForSelector('search-app[data-run]');
    const marks = await first.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const rendered = performance.getEntriesByName('search-rendered')[0];
      return { rendered: rendered?.startTime ?? Number.NaN, domReady: nav.domContentLoadedEventEnd };
    });
    const pageLoad = { bytes: tally.pageBytes, requests: tally.pageRequests };
    const coldResult = {
      query: COLD_QUERY,
      ms: Math.round(marks.rendered),
      afterDomReadyMs: Math.round(marks.rendered - marks.domReady),
      bytes: tally.searchBytes,
      requests: tally.searchRequests,
    };

    const ui: number[] = [];
    const parts: number[][] = [[], [], []];
    const perQueryBytes: number[] = [];
    for (const query of WARM_QUERIES) {
      reset();
      const timed = await submitAndTime(first, query);
      ui.push(timed.ms);
      timed.parts.forEach((ms, index) => parts[index]?.push(ms));
      perQueryBytes.push(tally.searchBytes + tally.pageBytes);
    }
    // The same queries again: index chunks and fragments are now in memory, so this is the
    // page's own cost (search in WebAssembly, excerpts, rendering) without any network.
    const repeated: number[] = [];
    for (const query of WARM_QUERIES) repeated.push((await submitAndTime(first, query)).ms);
    await context.close();

    // The API alone, in a fresh context so that no fragment is cached from the runs above.
    const apiContext = await browser.newContext();
    const apiPage = await apiContext.newPage();
    await apiPage.goto(`${server.url}/search/`);
    await apiPage.waitForSelector('search-app[data-run]');
    await apiTime(apiPage, 'warm-up');
    const api: number[] = [];
    for (const query of WARM_QUERIES) api.push(await apiTime(apiPage, query));
    const browse: number[] = [];
    for (const filters of BROWSES) browse.push(await apiTime(apiPage, null, filters));
    await apiContext.close();

    const entry = JSON.parse(await readFile(join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return {
      records: Object.values(entry.languages).reduce((sum, lang) => sum + lang.page_count, 0),
      pageLoad,
      cold: coldResult,
      warmUi: stats(ui),
      repeatUi: stats(repeated),
      warmUiParts: { search: stats(parts[0]).median, facets: stats(parts[1]).median, results: stats(parts[2]).median },
      warmApi: stats(api),
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
    `${name.padEnd(34)} median ${ms(s.median)}, p95 ${ms(s.p95)} (min ${ms(s.min)}, max ${ms(s.max)}, n=${s.n})`;
  const i = result.index;
  return [
    `Search benchmark: ${result.records} paragraph records`,
    `Search page itself (HTML, CSS, JS)  ${kb(result.pageLoad.bytes)} in ${result.pageLoad.requests} requests`,
    `Cold first query "${result.cold.query}"`.padEnd(35) +
      `${ms(result.cold.ms)} from navigation (${ms(result.cold.afterDomReadyMs)} after DOMContentLoaded); ` +
      `search files ${kb(result.cold.bytes)} in ${result.cold.requests} requests`,
    line('Warm query through the page', result.warmUi),
    `  of which (medians)                 search ${ms(result.warmUiParts.search)}, facets ${ms(result.warmUiParts.facets)}, ` +
      `result data + rendering ${ms(result.warmUiParts.results)}`,
    line('Repeated query, nothing to fetch', result.repeatUi),
    line('Warm query, Pagefind API (top 10)', result.warmApi),
    line('Filter-only browse, API (top 10)', result.browseApi),
    `Bytes per warm query                median ${kb(result.warmBytes.median)}, max ${kb(result.warmBytes.max)}, total ${kb(result.warmBytes.total)} over ${result.warmBytes.queries} queries`,
    `Index on disk                       ${kb(i.totalBytes)}: WASM ${kb(i.wasmBytes)}, JS ${kb(i.jsBytes)}, meta ${kb(i.metaBytes)}, ` +
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
