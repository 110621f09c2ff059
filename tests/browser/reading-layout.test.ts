/**
 * Layout on a phone and on paper, in Chromium against the built site: no page kind scrolls sideways
 * at 390 px (measured with scrollWidth), wide tables scroll inside their own box and say so, print
 * shows no controls and one URL on a light citation box, and the small things of issue 11 (heat-map
 * scale in dark mode, placeholder contrast, spaces between links) stay fixed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { watchProblems } from './harness.ts';
import { type BuiltSite, builtSite, pageOfEveryKind } from './reading-site.ts';
import { PHONE, DESKTOP, readingSession } from './reading-session.ts';

const session = readingSession();
const dist = session.dist;

let site: BuiltSite;

/** A page in a fresh context of the given size and colour scheme. */
const open = (viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light', javaScriptEnabled = true): Promise<Page> =>
  session.open({ viewport, colorScheme, javaScriptEnabled });

/** WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
    const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(bl!);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

beforeAll(async () => {
  site = builtSite(dist);
}, 60_000);

describe('reading on a phone (390 px)', { timeout: 120_000 }, () => {
  it('never scrolls sideways, on any page kind, in either colour scheme', async () => {
    const urls = pageOfEveryKind(site);
    expect(urls.length).toBeGreaterThanOrEqual(20);
    const wide: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(PHONE, scheme);
      for (const url of urls) {
        await page.goto(`${session.url}${url}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) wide.push(`${url} (${scheme}): ${width} px`);
      }
      await session.close();
    }
    expect(wide).toEqual([]);
  });

  it('keeps a wide table scrolling inside its own box, with a visible "scroll sideways" cue that goes at the end', async () => {
    const page = await open(PHONE);
    await page.goto(`${session.url}/`);
    const box = page.locator('.table-scroll').first();
    const state = () =>
      box.evaluate((el) => ({
        scrolls: el.scrollWidth > el.clientWidth,
        overflow: el.hasAttribute('data-overflow'),
        atEnd: el.hasAttribute('data-at-end'),
        hint: getComputedStyle(el, '::before').content,
        mask: getComputedStyle(el).maskImage,
        // Absolutely positioned (visually hidden) text inside is placed against the box, so it cannot widen the page.
        hiddenSpansInside: [...el.querySelectorAll<HTMLElement>('.visually-hidden')].every((s) => s.offsetParent !== null && el.contains(s.offsetParent)),
      }));
    const start = await state();
    expect(start).toMatchObject({ scrolls: true, overflow: true, atEnd: false, hiddenSpansInside: true });
    expect(start.hint).toContain('Scroll sideways');
    expect(start.mask).toContain('gradient');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await page.waitForFunction(() => document.querySelector('.table-scroll')?.hasAttribute('data-at-end'));
    expect((await state()).mask).toBe('none');
  });

  it('gives tables in documents the same box and cue', async () => {
    const page = await open(PHONE);
    const withTable = site.documents.map((d) => d.id);
    let checked = 0;
    for (const id of withTable) {
      await page.goto(`${session.url}/documents/${id}/`);
      const figures = await page.$$eval('figure.table', (els) =>
        els.map((el) => ({ scrolls: el.scrollWidth > el.clientWidth, overflow: el.hasAttribute('data-overflow'), position: getComputedStyle(el).position })),
      );
      for (const f of figures) {
        expect(f.position).toBe('relative');
        expect(f.overflow).toBe(f.scrolls);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('print', { timeout: 60_000 }, () => {
  it('prints a paragraph page without controls, with its URL once, on a light citation box even in dark mode', async () => {
    const p = site.paragraphs.find((x) => x.footnotes.length > 0) ?? site.paragraphs[0]!;
    const page = await open(DESKTOP, 'dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.goto(`${session.url}/documents/${p.document}/${p.anchor}/`);
    const visible = async (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(await visible('button')).toBe(0);
    expect(await visible('.site-header, .site-footer, .prev-next, .search-box, nav')).toBe(0);
    const text = await page.evaluate(() => document.body.innerText);
    const url = `/documents/${p.document}/${p.anchor}/`;
    expect(text.split(url).length - 1, `the permanent URL in the printed text of ${url}`).toBe(1);
    const box = await page.locator('.citation-box').evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, fg: getComputedStyle(el).color }));
    expect(contrast(box.bg, 'rgb(255, 255, 255)')).toBeLessThan(1.1);
    expect(contrast(box.fg, box.bg)).toBeGreaterThanOrEqual(7);
  });

  it('prints a document page without its citation links, contents control or scroll hints', async () => {
    const page = await open(DESKTOP, 'dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.goto(`${session.url}/documents/${site.documents[0]!.id}/`);
    const shown = await page.$$eval('.ptools, .to-contents, .toc, button', (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(shown).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toMatch(/rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\)/);
  });
});

describe('small things', { timeout: 60_000 }, () => {
  it('draws the heat-map scale with the cells\' own colours, fewer to more, in both schemes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(DESKTOP, scheme);
      await page.goto(`${session.url}/`);
      const legend = await page.$$eval('.heat-legend .swatch', (els) => els.map((el) => [el.className, getComputedStyle(el).backgroundColor]));
      expect(legend.map(([c]) => c)).toEqual(['swatch heat-1', 'swatch heat-2', 'swatch heat-3', 'swatch heat-4']);
      for (const [cls, colour] of legend) {
        const level = cls!.split(' ')[1];
        const cell = await page.$eval(`.matrix td.${level}`, (el) => getComputedStyle(el).backgroundColor);
        expect(colour, `${level} in ${scheme}`).toBe(cell);
      }
      // "More" is the end that stands out most from the page.
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(contrast(legend[3]![1]!, bg)).toBeGreaterThan(contrast(legend[0]![1]!, bg));
      await session.close();
    }
  });

  it('gives placeholder text at least 4.5:1 contrast on its field in both schemes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(DESKTOP, scheme);
      await page.goto(`${session.url}/`);
      const fields = await page.$$eval('input[placeholder]', (els) =>
        els.map((el) => ({ id: el.id || el.getAttribute('name'), fg: getComputedStyle(el, '::placeholder').color, bg: getComputedStyle(el).backgroundColor })),
      );
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) expect(contrast(f.fg, f.bg), `${f.id} in ${scheme}: ${f.fg} on ${f.bg}`).toBeGreaterThanOrEqual(4.5);
      await session.close();
    }
  });

  it('keeps a space on each side of the footer separators', async () => {
    const page = await open(DESKTOP);
    await page.goto(`${session.url}/`);
    const footer = await page.locator('.site-footer').innerText();
    expect(footer).toMatch(/how to cite · Dataset \(JSON\) · CSV/);
    expect(footer).not.toMatch(/\S·|·\S/);
  });

  it('never runs a word into the link after it (a line break in a template is not a space)', async () => {
    const joined: string[] = [];
    for (const url of pageOfEveryKind(site)) {
      const file = url === '/404.html' ? join(dist, '404.html') : join(dist, url, 'index.html');
      let html = readFileSync(file, 'utf8');
      // A document's own text is printed as the source has it; only the site's prose is checked.
      html = html.replace(/<div class="doc-text"[\s\S]*<\/div>\s*<\/article>/, '');
      for (const m of html.matchAll(/(?:[A-Za-z:·,]|(?<!&[a-z]+);)<a\s[^>]*>[^<]{0,30}/g)) joined.push(`${url}: …${html.slice(Math.max(0, m.index - 30), m.index + m[0].length)}`);
    }
    expect(joined).toEqual([]);
  });

  it('loads every page kind without console errors or failed requests', async () => {
    const page = await open(PHONE);
    const problems = watchProblems(page);
    for (const url of pageOfEveryKind(site).filter((u) => u !== '/404.html')) await page.goto(`${session.url}${url}`);
    expect(problems).toEqual([]);
  });
});
