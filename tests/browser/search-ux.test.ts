/**
 * The search page as a reader meets it, in headless Chromium against the built site: without
 * JavaScript, with a word the library does not contain, with a quoted phrase, by keyboard, on a
 * phone (390 px), and with URL parameters named like Object.prototype members. Expectations come
 * from dist/data/paragraphs.json, the vocabulary the build wrote, and computed styles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startServer } from '../../scripts/serve.ts';
import {
  ROOT,
  type ParagraphFacts,
  allResultIds,
  announcedCount,
  completedRun,
  launchBrowser,
  loadParagraphs,
  openSearch,
  settle,
  statusText,
  watchProblems,
} from './harness.ts';

const dist = inject('atlasDist') ?? process.env.ATLAS_TEST_DIST ?? join(ROOT, 'dist');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let server: RunningServer;
let browser: Browser;
let paragraphs: Map<string, ParagraphFacts>;
let vocabulary: string[];
const contexts: BrowserContext[] = [];

/** A page in a fresh context, watched for console errors, failed requests and uncaught exceptions. */
async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  contexts.push(context);
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}

/** Words of a text as the tests compare them (lower case, letters and digits). */
const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether some paragraph of the dataset has a word starting with `prefix`. */
const inLibrary = (prefix: string): boolean =>
  [...paragraphs.values()].some((p) => words(p.text).some((word) => word.startsWith(prefix)));

