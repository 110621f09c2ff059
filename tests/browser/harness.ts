/**
 * Shared harness for the browser tests and the search benchmark: the built site's location,
 * its dataset (dist/data/paragraphs.json), headless Chromium, and helpers that drive the
 * search page (<search-app>) and wait for exactly the search they started.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { loadedCorpus } from '../corpora.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** What the tests need to know about one paragraph. */
export interface ParagraphFacts {
  id: string;
  document: string;
  anchor: string;
  text: string;
  rights: string[];
  bodies: string[];
}

/** Registry entries the tests look values up in. */
export interface Registries {
  documents: Array<{ id: string; type: string; author: { kind: string }; cycle: string }>;
  bodies: Array<{ id: string; name: string; abbreviations?: string[] }>;
  rights: Array<{ id: string; name: string; iccpr: string[] }>;
}

/** Reads a registry file of the project. */
export function registries(): Registries {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'content/registry', `${name}.json`), 'utf8'));
  return {
    // Documents as the ingest resolved them for the built site.
    documents: loadedCorpus().documents as Registries['documents'],
    bodies: read('bodies') as Registries['bodies'],
    rights: read('rights') as Registries['rights'],
  };
}

/**
 * The paragraphs of the built site, by id. Reads dist/data/paragraphs.json (an array, or an
 * object with a `paragraphs` array); paragraph text missing there is taken from the ingest
 * output next to dist/ (content/generated/paragraphs/).
 */
export function loadParagraphs(dist: string): Map<string, ParagraphFacts> {
  const file = join(dist, 'data/paragraphs.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: the build must export the dataset`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const list = (Array.isArray(raw) ? raw : (raw as { paragraphs?: unknown[] }).paragraphs) as
    | Array<Record<string, unknown>>
    | undefined;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of paragraphs or { paragraphs: [...] }`);
  const texts = new Map<string, string>();
  const generated = join(dist, '../content/generated/paragraphs');
  if (list.some((p) => typeof p.text !== 'string') && existsSync(generated)) {
    for (const name of readdirSync(generated).filter((n) => n.endsWith('.json'))) {
      for (const p of JSON.parse(readFileSync(join(generated, name), 'utf8')) as Array<{ id: string; text: string }>) {
        texts.set(p.id, p.text);
      }
    }
  }
  const paragraphs = new Map<string, ParagraphFacts>();
  for (const p of list) {
    const document = String(p.document);
    const anchor = String(p.anchor);
    const id = typeof p.id === 'string' ? p.id : `${document}/${anchor}`;
    paragraphs.set(id, {
      id,
      document,
      anchor,
      text: typeof p.text === 'string' ? p.text : (texts.get(id) ?? ''),
      rights: (p.rights as string[] | undefined) ?? [],
      bodies: (p.bodies as string[] | undefined) ?? [],
    });
  }
  return paragraphs;
}

/** Paragraph id of a permanent-page URL (/documents/{doc}/{anchor}/), or null for other URLs. */
export function paragraphIdOf(url: string): string | null {
  const path = new URL(url, 'http://x').pathname;
  const match = path.match(/\/documents\/([^/]+)\/([^/]+)\/$/);
  return match ? `${match[1]}/${match[2]}` : null;
}

/** Launches headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Collects console errors, uncaught exceptions and failed requests of a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // A request cut short because the test navigated on (a favicon still loading) is no fault.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  return problems;
}

/** Number of the last search the page finished rendering (0 before the first). */
export async function completedRun(page: Page): Promise<number> {
  return page.$eval('search-app', (app) => Number((app as HTMLElement).dataset.run ?? 0));
}

/** Waits until the search page has rendered a search newer than `after`. */
export async function settle(page: Page, after: number): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const app = document.querySelector<HTMLElement>('search-app');
      return app !== null && app.dataset.busy === undefined && Number(app.dataset.run ?? 0) > previous;
    },
    after,
    { timeout: 15_000 },
  );
}

/** Opens the search page at `search` (e.g. "?q=torture") and waits for its first search. */
export async function openSearch(page: Page, base: string, search = ''): Promise<void> {
  await page.goto(`${base}/search/${search}`);
  await settle(page, 0);
}

/** The status line the page announces (aria-live). */
export async function statusText(page: Page): Promise<string> {
  return (await page.textContent('[data-search-status]'))?.trim() ?? '';
}

/** Result count announced in the status line ("12 paragraphs found …"), 0 for none. */
export async function announcedCount(page: Page): Promise<number> {
  const match = (await statusText(page)).match(/^([\d,]+) paragraphs? found/);
  return match ? Number(match[1].replace(/,/g, '')) : 0;
}

/** Paragraph ids of every result, pressing "Show more" until all are listed. */
export async function allResultIds(page: Page): Promise<string[]> {
  for (;;) {
    const more = page.locator('[data-search-more]');
    if (!(await more.isVisible())) break;
    const before = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
  }
  const hrefs = await page.$$eval('a[data-result-permalink]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((href) => {
    const id = paragraphIdOf(href);
    if (!id) throw new Error(`result link ${href} is not a paragraph's permanent page`);
    return id;
  });
}

/** Facet counts as shown: value → count, for one facet. */
export async function facetCounts(page: Page, facet: string): Promise<Record<string, number>> {
  return page.$$eval(`fieldset[data-facet="${facet}"] li`, (items) =>
    Object.fromEntries(
      items.map((item) => {
        const input = item.querySelector('input') as HTMLInputElement;
        const count = item.querySelector('.search-facet-count')?.textContent ?? '(0)';
        return [input.value, Number(count.replace(/[^\d]/g, ''))];
      }),
    ),
  );
}

/** URL and indexed text of every record, read through Pagefind's own API in the page. */
export async function allRecords(page: Page): Promise<Array<{ url: string; content: string }>> {
  // A string, not a function: the test runner would rewrite a function's dynamic import().
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const all = await pagefind.search(null);
    const data = await Promise.all(all.results.map((result) => result.data()));
    return data.map((d) => ({ url: d.url, content: d.content }));
  })()`) as Promise<Array<{ url: string; content: string }>>;
}

/** Counts of paragraphs by a key, e.g. by document. */
export function countBy<T>(items: Iterable<T>, keys: (item: T) => string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) for (const key of keys(item)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
