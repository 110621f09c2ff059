/**
 * A right's page made for comparison, in Chromium against the built site: jump links to every
 * cycle, only documents that say something (no empty columns), every paragraph of the right once,
 * expandable in place without JavaScript, and a "what changed" table whose numbers lead to them.
 * Expectations come from dist/data/ (which paragraphs carry the right), never from the page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registries } from './harness.ts';
import { type BuiltSite, builtSite, busiestRight } from './reading-site.ts';
import { DESKTOP, readingSession } from './reading-session.ts';

const session = readingSession();
const dist = session.dist;
const torture = registries().rights.find((r) => r.iccpr.includes('7'))!;

let site: BuiltSite;

const open = (viewport = DESKTOP, javaScriptEnabled = true): Promise<Page> => session.open({ viewport, javaScriptEnabled });

const squash = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
const itemId = (p: { document: string; anchor: string }) => `p-${p.document}-${p.anchor}`;

beforeAll(async () => {
  site = builtSite(dist);
}, 60_000);

describe('a right across the cycles', { timeout: 120_000 }, () => {
  it('finds a right for ICCPR article 7 in the registry', () => {
    expect(torture?.id).toBeTruthy();
  });

  for (const pick of ['torture', 'busiest'] as const)
    it(`lists every paragraph of the ${pick} right once, under its cycle and document, with jump links and no empty blocks`, async () => {
      const right = pick === 'torture' ? torture.id : busiestRight(site);
      const expected = site.paragraphs.filter((p) => p.rights.includes(right));
      const page = await open();
      await page.goto(`${session.url}/rights/${right}/`);

      const items = await page.$$eval('.para-item', (els) => els.map((el) => el.id));
      expect(items.sort()).toEqual(expected.map(itemId).sort());

      // Each item sits in the block of its document, and that block is in its cycle's section.
      const placement = await page.$$eval('.para-item', (els) =>
        els.map((el) => [el.id, el.closest('.right-doc')?.id ?? '', el.closest('.right-cycle')?.querySelector('h2')?.id ?? '']),
      );
      for (const [id, block, cycle] of placement) {
        const p = expected.find((x) => itemId(x) === id)!;
        const doc = site.documents.find((d) => d.id === p.document)!;
        expect([block, cycle], id).toEqual([`doc-${doc.id}`, `cycle-${doc.cycle}`]);
      }

      // No document block without paragraphs, and its count says how many it holds.
      const blocks = await page.$$eval('.right-doc', (els) =>
        els.map((el) => ({ id: el.id, items: el.querySelectorAll('.para-item').length, count: el.querySelector('.counts')?.textContent ?? '' })),
      );
      for (const b of blocks) {
        expect(b.items, b.id).toBeGreaterThan(0);
        expect(b.count, b.id).toMatch(new RegExp(`^\\s*${b.items} paragraphs?\\b`));
      }

      // A jump link to every cycle section, and every section linked.
      const jumps = await page.$$eval('.jump-links a', (as) => as.map((a) => a.getAttribute('href')));
      const sections = await page.$$eval('.right-cycle > h2', (hs) => hs.map((h) => `#${h.id}`));
      expect(sections.length).toBeGreaterThan(0);
      for (const s of sections) expect(jumps).toContain(s);
      for (const j of jumps) expect(await page.locator(j!).count(), j!).toBe(1);
    });

  it('shows in the "what changed" table only the authors who said something, and every number leads to its paragraph', async () => {
    const expected = site.paragraphs.filter((p) => p.rights.includes(torture.id));
    const kinds = new Set(expected.map((p) => site.documents.find((d) => d.id === p.document)!.author.kind));
    const page = await open();
    await page.goto(`${session.url}/rights/${torture.id}/`);
    const columns = await page.$$eval('table.changes thead th', (ths) => ths.slice(1).map((th) => th.className.replace('author-', '')));
    expect(new Set(columns)).toEqual(kinds);
    const targets = await page.$$eval('table.changes a[href^="#p-"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    expect(targets.length).toBeGreaterThan(0);
    const ids = new Set(expected.map(itemId));
    for (const t of targets) expect(ids.has(t), t).toBe(true);
    // Each document's count in the table is the number of its paragraphs on the right.
    for (const doc of new Set(expected.map((p) => p.document))) {
      const n = expected.filter((p) => p.document === doc).length;
      expect((await page.locator(`table.changes a[href="#doc-${doc}"]`).first().innerText()).trim(), doc).toBe(`${n} ¶`);
    }
    // Recommendations between the cycles link to pages that exist.
    const recs = await page.$$eval('.recs-between a', (as) => as.map((a) => a.getAttribute('href')!));
    for (const r of recs) expect(existsSync(join(dist, r, 'index.html')), r).toBe(true);
  });

  it('opens a paragraph in place without JavaScript, full text included, and links its permanent page', async () => {
    const p = site.paragraphs.filter((x) => x.rights.includes(torture.id)).sort((a, b) => b.text.length - a.text.length)[0]!;
    const page = await open({ width: 390, height: 844 }, false);
    await page.goto(`${session.url}/rights/${torture.id}/`);
    const item = page.locator(`#${itemId(p)}`);
    const closedHeight = (await item.boundingBox())!.height;
    expect(await item.locator('.para-full').isVisible()).toBe(false);
    await item.locator('summary').click();
    expect(await item.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(squash(await item.locator('.para-full').innerText())).toContain(squash(p.text));
    expect(await item.locator(`a[href="/documents/${p.document}/${p.anchor}/"]`).count()).toBe(1);
    // Closed, a paragraph takes its label and at most two lines of its opening words.
    expect(closedHeight).toBeLessThan(80);
  });

  it('prints the page heights at desktop and phone widths', async () => {
    const heights: string[] = [];
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const page = await open(viewport);
      await page.goto(`${session.url}/rights/${torture.id}/`);
      heights.push(`${viewport.width} px: ${await page.evaluate(() => document.documentElement.scrollHeight)} px tall`);
      await session.close();
    }
    console.log(`/rights/${torture.id}/ ${heights.join(', ')}`);
    expect(heights).toHaveLength(2);
  });
});