/** The page's horizontal overflow: document width beyond the viewport, in px. */
const overflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored: opaque colours expected). */
function contrast(a: string, b: string): number {
  const luminance = (color: string): number => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const channel = (v: number): number => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(bl);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

beforeAll(async () => {
  paragraphs = loadParagraphs(dist);
  vocabulary = readFileSync(join(dist, 'search/vocabulary.txt'), 'utf8').split('\n').filter(Boolean);
  server = await startServer({ root: dist });
  browser = await launchBrowser();
}, 60_000);

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search without JavaScript', { timeout: 60_000 }, () => {
  it('says that search needs JavaScript, offers the browsing pages, and shows no form or shortcut that cannot work', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const { page } = await open({ javaScriptEnabled: false, viewport });
      const response = await page.goto(`${server.url}/search/?q=torture`);
      expect(response?.status()).toBe(200);
      const notice = page.locator('[data-search-nojs]');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/needs JavaScript/);
      // Neither the page's form nor a header search box: both would reload this same page.
      expect(await page.locator('#search-q').isVisible()).toBe(false);
      expect(await page.locator('input[type="search"]:visible').count()).toBe(0);
      expect(await page.locator('text=Press / to search').isVisible()).toBe(false);
      // The browsing links all lead to pages that exist.
      const hrefs = await notice.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      for (const path of ['/documents/', '/rights/', '/bodies/']) expect(hrefs).toContain(path);
      for (const href of hrefs) {
        const target = await page.request.get(`${server.url}${href}`);
        expect(target.status(), href).toBe(200);
      }
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    }
  });

  it('hides the "Press / to search" hint without JavaScript on other pages, and shows it with JavaScript', async () => {
    const { page: off } = await open({ javaScriptEnabled: false });
    await off.goto(`${server.url}/`);
    expect(await off.locator('.site-header input[type="search"]').isVisible()).toBe(true);
    expect(await off.locator('[data-search-hint]').isVisible()).toBe(false);
    const { page: on, problems } = await open();
    await on.goto(`${server.url}/`);
    expect(await on.locator('[data-search-hint]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('with JavaScript, shows the form and not the notice, and no second search box in the header', async () => {
    const { page, problems } = await open();
    await openSearch(page, server.url, '?q=torture');
    expect(await page.locator('[data-search-nojs]').isVisible()).toBe(false);
    expect(await page.locator('#search-q').isVisible()).toBe(true);
    expect(await page.locator('.site-header input[type="search"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('words the library does not contain', { timeout: 60_000 }, () => {
  it('"tortue" says no paragraph contains it and shows the results for "torture", the closest word', async () => {
    expect(inLibrary('tortue'), 'the test needs a word no paragraph contains').toBe(false);
    expect(vocabulary).toContain('torture');
    const { page, problems } = await open();
    await openSearch(page, server.url, '?q=torture');
    const torture = await allResultIds(page);
    await openSearch(page, server.url, '?q=tortue');
    const status = await statusText(page);
    expect(status).toContain('No paragraph contains “tortue”.');
    expect(status).toContain('Showing results for “torture” instead');
    expect(status).toContain(`${torture.length.toLocaleString('en')} paragraphs found`);
    expect(await allResultIds(page)).toEqual(torture);
    // The field keeps what the reader typed, and the URL too.
    expect(await page.inputValue('#search-q')).toBe('tortue');
    expect(new URL(page.url()).searchParams.get('q')).toBe('tortue');
    expect(problems).toEqual([]);
  });

  it('"torure", which Pagefind alone would search as "to", also shows the results for "torture"', async () => {
    expect(inLibrary('torure')).toBe(false);
    const { page } = await open();
    await openSearch(page, server.url, '?q=torture');
    const torture = await allResultIds(page);
    await openSearch(page, server.url, '?q=torure');
    expect(await statusText(page)).toContain('No paragraph contains “torure”. Showing results for “torture” instead');
    expect(await allResultIds(page)).toEqual(torture);
  });

  it('corrects one word of several and keeps the others, and corrects a word inside a quoted phrase', async () => {
    const { page } = await open();
    await openSearch(page, server.url, '?q=torture+detention');
    const expected = await allResultIds(page);
    expect(expected.length).toBeGreaterThan(0);
    await openSearch(page, server.url, '?q=tortue+detention');
    expect(await statusText(page)).toContain('No paragraph contains “tortue”. Showing results for “torture detention” instead');
    expect(await allResultIds(page)).toEqual(expected);
    await openSearch(page, server.url, `?q=${encodeURIComponent('"national preventiv mechanism"')}`);
    expect(await statusText(page)).toContain(
      'No paragraph contains “preventiv”. Showing results for “national preventive mechanism” instead',
    );
    for (const id of await allResultIds(page)) {
      expect(paragraphs.get(id)!.text.replace(/\s+/g, ' ').toLowerCase(), id).toContain('national preventive mechanism');
    }
  });

  it('a word with no close word shows no results and says why, instead of Pagefind\'s stand-in', async () => {
    const { page } = await open();
    await openSearch(page, server.url, '?q=zzyzxquux');
    expect(await statusText(page)).toMatch(/^No paragraphs found for “zzyzxquux”: no paragraph contains that word/);
    expect(await page.locator('.search-result').count()).toBe(0);
  });

  it('says nothing about words that are there: inflections and word starts', async () => {
    const { page } = await open();
    for (const q of ['tortured', 'journ', 'ill-treatment', 'CAT']) {
      await openSearch(page, server.url, `?q=${encodeURIComponent(q)}`);
      expect(await statusText(page), q).toMatch(/^[\d,]+ paragraphs? found for /);
      expect(await announcedCount(page), q).toBeGreaterThan(0);
    }
  });
});

describe('phrases, keyboard and layout', { timeout: 60_000 }, () => {
  it('names a quoted phrase in one pair of quotes, in the status line and the page title', async () => {
    const { page } = await open();
    for (const q of ['"national preventive mechanism"', '“national preventive mechanism”']) {
      await openSearch(page, server.url, `?q=${encodeURIComponent(q)}`);
      const status = await statusText(page);
      expect(status).toMatch(/^\d+ paragraphs found for “national preventive mechanism”\.$/);
      const title = await page.title();
      expect(title.startsWith('“national preventive mechanism” — ')).toBe(true);
      for (const text of [status, title]) expect(text).not.toMatch(/[“”]"|"[“”]|“[“”]|""/);
    }
  });

  it('a skip control straight after the query field reaches the first result in two Tab presses', async () => {
    const { page, problems } = await open();
    await openSearch(page, server.url, '?q=torture');
    await page.focus('#search-q');
    const skip = page.locator('[data-search-skip]');
    // Out of sight until it has focus.
    expect(await skip.evaluate((node) => getComputedStyle(node).clipPath)).not.toBe('none');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-skip'))).toBe(true);
    expect(await skip.evaluate((node) => getComputedStyle(node).clipPath)).toBe('none');
    const box = await skip.boundingBox();
    expect(box!.width).toBeGreaterThan(40);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-status');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    expect(first).toBe(await page.locator('.search-result a[data-result-context]').first().getAttribute('href'));
    expect(problems).toEqual([]);
  });

  it('on a phone: no sideways scrolling, results on the first screen, and the order menu inside the viewport', async () => {
    const { page, problems } = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    for (const search of ['', '?q=torture', '?q=tortue&body=cat', '?q=zzyzxquux', '?right=torture&sort=date-desc']) {
      await openSearch(page, server.url, search);
      expect(await overflow(page), `/search/${search}`).toBeLessThanOrEqual(0);
    }
    await openSearch(page, server.url, '?q=torture');
    expect(await page.locator('[data-search-filters]').evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    const result = await page.locator('.search-result').first().boundingBox();
    expect(result!.y).toBeLessThan(PHONE.height - 100);
    const sort = await page.locator('select[name="sort"]').boundingBox();
    expect(sort!.x).toBeGreaterThanOrEqual(0);
    expect(sort!.x + sort!.width).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
  });

  it('on a phone, ticking a filter marks it and shows a sticky "Show N results" control that leads to them', async () => {
    const { page, problems } = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await openSearch(page, server.url, '?q=torture');
    await page.locator('[data-search-filters] > summary').click();
    const facet = page.locator('fieldset[data-facet="body"] li').first();
    const value = await facet.locator('input').getAttribute('value');
    const untickedBackground = await facet.evaluate((node) => getComputedStyle(node).backgroundColor);
    const before = await completedRun(page);
    await facet.locator('label').click();
    await settle(page, before);
    const ticked = page.locator(`fieldset[data-facet="body"] li:has(input[value="${value}"])`);
    expect(await ticked.evaluate((node) => getComputedStyle(node).backgroundColor)).not.toBe(untickedBackground);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const apply = page.locator('[data-search-apply]');
    const count = await announcedCount(page);
    expect(count).toBeGreaterThan(0);
    expect(await apply.textContent()).toBe(`Show ${count.toLocaleString('en')} result${count === 1 ? '' : 's'}`);
    // Sticky: still in view after scrolling down through the filters.
    await page.mouse.wheel(0, 500);
    await page.waitForFunction(() => scrollY > 0);
    const box = await apply.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height + 1);
    expect(box!.y).toBeGreaterThan(PHONE.height / 2);
    await apply.click();
    expect(await page.locator('[data-search-filters]').evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-status');
    const status = await page.locator('#search-status').boundingBox();
    expect(status!.y).toBeGreaterThanOrEqual(-1);
    expect(status!.y).toBeLessThan(PHONE.height / 2);
    expect(problems).toEqual([]);
  });

  it('the "Show N results" control stays out of the way on a desktop', async () => {
    const { page } = await open();
    await openSearch(page, server.url, '?q=torture&body=cat');
    expect(await page.locator('[data-search-apply]').isVisible()).toBe(false);
  });

  it('placeholder text has at least 4.5:1 contrast, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open({ colorScheme });
      await page.goto(`${server.url}/`);
      const colours = await page.locator('.site-header .search-box-input').evaluate((input) => ({
        text: getComputedStyle(input, '::placeholder').color,
        background: getComputedStyle(input).backgroundColor,
      }));
      expect(contrast(colours.text, colours.background), `${colorScheme}: ${JSON.stringify(colours)}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('search state with parameters named like Object.prototype members', { timeout: 60_000 }, () => {
  it.each([
    ['?right=toString&q=torture', 'Right or theme: toString'],
    ['?body=__proto__', 'Body cited: __proto__'],
    ['?body=constructor&q=torture', 'Body cited: constructor'],
    ['?doc=hasOwnProperty', 'Document: hasOwnProperty'],
  ])('%s settles, finds nothing, and names the value as typed', async (search, named) => {
    const { page, problems } = await open();
    await openSearch(page, server.url, search);
    const status = await statusText(page);
    expect(status).toMatch(/^No paragraphs found/);
    expect(status).toContain(named);
    const facets = (await page.locator('[data-search-facets]').textContent()) ?? '';
    for (const text of [status, facets]) {
      expect(text).not.toMatch(/\[object Object\]|function|native code|NaN/);
    }
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
