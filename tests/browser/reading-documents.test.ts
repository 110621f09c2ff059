/**
 * Long documents in Chromium against the built site: how much HTML a document page carries beyond
 * its text (the per-paragraph citations are rendered once per page, not once per paragraph), the
 * "Cite" and note controls with and without JavaScript, the contents (distinct labels, a way back
 * on a phone), and notes the extracted text lacks. Figures are printed; expectations come from
 * dist/data/, never from the page under test. A document published in parts (src/lib/document-parts.ts)
 * is read where its text is: on its part pages (tests/browser/reading-parts.test.ts covers its overview).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltDocument, type BuiltParagraph, type BuiltSite, builtSite, heaviestDocument, pageHolding, partPages } from './reading-site.ts';
import { PHONE, readingSession } from './reading-session.ts';

const session = readingSession();
const dist = session.dist;

/**
 * Ceiling on the HTML a document page spends per paragraph or note beyond the text it shows: the
 * item's markup, a share of the page's header and contents, one small control per paragraph. With a
 * citation block in every paragraph the longest report spent 722 bytes an item (858 KB in all) and
 * the national reports 745 and 664; now about 390, 490 and 410 (the compilations, mostly notes: 410–450).
 */
const MAX_MARKUP_PER_ITEM = 550;

let site: BuiltSite;
let heavy: BuiltDocument;

const open = (viewport = PHONE, javaScriptEnabled = true): Promise<Page> => session.open({ viewport, javaScriptEnabled });

const htmlOf = (doc: string) => readFileSync(join(dist, 'documents', doc, 'index.html'));
/** The pages holding a document's text: its part pages when it is in parts, else its own page. */
const textPages = (doc: string) => {
  const parts = partPages(dist, doc);
  return parts.length > 0 ? parts : [`/documents/${doc}/`];
};
/** Where a paragraph, heading or note of `doc` is shown in full (its page path). */
const holding = (doc: string, id: string) => pageHolding(dist, doc, id);
const paragraphsOf = (doc: string) => site.paragraphs.filter((p) => p.document === doc);
/** A paragraph of a document with a note marker whose note has text, if any. */
const withNote = (doc: string, texted: boolean): BuiltParagraph | undefined =>
  paragraphsOf(doc).find((p) => p.footnotes.some((n) => (site.notes.find((x) => x.document === doc && x.n === n)?.text != null) === texted));

beforeAll(async () => {
  site = builtSite(dist);
  heavy = heaviestDocument(site);
}, 60_000);

describe('document page weight', () => {
  it(`spends at most ${MAX_MARKUP_PER_ITEM} bytes of markup a paragraph or note, the citation prefix once per page`, () => {
    const figures: string[] = [];
    for (const d of site.documents) {
      const pages = textPages(d.id).map((url) => readFileSync(join(dist, url, 'index.html')));
      const html = Buffer.concat(pages);
      const text =
        paragraphsOf(d.id).reduce((n, p) => n + Buffer.byteLength(p.text), 0) +
        site.notes.filter((x) => x.document === d.id).reduce((n, x) => n + Buffer.byteLength(x.text ?? ''), 0);
      const items = paragraphsOf(d.id).length + site.notes.filter((x) => x.document === d.id).length;
      const perItem = (html.length - text) / items;
      figures.push(
        `${d.id}: ${(html.length / 1024).toFixed(0)} KB HTML on ${pages.length} ${pages.length === 1 ? 'page' : 'part pages'} (${(gzipSync(html).length / 1024).toFixed(0)} KB gzip), text ${(text / 1024).toFixed(0)} KB, ${perItem.toFixed(0)} bytes of markup a paragraph or note`,
      );
      expect(perItem, d.id).toBeLessThanOrEqual(MAX_MARKUP_PER_ITEM);
      // The long part every citation of the document shares appears once a page, not once per paragraph.
      const first = paragraphsOf(d.id)[0]!;
      const prefix = first.citation.slice(0, Math.max(10, first.citation.indexOf(',')));
      for (const page of pages) expect(page.toString('utf8').split(`data-cite-prefix="${prefix.replace(/&/g, '&amp;')}`).length - 1, d.id).toBe(1);
      expect(html.toString('utf8').split('class="ptools"').length - 1, d.id).toBe(paragraphsOf(d.id).length);
    }
    console.log(`document pages:\n  ${figures.join('\n  ')}`);
  });
});

