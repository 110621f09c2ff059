/**
 * Long documents in parts (src/lib/document-parts.ts), in Chromium against the built site: every
 * document page and part page under content/atlas.json's `documentPageBytes`; every published
 * paragraph address (the link manifest) an element of its document page; every paragraph of a
 * split document in full in exactly one part, the one its overview entry links to; without
 * JavaScript an address lands on the paragraph's opening words and their link; with it, on the full
 * paragraph in its part. Page weights, heights and tab stops are printed. Expectations come from the
 * built files, the dataset and the committed manifest, never from the code under test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusPaths } from '../../scripts/ingest/registry.ts';
import { ROOT } from './harness.ts';
import { type BuiltSite, builtSite, pageHolding, partPages } from './reading-site.ts';
import { PHONE, DESKTOP, readingSession } from './reading-session.ts';

const session = readingSession();
const dist = session.dist;
/** The target for the longest document page ("under 300 KB of HTML"); the budget may be lower, never higher. */
const TARGET_BYTES = 300_000;
/** content/atlas.json's page budget (its schema's default when unset). */
const BUDGET: number = (JSON.parse(readFileSync(join(ROOT, 'content/atlas.json'), 'utf8')) as { documentPageBytes?: number }).documentPageBytes ?? 300_000;

let site: BuiltSite;
/** Documents of the build published in parts (those with part folders). */
let split: string[];

