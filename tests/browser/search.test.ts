/**
 * The paragraph search in headless Chromium against the built site, served by scripts/serve.ts
 * on a free localhost port with the site's own headers (CSP included). Expectations are computed
 * from dist/data/paragraphs.json and the registries, never from the search itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../../scripts/serve.ts';
import {
  ROOT,
  type ParagraphFacts,
  allRecords,
  allResultIds,
  announcedCount,
  completedRun,
  countBy,
  facetCounts,
  launchBrowser,
  loadParagraphs,
  openSearch,
  registries,
  settle,
  statusText,
  watchProblems,
} from './harness.ts';

const dist = inject('atlasDist') ?? process.env.ATLAS_TEST_DIST ?? join(ROOT, 'dist');
const registry = registries();
const catBody = registry.bodies.find((body) => body.abbreviations?.includes('CAT'));
const tortureRight = registry.rights.find((right) => right.iccpr.includes('7'));
const unCompilations = registry.documents.filter((doc) => doc.type === 'un-compilation').map((doc) => doc.id);

/** Text reduced to lower-case words, for comparing rendered text with the dataset. */
const squash = (text: string): string => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();

let server: RunningServer;
let browser: Browser;
let paragraphs: Map<string, ParagraphFacts>;
let context: BrowserContext;
let page: Page;
let problems: string[];

let records: Promise<Array<{ url: string; content: string }>> | undefined;

/** Every record's URL and text, read once through Pagefind in a page of its own. */
function everyRecord(): Promise<Array<{ url: string; content: string }>> {
  records ??= (async () => {
    const own = await browser.newContext();
    const reader = await own.newPage();
    await reader.goto(`${server.url}/search/`);
    try {
      return await allRecords(reader);
    } finally {
      await own.close();
    }
  })();
  return records;
}

/** A new page in a fresh browser context (no cache, no history), watched for problems. */
async function freshPage(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
  return page;
}

/** Types a query into the search page's field as a user would, and waits for its results. */
async function typeQuery(target: Page, query: string): Promise<void> {
  const before = await completedRun(target);
  await target.fill('#search-q', '');
  await target.locator('#search-q').pressSequentially(query);
  await target.keyboard.press('Enter');
  await target.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  await settle(target, before);
  // Typing may have started earlier searches; wait until the one for the full query is shown.
  await target.waitForFunction(
    (q) => (document.querySelector('[data-search-status]')?.textContent ?? '').includes(q) ||
      document.querySelector('search-app')?.getAttribute('data-state') === 'none',
    query,
  );
}

/** Ticks a facet checkbox by clicking its label, and waits for the new results. */
async function toggleFacet(target: Page, facet: string, value: string): Promise<void> {
  const before = await completedRun(target);
  await target.click(`label[for="facet-${facet}-${value}"]`);
  await settle(target, before);
}

beforeAll(async () => {
  paragraphs = loadParagraphs(dist);
  server = await startServer({ root: dist });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
});

