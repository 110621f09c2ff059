/**
 * The first query a reader makes, measured in Chromium on a built site: a fresh browser (empty
 * cache) opens a search page with a query in its URL, as a shared link or the header's search box
 * does, and waits for the results. Counts every byte the server sent (response bodies after
 * compression, as scripts/serve.ts and a static host send them), split into the search index's
 * files (/pagefind/…) and the page's own (HTML, CSS, JS).
 *
 * On a large site (src/lib/site-plan.ts) the page is one State's search (/search/{state}/); on a
 * full site, /search/. `searchAll` additionally measures what searching every index of a large
 * site at once would cost (Pagefind's mergeIndex over all of them, through its API).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../serve.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Bytes and time of one first query. */
export interface FirstQuery {
  /** The page opened, e.g. /search/abc/?q=torture. */
  url: string;
  /** Bytes of the index files (/pagefind/…) and of everything else. */
  searchBytes: number;
  pageBytes: number;
  requests: number;
  /** Milliseconds from navigation to the complete first page of results. */
  ms: number;
  /** Results reported by the page's status line. */
  status: string;
}

/** Opens `path` (with its query) on a fresh browser against `siteDir` and measures it. */
export async function firstQuery(siteDir: string, path: string): Promise<FirstQuery> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium, or set CHROMIUM_PATH`);
  const tally = { search: 0, page: 0, requests: 0 };
  const server = await startServer({
    root: siteDir,
    onResponse: (entry) => {
      if (entry.path.startsWith('/pagefind/')) tally.search += entry.bytes;
      else tally.page += entry.bytes;
      tally.requests += 1;
    },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    const started = performance.now();
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('search-app[data-run]:not([data-busy])', { timeout: 120_000 });
    const ms = performance.now() - started;
    const status = ((await page.textContent('[data-search-status]')) ?? '').trim();
    // Let late requests (fragments of the rest of the first page) finish before reading the tally.
    await page.waitForLoadState('networkidle');
    return { url: path, searchBytes: tally.search, pageBytes: tally.page, requests: tally.requests, ms: Math.round(ms), status };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Bytes of one query over every index of a large site at once (Pagefind's mergeIndex), through its API. */
export async function searchAll(siteDir: string, bundles: string[], query: string): Promise<{ bundles: number; bytes: number; requests: number; ms: number; results: number }> {
  const tally = { bytes: 0, requests: 0 };
  const server = await startServer({
    root: siteDir,
    onResponse: (entry) => {
      if (entry.path.startsWith('/pagefind/')) {
        tally.bytes += entry.bytes;
        tally.requests += 1;
      }
    },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/about/`);
    tally.bytes = 0;
    tally.requests = 0;
    const out = await page.evaluate(
      async ([list, q]) => {
        const started = performance.now();
        const pagefind = await import(`${list[0]}pagefind.js`);
        await pagefind.options({ excerptLength: 36, noWorker: true });
        for (const bundle of list.slice(1)) await pagefind.mergeIndex(bundle);
        const response = await pagefind.search(q);
        await Promise.all(response.results.slice(0, 10).map((r: { data(): Promise<unknown> }) => r.data()));
        return { ms: performance.now() - started, results: response.results.length as number };
      },
      [bundles, query] as const,
    );
    await page.waitForLoadState('networkidle');
    return { bundles: bundles.length, bytes: tally.bytes, requests: tally.requests, ms: Math.round(out.ms), results: out.results };
  } finally {
    await browser.close();
    await server.close();
  }
}
