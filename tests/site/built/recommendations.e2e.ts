/**
 * Recommendation pages of the built site (the default corpus): one page per record of
 * /data/recommendations.json, every URL of the corpus's recommendation manifest working (moved ones
 * redirect), the table complete without JavaScript and filterable with it, paragraph pages linking what they
 * cite, ids found first by the search, and no axe-core violations. Expectations come from the dataset and
 * the manifest, never from the pages themselves.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../../scripts/serve.ts';
import { launchBrowser } from '../../browser/harness.ts';
import { ROOT } from '../../corpora.ts';
import { corpusPaths } from '../../../scripts/ingest/registry.ts';
import type { RecommendationRecord } from '../../../src/lib/recommendations.ts';
import type { RecommendationManifest } from '../../../src/schemas/recommendation-manifest.ts';

const dist = inject('atlasDist');
const records = JSON.parse(readFileSync(join(dist, 'data/recommendations.json'), 'utf8')) as RecommendationRecord[];
// The corpus the build published: ATLAS_CORPUS, else content/atlas.json's default.
const manifest = JSON.parse(readFileSync(join(corpusPaths(join(ROOT, 'content')).manifest, 'recommendations.json'), 'utf8')) as RecommendationManifest;
const paragraphs = JSON.parse(readFileSync(join(dist, 'data/paragraphs.json'), 'utf8')) as { id: string; permalink: string; recommendations: string[] }[];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const page = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ root: dist });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('recommendation pages', () => {
  it('has recommendations to check', () => {
    expect(records.length).toBeGreaterThan(50);
  });

  it('gives every record of /data/recommendations.json one page, and builds no other', () => {
    const built = readdirSync(join(dist, 'recommendations'), { withFileTypes: true })
      .filter((review) => review.isDirectory())
      .flatMap((review) =>
        readdirSync(join(dist, 'recommendations', review.name), { withFileTypes: true })
          .filter((e) => e.isDirectory() && existsSync(join(dist, 'recommendations', review.name, e.name, 'index.html')))
          .map((e) => `/recommendations/${review.name}/${e.name}/`),
      );
    expect(new Set(built)).toEqual(new Set(records.map((r) => r.permalink)));
    for (const r of records.slice(0, 40)) {
      const html = page(r.permalink);
      expect(html, r.key).toMatch(new RegExp(`<h1 data-pagefind-weight="10"[^>]*>Recommendation ${r.id.replace('.', '\\.')}</h1>`));
      expect(html.match(/data-pagefind-body/g), r.key).toHaveLength(1);
      // No invented text: a record without text says so and links the official outcome report.
      if (r.text === null) expect(html).toContain('Text not in this library.');
      if (r.text === null && r.outcome) expect(html).toContain(`href="https://undocs.org/en/${r.outcome}"`);
    }
  });

  it('keeps every URL of the recommendation manifest working: recorded pages exist, moved ones redirect to them', () => {
    for (const e of manifest) {
      if ('movedTo' in e) {
        const html = page(e.url);
        expect(html, e.url).toContain(`<meta http-equiv="refresh" content="0; url=${e.movedTo}">`);
        expect(html).toContain('<meta name="robots" content="noindex">');
        expect(existsSync(join(dist, e.movedTo, 'index.html')), e.movedTo).toBe(true);
      } else {
        expect(existsSync(join(dist, e.url, 'index.html')), e.url).toBe(true);
      }
    }
  });

  it('links the numbers a paragraph cites to the recommendation pages', () => {
    const citing = paragraphs.find((p) => p.recommendations.length > 0)!;
    const byId = new Map(records.map((r) => [r.id, r]));
    const html = page(citing.permalink);
    for (const n of citing.recommendations) {
      const r = byId.get(n);
      if (r) expect(html, `${citing.id} → ${n}`).toContain(`href="${r.permalink}"`);
    }
  });
});

describe('the recommendations table', () => {
  it('lists every recommendation as a plain table without JavaScript, the filter form hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    try {
      await p.goto(`${server.url}/recommendations/`);
      expect(await p.locator('.rec-table tbody tr:visible').count()).toBe(records.length);
      expect(await p.locator('[data-rec-filters]').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('filters with JavaScript, counts what it shows, and keeps the filter in a shareable URL', async () => {
    const right = records.flatMap((r) => r.rights)[0];
    const expected = records.filter((r) => r.rights.includes(right)).length;
    expect(expected).toBeLessThan(records.length);
    const p = await browser.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    try {
      await p.goto(`${server.url}/recommendations/`);
      await p.selectOption('select[name="right"]', right);
      expect(await p.locator('.rec-table tbody tr:visible').count()).toBe(expected);
      expect(await p.locator('[data-rec-count]').textContent()).toBe(`${expected} of ${records.length} recommendations shown.`);
      expect(new URL(p.url()).searchParams.get('right')).toBe(right);
      await p.goto(`${server.url}/recommendations/?right=${right}`);
      expect(await p.locator('.rec-table tbody tr:visible').count()).toBe(expected);
      await p.click('[data-rec-reset]');
      await expect.poll(() => p.locator('.rec-table tbody tr:visible').count()).toBe(records.length);
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('search', () => {
  it('finds a recommendation first when its id is searched, before the longer ids it prefixes ("95.1" before "95.10")', async () => {
    const ids = new Set(records.map((r) => r.id));
    const prefixing = records.filter((r) => ids.has(`${r.id}0`));
    expect(prefixing.length).toBeGreaterThan(0);
    const p = await browser.newPage();
    try {
      for (const r of [...prefixing.slice(0, 3), records.at(-1)!]) {
        await p.goto(`${server.url}/search/?q=${encodeURIComponent(r.id)}`);
        await p.waitForSelector('.search-result');
        expect(await p.locator('.search-result a[data-result-permalink]').first().getAttribute('href'), r.id).toBe(r.permalink);
        // The status line counts the recommendation records apart from the paragraphs.
        await p.waitForSelector('search-app[data-run]');
        expect(await p.textContent('[data-search-status]'), r.id).toMatch(/\b1 recommendation\b|\d recommendations\b/);
      }
    } finally {
      await p.close();
    }
  });
});

describe('axe-core finds no violations on the recommendation pages', () => {
  const pages = { table: '/recommendations/', recommendation: records[0]?.permalink ?? '/recommendations/', states: '/states/' };
  for (const [name, path] of Object.entries(pages)) {
    for (const [scheme, width] of [['light', 1280], ['dark', 390]] as const) {
      it(`on the ${name} page (${path}), ${scheme}, ${width} px`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
        const p = await context.newPage();
        try {
          expect((await p.goto(server.url + path))?.status()).toBe(200);
          await p.evaluate(axeSource);
          const violations = (await p.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
            return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })).violations;
          })) as { id: string; nodes: { target: string[] }[] }[];
          expect(violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