describe('paragraph search in a real browser', { timeout: 60_000 }, () => {
  it('finds the registry entries the tests rely on', () => {
    expect(catBody?.id, 'a body with abbreviation CAT in content/registry/bodies.json').toBeTruthy();
    expect(tortureRight?.id, 'a right mapped to ICCPR article 7 in content/registry/rights.json').toBeTruthy();
    expect(unCompilations.length).toBe(2);
  });

  it('indexes every paragraph as one record on its permanent page, each recommendation on its own page, and no other page', async () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    // Recommendation pages carry records of their own (ids and texts findable; src/lib/recommendations.ts).
    const recommendations = (JSON.parse(readFileSync(join(dist, 'data/recommendations.json'), 'utf8')) as { permalink: string }[]).map((r) => r.permalink);
    const records = Object.values(entry.languages).reduce((sum, lang) => sum + lang.page_count, 0);
    expect(records).toBe(paragraphs.size + recommendations.length);

    const urls = (await everyRecord()).map((record) => record.url);
    const ids = urls.filter((url) => !url.startsWith('/recommendations/')).map((url) => url.replace(/^\/documents\/([^/]+)\/([^/]+)\/$/, '$1/$2'));
    expect(new Set(ids)).toEqual(new Set(paragraphs.keys()));
    expect(new Set(urls.filter((url) => url.startsWith('/recommendations/')))).toEqual(new Set(recommendations));
  });

  it('keeps headings, navigation and tag lists out of a record: its text is the paragraph text', async () => {
    const sample = [...paragraphs.values()];
    const contents = Object.fromEntries((await everyRecord()).map((record) => [record.url, record.content]));
    const mismatches: string[] = [];
    for (const p of sample) {
      const content = contents[`/documents/${p.document}/${p.anchor}/`] ?? '';
      const [paragraphText, terms = ''] = content.split('Index terms:');
      const indexed = squash(paragraphText);
      const expected = squash(p.text);
      if (indexed !== expected) {
        let at = 0;
        while (indexed[at] === expected[at]) at += 1;
        mismatches.push(`${p.id}: indexed "…${indexed.slice(at - 30, at + 30)}…", text "…${expected.slice(at - 30, at + 30)}…"`);
      }
      expect(terms.length, `${p.id}: index terms stay short`).toBeLessThan(4000);
    }
    expect(mismatches).toEqual([]);
  });

  it('"torture" filtered to the Committee against Torture returns paragraphs from both UN compilations and nothing from documents that do not cite it', async () => {
    const cat = catBody!.id;
    await freshPage();
    await openSearch(page, server.url);
    await typeQuery(page, 'torture');
    await toggleFacet(page, 'body', cat);
    expect(page.url()).toContain(`body=${cat}`);

    const ids = await allResultIds(page);
    expect(ids.length).toBe(await announcedCount(page));
    const found = ids.map((id) => paragraphs.get(id)!);
    expect(found.every((p) => p !== undefined)).toBe(true);
    // Every result cites the Committee against Torture ...
    expect(found.filter((p) => !p.bodies.includes(cat)).map((p) => p.id)).toEqual([]);
    // ... so no result comes from a document that never cites it ...
    const citing = new Set([...paragraphs.values()].filter((p) => p.bodies.includes(cat)).map((p) => p.document));
    expect(found.filter((p) => !citing.has(p.document)).map((p) => p.id)).toEqual([]);
    // ... both UN compilations are represented ...
    for (const doc of unCompilations) expect(found.some((p) => p.document === doc), doc).toBe(true);
    // ... and every paragraph citing it with the word "torture" in its text is found.
    const expected = [...paragraphs.values()].filter((p) => p.bodies.includes(cat) && /\btorture\b/i.test(p.text));
    expect(expected.map((p) => p.id).filter((id) => !ids.includes(id))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('filtering by a right narrows the counts consistently with dist/data/paragraphs.json', async () => {
    const right = tortureRight!.id;
    const all = [...paragraphs.values()];
    await freshPage();
    await openSearch(page, server.url);
    // Empty state: facet counts cover the whole library.
    expect(await page.getAttribute('search-app', 'data-state')).toBe('empty');
    expect(await facetCounts(page, 'doc')).toEqual(countBy(all, (p) => [p.document]));
    expect(await facetCounts(page, 'right')).toEqual(countBy(all, (p) => p.rights));

    // Browsing by the right: the result count and every other facet's counts match the dataset.
    await toggleFacet(page, 'right', right);
    const tagged = all.filter((p) => p.rights.includes(right));
    expect(await announcedCount(page)).toBe(tagged.length);
    expect(await facetCounts(page, 'doc')).toEqual(countBy(tagged, (p) => [p.document]));
    expect(await facetCounts(page, 'body')).toEqual(countBy(tagged, (p) => p.bodies));
    expect(await facetCounts(page, 'right')).toEqual(countBy(tagged, (p) => p.rights));

    // Adding a document narrows further, to the intersection.
    const doc = Object.entries(countBy(tagged, (p) => [p.document])).sort((a, b) => b[1] - a[1])[0][0];
    await toggleFacet(page, 'doc', doc);
    const both = tagged.filter((p) => p.document === doc);
    expect(await announcedCount(page)).toBe(both.length);
    expect(new Set(await allResultIds(page))).toEqual(new Set(both.map((p) => p.id)));
    expect(await facetCounts(page, 'right')).toEqual(countBy(both, (p) => p.rights));
    expect(problems).toEqual([]);
  });

  it('a result click lands on the right paragraph, scrolled into view and highlighted', async () => {
    await freshPage();
    await openSearch(page, server.url, '?q=%22national+preventive+mechanism%22');
    const shown = await page.locator('.search-result').count();
    // A result from the middle of the page, so that its paragraph is not at the top of its document.
    const first = page.locator('.search-result').nth(Math.floor(shown / 2));
    const contextHref = await first.locator('a[data-result-context]').getAttribute('href');
    const permalink = await first.locator('a[data-result-permalink]').getAttribute('href');
    const match = contextHref?.match(/\/documents\/([^/]+)\/#(.+)$/);
    expect(match, `context link ${contextHref}`).toBeTruthy();
    const [, doc, anchor] = match!;
    expect(permalink).toBe(`/documents/${doc}/${anchor}/`);

    await first.locator('a[data-result-context]').click();
    await page.waitForURL(`**/documents/${doc}/#${anchor}`);
    const landing = await page.evaluate((id) => {
      const target = document.getElementById(id)!;
      const box = target.getBoundingClientRect();
      const other = [...document.querySelectorAll(`[id]`)].find(
        (el) => el !== target && el.tagName === target.tagName && el.className === target.className,
      ) as HTMLElement | undefined;
      const look = (el: Element): string => {
        const style = getComputedStyle(el);
        return `${style.backgroundColor}|${style.outlineStyle}|${style.outlineColor}|${style.borderLeftColor}|${style.boxShadow}`;
      };
      return {
        isTarget: target.matches(':target'),
        inView: box.top >= 0 && box.top < innerHeight && box.bottom > 0,
        highlighted: other ? look(target) !== look(other) : false,
        text: target.textContent ?? '',
      };
    }, anchor);
    expect(landing.isTarget).toBe(true);
    expect(landing.inView).toBe(true);
    expect(landing.highlighted).toBe(true);
    expect(squash(landing.text)).toContain(squash(paragraphs.get(`${doc}/${anchor}`)!.text).slice(0, 120));

    // The permanent page is one click away from the result and holds the same paragraph.
    const response = await page.goto(`${server.url}${permalink}`);
    expect(response?.status()).toBe(200);
    expect(squash((await page.textContent('[data-pagefind-body]')) ?? '')).toContain(
      squash(paragraphs.get(`${doc}/${anchor}`)!.text).slice(0, 120),
    );
    expect(problems).toEqual([]);
  });

  it('a shared URL with query and filters restores the same results, and the back button restores the previous ones', async () => {
    const cat = catBody!.id;
    await freshPage();
    await openSearch(page, server.url);
    await typeQuery(page, 'detention');
    const unfiltered = await allResultIds(page);
    await toggleFacet(page, 'body', cat);
    await toggleFacet(page, 'author', 'un');
    const shared = page.url();
    const ids = await allResultIds(page);
    const status = await statusText(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(unfiltered.length);

    const other = await context.newPage();
    const otherProblems = watchProblems(other);
    await other.goto(shared);
    await settle(other, 0);
    expect(await other.inputValue('#search-q')).toBe('detention');
    expect(await other.isChecked(`#facet-body-${cat}`)).toBe(true);
    expect(await other.isChecked('#facet-author-un')).toBe(true);
    expect(await statusText(other)).toBe(status);
    expect(await allResultIds(other)).toEqual(ids);
    expect(otherProblems).toEqual([]);
    await other.close();
    // A background page gets no animation frames; bring the first one back before using it.
    await page.bringToFront();

    // Back twice: first without the author filter, then without any filter.
    let before = await completedRun(page);
    await page.goBack();
    await settle(page, before);
    expect(await page.isChecked('#facet-author-un')).toBe(false);
    before = await completedRun(page);
    await page.goBack();
    await settle(page, before);
    expect(new URL(page.url()).search).toBe('?q=detention');
    expect(await allResultIds(page)).toEqual(unfiltered);
    expect(problems).toEqual([]);
  });

  it('keeps one history entry per search typed, so Back returns to the previous search', async () => {
    await freshPage();
    await openSearch(page, server.url);
    await typeQuery(page, 'torture');
    const first = await allResultIds(page);
    await typeQuery(page, 'detention');
    const before = await completedRun(page);
    await page.goBack();
    await settle(page, before);
    expect(new URL(page.url()).search).toBe('?q=torture');
    expect(await page.inputValue('#search-q')).toBe('torture');
    expect(await allResultIds(page)).toEqual(first);
    expect(problems).toEqual([]);
  });

  it('keyboard-only use works: "/" focuses search, Enter searches, Space filters, Enter opens a result', async () => {
    const cat = catBody!.id;
    await freshPage();
    await page.goto(`${server.url}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    await page.keyboard.type('torture');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=torture');
    await settle(page, 0);
    expect(await announcedCount(page)).toBeGreaterThan(0);
    // On the search page "/" focuses the page's own field, not the header's.
    await page.locator('h1').first().click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');

    // Tab to the Committee against Torture checkbox and tick it with Space; focus stays on it.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((id) => document.activeElement?.id === id, `facet-body-${cat}`);
    }
    expect(reached).toBe(true);
    const before = await completedRun(page);
    await page.keyboard.press('Space');
    await settle(page, before);
    expect(page.url()).toContain(`body=${cat}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`facet-body-${cat}`);

    // Tab on to the first result and open it with Enter.
    reached = false;
    for (let i = 0; i < 120 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.hasAttribute('data-result-context') ?? false);
    }
    expect(reached).toBe(true);
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await page.keyboard.press('Enter');
    await page.waitForURL(href);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(new URL(href).hash.slice(1));
    expect(problems).toEqual([]);
  });

  it('finds paragraphs by synonyms: "CAT" by the body\'s abbreviation and "ill-treatment" by the torture right', async () => {
    const all = [...paragraphs.values()];
    await freshPage();
    await openSearch(page, server.url, '?q=CAT');
    const catIds = new Set(await allResultIds(page));
    const citing = all.filter((p) => p.bodies.includes(catBody!.id)).map((p) => p.id);
    expect(citing.filter((id) => !catIds.has(id))).toEqual([]);

    await openSearch(page, server.url, '?q=ill-treatment');
    const illIds = new Set(await allResultIds(page));
    const tagged = all.filter((p) => p.rights.includes(tortureRight!.id)).map((p) => p.id);
    expect(tagged.filter((id) => !illIds.has(id))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('a quoted phrase finds only paragraphs containing that exact phrase', async () => {
    await freshPage();
    await openSearch(page, server.url, '?q=%22national+preventive+mechanism%22');
    const phrase = await allResultIds(page);
    expect(phrase.length).toBeGreaterThan(0);
    for (const id of phrase) {
      expect(paragraphs.get(id)!.text.replace(/\s+/g, ' ').toLowerCase(), id).toContain('national preventive mechanism');
    }
    // Typographic quotes, as a word processor or a phone types them, make the same phrase search.
    await openSearch(page, server.url, `?q=${encodeURIComponent('“national preventive mechanism”')}`);
    expect(await allResultIds(page)).toEqual(phrase);
    await openSearch(page, server.url, '?q=national+preventive+mechanism');
    expect((await allResultIds(page)).length).toBeGreaterThanOrEqual(phrase.length);
    expect(problems).toEqual([]);
  });

  it('has no axe-core violations (WCAG 2.2 AA) with results, in the empty state and with no match, light and dark', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected as an inline script, which the site's CSP rightly forbids.
      context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme, bypassCSP: true });
      page = await context.newPage();
      for (const search of [`?q=torture&body=${catBody!.id}`, '', '?q=zzyzxquux']) {
        await openSearch(page, server.url, search);
        await page.addScriptTag({ content: axe });
        const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
          .then((r) => r.violations.map((v) => v.id + ' ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
        found.push(...violations.map((v) => `${colorScheme} /search/${search}: ${v}`));
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('says clearly when nothing matches, and offers no stale results', async () => {
    await freshPage();
    await openSearch(page, server.url, '?q=torture');
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    await typeQuery(page, 'zzyzxquux');
    expect(await page.getAttribute('search-app', 'data-state')).toBe('none');
    expect(await statusText(page)).toMatch(/^No paragraphs found for “zzyzxquux”/);
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
