/**
 * The scale switch end to end (src/lib/site-plan.ts): the mini corpus, with a copy of its report in a
 * second review, built as a large site searched one review at a time (content/atlas.json's thresholds
 * set below its twelve paragraphs), has no page per paragraph, yet every paragraph URL lands on the
 * paragraph in its document in Chromium; search runs per review; an unchanged index is reused by the
 * next build. The full site of the real corpus keeps its pages and sends no missing address anywhere.
 * Every document body read as HTML equals its MDX rendering (a document in parts, part by part).
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { LARGE_SITE_GZIPPED } from '../../src/lib/dataset-files.ts';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../scripts/serve.ts';
import { builtDist, builtSnapshot, builtWorkspace } from './lib/built-site.ts';
import { readDocumentBodyHtml } from '../../src/lib/mdx-body-html.ts';
import { addParagraphTools, explainMissingNotes, unlinkAutolinks } from '../../src/lib/paragraph-tools.ts';
import { readGenerated } from '../../src/lib/generated-data.ts';
import { parseBody, partHtml, readDocumentParts } from '../../src/lib/document-parts.ts';
import type { DocumentEntry } from '../../src/schemas/document.ts';
import { buildIn, createMiniSite, MINI_CORPUS, MINI_DOC, type RunResult } from './lib/mini-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/** The mini report's review (tests/quality/lib/mini-site.ts: a UPR cycle 1 national report), as the site plan names its search. */
let REVIEW = '';

let base: string;
let ws: string;
let dist: string;
let first: RunResult;
let server: RunningServer;
let browser: Browser;

const output = (r: RunResult) => `${r.stdout}\n${r.stderr}`;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'atlas-large-'));
  ws = await createMiniSite(builtSnapshot() || ROOT, join(base, 'mini'));
  const settingsFile = join(ws, 'content/atlas.json');
  writeFileSync(settingsFile, `${JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), largeCorpusParagraphs: 1, searchIndexParagraphs: 1 })}\n`);
  // A second document, the same report in the next review (session 20: UPR cycle 2), so that search is split per review.
  const corpus = join(ws, 'content/corpora', MINI_CORPUS);
  const registry = join(corpus, 'registry/documents.json');
  const [entry] = JSON.parse(readFileSync(registry, 'utf8')) as Array<Record<string, unknown> & { source: string }>;
  copyFileSync(join(corpus, 'sources', entry!.source), join(corpus, 'sources/mini-report-b.txt'));
  const second = { ...entry, id: 'mini-report-b', symbol: 'A/HRC/WG.6/20/ISL/2', session: 20, answers: null, source: 'mini-report-b.txt', sourceSha256: createHash('sha256').update(readFileSync(join(corpus, 'sources/mini-report-b.txt'))).digest('hex') };
  delete (second as Record<string, unknown>).cycle;
  writeFileSync(registry, `${JSON.stringify([entry, second], null, 2)}\n`);
  dist = join(ws, 'dist');
  first = buildIn(ws, {}, ['--update-manifest']);
  const plan = JSON.parse(readFileSync(join(ws, 'content/generated/site-plan.json'), 'utf8')) as { searchShards: Array<{ id: string }> };
  REVIEW = plan.searchShards[0]?.id ?? '';
  server = await startServer({ root: dist });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