describe('citing a paragraph', { timeout: 60_000 }, () => {
  it('without JavaScript, "Cite" leads to the permanent page, which shows the citation and the URL', async () => {
    const p = paragraphsOf(heavy.id)[3]!;
    const page = await open(PHONE, false);
    await page.goto(`${session.url}${holding(heavy.id, p.anchor)}#${p.anchor}`);
    await page.locator(`#${p.anchor} a.cite-link`).click();
    await page.waitForURL(`**/documents/${heavy.id}/${p.anchor}/#cite-title`);
    expect((await page.locator('.citation-box .cite-text').innerText()).trim()).toBe(`${p.citation}.`);
  });

  it('with JavaScript, opens the same citation in place, with the permanent link, and closes it again', async () => {
    for (const d of site.documents) {
      const p = paragraphsOf(d.id).at(-1)!;
      const page = await open();
      await page.goto(`${session.url}${holding(d.id, p.anchor)}`);
      const link = page.locator(`#${p.anchor} a.cite-link`);
      await link.click();
      expect(page.url()).toBe(`${session.url}${holding(d.id, p.anchor)}`);
      expect(await link.getAttribute('aria-expanded')).toBe('true');
      const box = page.locator(`#${p.anchor} .cite-box`);
      const cite = (await box.locator('.cite-text').innerText()).trim();
      // The published address: under SITE_URL when the build had one, else the page's own origin.
      const origin = (await page.locator('.doc-text').getAttribute('data-site')) || session.url;
      expect(cite, d.id).toBe(`${p.citation}. ${origin}/documents/${d.id}/${p.anchor}/`);
      expect(await box.locator('a').getAttribute('href')).toBe(`/documents/${d.id}/${p.anchor}/`);
      await link.click();
      expect(await page.locator(`#${p.anchor} .cite-box`).count()).toBe(0);
      await session.close();
    }
  });
});