const open = (viewport = PHONE, javaScriptEnabled = true, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> =>
  session.open({ viewport, javaScriptEnabled, colorScheme });

const html = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');
const ids = (source: string) => new Set([...source.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
const paragraphsOf = (doc: string) => site.paragraphs.filter((p) => p.document === doc);
/** A paragraph from the middle of a split document's last part, far from any page's top. */
const deepParagraph = (doc: string) => {
  const last = partPages(dist, doc).at(-1)!;
  const inLast = paragraphsOf(doc).filter((p) => pageHolding(dist, doc, p.anchor) === last);
  return inLast[Math.floor(inLast.length / 2)]!;
};

/** Every published paragraph address of the built corpus (committed manifests of its documents) and retired aliases. */
function publishedAddresses(): Array<{ url: string; document: string; anchor: string }> {
  const docs = new Set(site.documents.map((d) => d.id));
  const out: Array<{ url: string; document: string; anchor: string }> = [];
  // The built corpus's manifest only: another corpus may publish the same document ids.
  const manifest = corpusPaths(join(ROOT, 'content')).manifest;
  for (const name of ['anchors.json', 'retired.json']) {
    const file = join(manifest, name);
    if (!existsSync(file)) continue;
    for (const entry of JSON.parse(readFileSync(file, 'utf8')) as Array<{ url: string }>) {
      const m = /^\/documents\/([^/]+)\/#(.+)$/.exec(entry.url);
      if (m && docs.has(m[1]!)) out.push({ url: entry.url, document: m[1]!, anchor: m[2]! });
    }
  }
  return out;
}

beforeAll(async () => {
  site = builtSite(dist);
  split = site.documents.map((d) => d.id).filter((id) => partPages(dist, id).length > 0);
}, 60_000);

describe('page weight of long documents', () => {
  it(`keeps every document page and part page under content/atlas.json's budget (${BUDGET} bytes, at most ${TARGET_BYTES})`, () => {
    expect(BUDGET).toBeLessThanOrEqual(TARGET_BYTES);
    const figures: string[] = [];
    for (const d of site.documents) {
      for (const url of [`/documents/${d.id}/`, ...partPages(dist, d.id)]) {
        const bytes = readFileSync(join(dist, url, 'index.html'));
        figures.push(`${url}: ${bytes.length} bytes (${gzipSync(bytes).length} gzip)`);
        expect(bytes.length, url).toBeLessThanOrEqual(BUDGET);
      }
    }
    console.log(`document and part pages (budget ${BUDGET} bytes):\n  ${figures.join('\n  ')}`);
  });

  it('publishes in parts every document whose paragraph text alone is over the budget, and only documents over it', () => {
    for (const d of site.documents) {
      const text = paragraphsOf(d.id).reduce((n, p) => n + Buffer.byteLength(p.text), 0);
      if (text > BUDGET) expect(split, `${d.id}: ${text} bytes of paragraph text`).toContain(d.id);
      // A document in parts would have been over the budget on one page: its parts' text exceeds it.
      if (split.includes(d.id)) {
        const whole = partPages(dist, d.id).reduce((n, url) => n + Buffer.byteLength(html(url)), 0);
        expect(whole, d.id).toBeGreaterThan(BUDGET);
      }
    }
  });
});

describe('published addresses', () => {
  it('finds every paragraph address of the link manifest as an element of its document page', () => {
    const addresses = publishedAddresses();
    expect(addresses.length).toBeGreaterThanOrEqual(site.paragraphs.length);
    const pages = new Map<string, Set<string>>();
    const missing = addresses.filter((a) => {
      if (!pages.has(a.document)) pages.set(a.document, ids(html(`/documents/${a.document}/`)));
      return !pages.get(a.document)!.has(a.anchor);
    });
    expect(missing.map((a) => a.url)).toEqual([]);
  });

  it('shows every paragraph of a document in parts in full in exactly one part, in reading order, the one its overview entry links to', () => {
    for (const doc of split) {
      const overview = html(`/documents/${doc}/`);
      const inParts = partPages(dist, doc).flatMap((url) => [...html(url).matchAll(/<section class="para[^"]*" id="([^"]+)"/g)].map((m) => ({ url, anchor: m[1]! })));
      expect(inParts.map((x) => x.anchor), doc).toEqual(paragraphsOf(doc).map((p) => p.anchor));
      // The overview shows no paragraph in full, only entries with ids linking to the part.
      expect(overview, doc).not.toContain('<section class="para');
      for (const { url, anchor } of inParts) {
        const entry = new RegExp(`<li id="${anchor}"[^>]*>(?:<span[^>]*></span>)*<a href="([^"]+)"`).exec(overview);
        expect(entry?.[1], `${doc}#${anchor}`).toBe(`${url}#${anchor}`);
      }
    }
  });

  it('prints every note of a document in parts with the part whose text refers to it', () => {
    for (const doc of split) {
      const notes = site.notes.filter((n) => n.document === doc).map((n) => n.n);
      const printed = new Set<number>();
      for (const url of partPages(dist, doc)) {
        const page = html(url);
        const here = ids(page);
        for (const m of page.matchAll(/<sup class="fnref"[^>]*><a href="#fn-(\d+)"/g)) expect(here.has(`fn-${m[1]}`), `${url}: note ${m[1]}`).toBe(true);
        for (const m of page.matchAll(/<p class="fn" id="fn-(\d+)"/g)) printed.add(Number(m[1]));
      }
      expect([...printed].sort((a, b) => a - b), doc).toEqual([...notes].sort((a, b) => a - b));
    }
  });

  it('keeps search records out of the overview page: its entries are marked for Pagefind to skip', () => {
    for (const doc of split) {
      const overview = html(`/documents/${doc}/`);
      expect(overview, doc).toMatch(/<section class="doc-overview"[^>]*data-pagefind-ignore="all"/);
      expect(overview, doc).not.toContain('data-pagefind-body');
    }
  });
});

describe('arriving at a paragraph of a document in parts', { timeout: 60_000 }, () => {
  it('without JavaScript, lands on its opening words, whose link opens the full paragraph in its part', async () => {
    expect(split.length).toBeGreaterThan(0);
    for (const doc of split) {
      const p = deepParagraph(doc);
      const page = await open(PHONE, false);
      await page.goto(`${session.url}/documents/${doc}/#${p.anchor}`);
      await page.waitForTimeout(300);
      expect(new URL(page.url()).pathname).toBe(`/documents/${doc}/`);
      const entry = page.locator(`[id="${p.anchor}"]`);
      expect(await entry.evaluate((el) => el.matches(':target'))).toBe(true);
      const box = await entry.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(PHONE.height);
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      expect(squash(p.text).startsWith(squash(await entry.innerText()).replace(/^\S+\s/, '').replace(/ …$/, ''))).toBe(true);
      await entry.locator('a').click();
      await page.waitForURL(`**${pageHolding(dist, doc, p.anchor)}#${p.anchor}`);
      expect(await page.locator(`section.para[id="${p.anchor}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
      await session.close();
    }
  });

  it('with JavaScript, ends on the full paragraph in its part, in view, the overview replaced in the history', async () => {
    for (const doc of split) {
      const p = deepParagraph(doc);
      const page = await open(PHONE, true);
      await page.goto(`${session.url}/search/`);
      await page.goto(`${session.url}/documents/${doc}/#${p.anchor}`);
      await page.waitForURL(`**${pageHolding(dist, doc, p.anchor)}#${p.anchor}`);
      const target = page.locator(`section.para[id="${p.anchor}"]`);
      await expect.poll(() => target.evaluate((el) => el.matches(':target'))).toBe(true);
      await expect
        .poll(() => target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }))
        .toBe(true);
      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/search/');
      await session.close();
    }
  });

  it('with JavaScript, also forwards an address naming a heading or a note to its part', async () => {
    for (const doc of split) {
      const parts = partPages(dist, doc);
      const last = html(parts.at(-1)!);
      const heading = /<h[2-6] id="([^"]+)" class="heading/.exec(last)![1]!;
      const note = /<p class="fn" id="(fn-\d+)"/.exec(last)?.[1];
      const page = await open(DESKTOP, true);
      for (const id of [heading, ...(note ? [note] : [])]) {
        await page.goto(`${session.url}/documents/${doc}/#${id}`);
        await page.waitForURL(`**${parts.at(-1)}#${id}`);
      }
      await session.close();
    }
  });

  it('opens a note next to its marker in a part page, and the notes list of the part holds it', async () => {
    for (const doc of split) {
      const p = paragraphsOf(doc).find((x) => x.footnotes.some((n) => site.notes.find((k) => k.document === doc && k.n === n)?.text != null));
      if (!p) continue;
      const n = p.footnotes.find((k) => site.notes.find((x) => x.document === doc && x.n === k)?.text != null)!;
      const page = await open(PHONE, true);
      const url = pageHolding(dist, doc, p.anchor);
      await page.goto(`${session.url}${url}#${p.anchor}`);
      const before = await page.evaluate(() => scrollY);
      await page.locator(`[id="${p.anchor}"] sup.fnref a[href="#fn-${n}"]`).first().click();
      await expect.poll(() => page.locator(`[id="${p.anchor}"] .fn-inline`).count()).toBe(1);
      expect(Math.abs((await page.evaluate(() => scrollY)) - before)).toBeLessThan(PHONE.height);
      expect(new URL(page.url()).pathname).toBe(url);
      await session.close();
    }
  });
});

describe('reading a document in parts', { timeout: 120_000 }, () => {
  it('moves between parts and back to the overview, and offers the contents from deep in a part on a phone', async () => {
    for (const doc of split) {
      const parts = partPages(dist, doc);
      const page = await open(PHONE, true);
      await page.goto(`${session.url}${parts[0]}`);
      for (const next of parts.slice(1)) {
        await page.locator('nav.part-nav').first().locator('a[rel="next"]').click();
        await page.waitForURL(`**${next}`);
      }
      await page.locator('nav.part-nav').first().locator('a[rel="prev"]').click();
      await page.waitForURL(`**${parts.at(-2)}`);
      await page.locator('nav.part-nav').first().locator('a.part-nav-overview').click();
      await page.waitForURL(`**/documents/${doc}/`);
      await page.goto(`${session.url}${parts.at(-1)}#${deepParagraph(doc).anchor}`);
      const back = page.locator('a.to-contents');
      expect(await back.isVisible()).toBe(true);
      await back.click();
      await expect.poll(() => page.evaluate(() => Math.abs(document.getElementById('toc-title')!.getBoundingClientRect().top))).toBeLessThan(50);
      // Every contents entry leads to its heading where it is printed in full.
      const hrefs = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs.filter((h) => !h.startsWith('#') || h !== '#footnotes')) {
        const [path, id] = href.split('#') as [string, string];
        const where = path === '' ? parts.at(-1)! : path;
        expect(ids(html(where)).has(id), `${where}#${id}`).toBe(true);
        expect(html(where), `${where}#${id}`).toMatch(new RegExp(`<(h[2-6]|section) [^>]*id="${id}"|<(h[2-6]|section) id="${id}"`));
      }
      await session.close();
    }
  });

  it('prints height and tab stops of the overview and each part at 390 and 1280 px, without sideways scrolling in either scheme', async () => {
    const figures: string[] = [];
    for (const doc of split) {
      for (const url of [`/documents/${doc}/`, ...partPages(dist, doc)]) {
        for (const viewport of [PHONE, DESKTOP]) {
          for (const scheme of ['light', 'dark'] as const) {
            const page = await open(viewport, true, scheme);
            await page.goto(`${session.url}${url}`);
            const m = await page.evaluate(() => ({
              width: document.documentElement.scrollWidth,
              height: document.documentElement.scrollHeight,
              stops: document.querySelectorAll('main a[href], main button, main summary, main [tabindex="0"]').length,
            }));
            expect(m.width, `${url} at ${viewport.width} px, ${scheme}`).toBe(viewport.width);
            if (scheme === 'light') figures.push(`${url} at ${viewport.width} px: ${m.height} px tall, ${m.stops} tab stops in the main region`);
            await session.close();
          }
        }
      }
    }
    console.log(`documents in parts:\n  ${figures.join('\n  ')}`);
  });
});