describe('a corpus above content/atlas.json\'s largeCorpusParagraphs', () => {
  it('is built as a large site: no page per paragraph, one search index per review, no offline zip', () => {
    expect(first.status, output(first)).toBe(0);
    expect(first.stdout).toMatch(/large site \(12 paragraphs > 1\)/);
    expect(REVIEW).toBe('upr-1');
    expect(existsSync(join(dist, 'pagefind/upr-2/pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(dist, 'documents', MINI_DOC, 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'documents', MINI_DOC, 'p2/index.html'))).toBe(false);
    expect(existsSync(join(dist, 'pagefind/pagefind-entry.json'))).toBe(false);
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', REVIEW, 'pagefind-entry.json'), 'utf8')) as { languages: { en: { page_count: number } } };
    expect(entry.languages.en.page_count).toBe(6);
    expect(existsSync(join(dist, 'data/atlas-offline.zip'))).toBe(false);
    expect(readFileSync(join(dist, '_redirects'), 'utf8')).toContain('/documents/:doc/:anchor/ /documents/:doc/#:anchor 301');
  });

  it('publishes every data file gzip-compressed only, linked as such, each decompressing to its records', () => {
    const documents = JSON.parse(gunzipSync(readFileSync(join(dist, 'data/documents.json.gz'))).toString('utf8')) as Array<{ id: string }>;
    expect(documents.map((d) => d.id)).toContain(MINI_DOC);
    for (const name of LARGE_SITE_GZIPPED) {
      expect(existsSync(join(dist, 'data', name)), name).toBe(false);
      expect(gunzipSync(readFileSync(join(dist, 'data', `${name}.gz`))).length, name).toBeGreaterThan(0);
    }
    const about = readFileSync(join(dist, 'about/index.html'), 'utf8');
    expect(about).toContain('href="/data/documents.json.gz"');
    expect(about).toContain('href="/data/footnotes.json.gz"');
    expect(about).not.toMatch(/href="\/data\/[a-z]+\.(json|csv)"/);
    expect(readFileSync(join(dist, 'recommendations/index.html'), 'utf8')).toContain('href="/data/recommendations.json.gz"');
  });

  it('sends a paragraph URL to the paragraph in its document (404 page script), in Chromium', async () => {
    const page = await browser.newPage();
    try {
      for (const path of [`/documents/${MINI_DOC}/p2/`, `/documents/${MINI_DOC}/p2`]) {
        await page.goto(`${server.url}${path}`);
        await page.waitForURL(`${server.url}/documents/${MINI_DOC}/#p2`);
        const target = await page.evaluate(() => {
          const el = document.querySelector(':target');
          const box = el?.getBoundingClientRect();
          return { id: el?.id ?? null, text: el?.textContent ?? '', visible: box !== undefined && box.top >= 0 && box.top < window.innerHeight };
        });
        expect(target.id, path).toBe('p2');
        expect(target.text).toContain('The Government consulted civil society organizations');
        expect(target.visible).toBe(true);
      }
    } finally {
      await page.close();
    }
  });

  it('leaves any other missing address on the 404 page', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${server.url}/rights/no-such-right/p2/`);
      expect(response?.status()).toBe(404);
      await page.waitForTimeout(300);
      expect(new URL(page.url()).pathname).toBe('/rights/no-such-right/p2/');
      expect(await page.textContent('h1')).toBe('Page not found');
    } finally {
      await page.close();
    }
  });

  it('searches one review at /search/<review>/, links its results, and lists the reviews at /search/ with the query', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/search/${REVIEW}/?q=torture`);
      await page.waitForSelector('search-app[data-run]:not([data-busy])');
      const permalinks = await page.$$eval('[data-result-permalink]', (links) => links.map((a) => a.getAttribute('href')));
      expect(permalinks).toEqual([`/documents/${MINI_DOC}/p3/`]);
      await page.goto(`${server.url}/search/?q=torture`);
      const link = await page.getAttribute('[data-review-search-link]', 'href');
      expect(link).toBe(`/search/${REVIEW}/?q=torture`);
    } finally {
      await page.close();
    }
  });

  it('reuses the search indexes whose records did not change at the next build, and only those', () => {
    const again = buildIn(ws);
    expect(again.status, output(again)).toBe(0);
    expect(again.stdout).toMatch(/reused 2 of 2 index\(es\)/);
    // One review's document changes: its index is written again, the other one is reused.
    const corpus = join(ws, 'content/corpora', MINI_CORPUS);
    const registry = join(corpus, 'registry/documents.json');
    const entries = JSON.parse(readFileSync(registry, 'utf8')) as Array<Record<string, unknown>>;
    writeFileSync(registry, `${JSON.stringify(entries.map((e) => (e.id === 'mini-report-b' ? { ...e, shortTitle: 'Mini report, second State' } : e)), null, 2)}\n`);
    const changed = buildIn(ws);
    expect(changed.status, output(changed)).toBe(0);
    expect(changed.stdout).toMatch(/reused 1 of 2 index\(es\)/);
    expect(existsSync(join(dist, 'pagefind', REVIEW, 'pagefind-entry.json'))).toBe(true);
  });
});

describe('a document body read from its MDX as HTML (large sites)', () => {
  it('is the MDX rendering of the full build, element for element, for every document of the corpus', () => {
    const workspace = builtWorkspace();
    const generated = join(workspace || ROOT, 'content/generated');
    const documents = JSON.parse(readFileSync(join(generated, 'registry/documents.json'), 'utf8')) as DocumentEntry[];
    const paragraphs = readGenerated('paragraphs', generated);
    const parts = readDocumentParts(generated);
    // Whitespace between elements and the spelling of quotes differ between renderers, not the DOM.
    const norm = (h: string) => h.replace(/>\s+</g, '><').replace(/&#39;|&#x27;/g, "'").replace(/&#34;|&quot;/g, '"').trim();
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) {
      const html = readDocumentBodyHtml(doc.id, generated);
      expect(html, doc.id).not.toBeNull();
      const mine = paragraphs.filter((p) => p.document === doc.id);
      const tooled = addParagraphTools(unlinkAutolinks(html as string), new Map(mine.map((p) => [p.anchor, p])), doc);
      expect(tooled.inserted, doc.id).toBe(mine.length);
      const whole = explainMissingNotes(tooled.html, doc).html;
      // A document in parts (src/lib/document-parts.ts) is compared part by part: each part page
      // shows the same cut of the MDX rendering as of the HTML read from the MDX.
      const split = parts?.documents[doc.id];
      const pages = split
        ? split.parts.map((part, i) => ({ url: `documents/${doc.id}/part/${part.n}`, mine: partHtml(parseBody(whole), part, split.parts[i + 1]) }))
        : [{ url: `documents/${doc.id}`, mine: whole }];
      for (const { url, mine: mineBody } of pages) {
        const page = readFileSync(join(builtDist(), url, 'index.html'), 'utf8');
        const built = /<div class="doc-text"[^>]*>([\s\S]*?)<\/div>\s*<\/article>/.exec(page)?.[1] ?? '';
        const [mineHtml, builtHtml] = [norm(mineBody), norm(built)];
        // The first difference with some context, not two half-megabyte strings.
        let k = 0;
        while (k < mineHtml.length && mineHtml[k] === builtHtml[k]) k++;
        expect(mineHtml.slice(Math.max(0, k - 120), k + 120), `${url} at character ${k}`).toBe(builtHtml.slice(Math.max(0, k - 120), k + 120));
        expect(mineHtml.length, url).toBe(builtHtml.length);
      }
    }
  });
});

describe('a full site', () => {
  it('keeps a missing paragraph address on the 404 page (it has a page for every paragraph)', async () => {
    const full = await startServer({ root: builtDist() });
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${full.url}/documents/${MINI_DOC}/p99999/`);
      expect(response?.status()).toBe(404);
      await page.waitForTimeout(300);
      expect(new URL(page.url()).pathname).toBe(`/documents/${MINI_DOC}/p99999/`);
      expect(readFileSync(join(builtDist(), '404.html'), 'utf8')).not.toContain('A paragraph’s address');
    } finally {
      await page.close();
      await full.close();
    }
  });
});