describe('notes', { timeout: 60_000 }, () => {
  it('open next to their marker with JavaScript, without leaving the paragraph', async () => {
    const doc = site.documents.find((d) => withNote(d.id, true))!;
    const p = withNote(doc.id, true)!;
    const n = p.footnotes.find((k) => site.notes.find((x) => x.document === doc.id && x.n === k)?.text != null)!;
    const note = site.notes.find((x) => x.document === doc.id && x.n === n)!;
    const page = await open();
    await page.goto(`${session.url}${holding(doc.id, p.anchor)}#${p.anchor}`);
    const before = await page.evaluate(() => scrollY);
    const marker = page.locator(`#${p.anchor} sup.fnref a[href="#fn-${n}"]`).first();
    await marker.click();
    const inline = page.locator(`#${p.anchor} .fn-inline`);
    await expect.poll(() => inline.count()).toBe(1);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(squash(await inline.innerText())).toContain(squash(note.text!).slice(0, 80));
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    expect(Math.abs((await page.evaluate(() => scrollY)) - before)).toBeLessThan(PHONE.height);
    expect(await inline.locator(`a[href="#fn-${n}"]`).count()).toBe(1);
  });

  it('without JavaScript, a marker still leads to its note and the note back to the text', async () => {
    const doc = site.documents.find((d) => withNote(d.id, true))!;
    const p = withNote(doc.id, true)!;
    const page = await open(PHONE, false);
    await page.goto(`${session.url}${holding(doc.id, p.anchor)}#${p.anchor}`);
    const n = p.footnotes[0]!;
    await page.locator(`#${p.anchor} sup.fnref a[href="#fn-${n}"]`).first().click();
    expect(page.url()).toContain(`#fn-${n}`);
    expect(await page.locator(`#fn-${n} a.fnback`).getAttribute('href')).toMatch(/^#fnref-/);
  });

  it('that the extracted text lacks say they are in the official document and link it, in the list and next to the marker', async () => {
    const missing = site.documents.filter((d) => d.officialUrl && site.notes.some((x) => x.document === d.id && x.text === null));
    expect(missing.length).toBeGreaterThan(0);
    for (const d of missing) {
      for (const url of textPages(d.id)) expect(readFileSync(join(dist, url, 'index.html'), 'utf8'), url).not.toContain('Text not in the source');
      const n = site.notes.find((x) => x.document === d.id && x.text === null)!.n;
      const page = await open();
      await page.goto(`${session.url}${holding(d.id, `fn-${n}`)}`);
      const entry = page.locator(`#fn-${n}`);
      expect(await entry.innerText()).toContain('Printed in the official document, not in the extracted text.');
      expect(await page.locator('#footnotes .notes-intro').count()).toBe(1);
      expect(await entry.locator(`a[href="${d.officialUrl}"]`).count()).toBe(1);
      const p = paragraphsOf(d.id).find((x) => x.footnotes.includes(n));
      if (p) {
        await page.locator(`#${p.anchor} sup.fnref a[href="#fn-${n}"]`).first().click();
        const inline = page.locator(`#${p.anchor} .fn-inline`).first();
        expect(await inline.locator(`a[href="${d.officialUrl}"]`).count()).toBe(1);
      }
      await session.close();
    }
  });
});

describe('contents of a long document', { timeout: 60_000 }, () => {
  it('gives every contents entry of every document a label that reads differently from the first words', async () => {
    const page = await open();
    for (const d of site.documents) {
      await page.goto(`${session.url}/documents/${d.id}/`);
      const labels = await page.$$eval('nav.toc a', (as) => as.map((a) => (a.textContent ?? '').trim().replace(/\s+/g, ' ')));
      // A phone shows about 40 characters of an entry on its first line.
      const openings = labels.map((l) => l.slice(0, 40));
      const repeated = openings.filter((l, i) => openings.indexOf(l) !== i);
      expect(repeated, d.id).toEqual([]);
      expect(labels.filter((l) => /the state party should/i.test(l)), d.id).toEqual([]);
    }
  });

  it('offers a way back to the contents from deep in the text on a phone, and none on a wide screen', async () => {
    const page = await open();
    const last = paragraphsOf(heavy.id).at(-1)!.anchor;
    await page.goto(`${session.url}${holding(heavy.id, last)}#${last}`);
    const back = page.locator('a.to-contents');
    expect(await back.isVisible()).toBe(true);
    await back.click();
    await expect.poll(() => page.evaluate(() => Math.abs(document.getElementById('toc-title')!.getBoundingClientRect().top))).toBeLessThan(50);
    const wide = await open({ width: 1280, height: 800 });
    await wide.goto(`${session.url}/documents/${heavy.id}/`);
    expect(await wide.locator('a.to-contents').isVisible()).toBe(false);
  });

  it('prints how many tab stops the longest report has (two per paragraph at most, plus notes and contents, on each page of its text)', async () => {
    const page = await open();
    for (const url of textPages(heavy.id)) {
      await page.goto(`${session.url}${url}`);
      const stops = await page.evaluate(() => document.querySelectorAll('main a[href], main button, main summary, main [tabindex="0"]').length);
      const paragraphs = await page.locator('section.para').count();
      const notes = await page.locator('p.fn').count();
      console.log(`${url}: ${stops} tab stops in the main region for ${paragraphs} paragraphs and ${notes} notes`);
      expect(paragraphs).toBeGreaterThan(0);
      expect(stops).toBeLessThanOrEqual(2 * paragraphs + 3 * notes + 200);
    }
  });
});
