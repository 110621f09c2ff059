/**
 * Documents in parts through the build entry point (scripts/build.ts, src/lib/document-parts.ts),
 * on the mini corpus with content/atlas.json's `documentPageBytes` lowered until its one report is
 * over budget: built as a full site and as a large site, the report is cut in the same places, every
 * page stays under the budget, every published address is an element of the document page, and a
 * paragraph URL of the large site (no page per paragraph) ends on the full paragraph in its part.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../scripts/serve.ts';
import { builtSnapshot } from './lib/built-site.ts';
import { buildIn, createMiniSite, MINI_CORPUS, MINI_DOC, type RunResult } from './lib/mini-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/** Low enough that the mini report (about 20 KB on one page) is over it, high enough for a page of a few of its paragraphs. */
const BUDGET = 18_000;

let base: string;
let ws: string;
const builds: Record<'full' | 'large', { run: RunResult; dist: string; parts: string }> = {} as never;
let browser: Browser;

const output = (r: RunResult) => `${r.stdout}\n${r.stderr}`;
const partNumbers = (dist: string) => {
  const dir = join(dist, 'documents', MINI_DOC, 'part');
  return existsSync(dir) ? readdirSync(dir).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b) : [];
};
const page = (dist: string, url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'atlas-parts-'));
  ws = await createMiniSite(builtSnapshot() || ROOT, join(base, 'mini'));
  const settingsFile = join(ws, 'content/atlas.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  for (const mode of ['full', 'large'] as const) {
    writeFileSync(settingsFile, `${JSON.stringify({ ...settings, documentPageBytes: BUDGET, ...(mode === 'large' ? { largeCorpusParagraphs: 1 } : {}) })}\n`);
    const run = buildIn(ws);
    const dist = join(base, mode);
    if (run.status === 0) cpSync(join(ws, 'dist'), dist, { recursive: true });
    const partsFile = join(ws, 'content/generated/document-parts.json');
    builds[mode] = { run, dist, parts: existsSync(partsFile) ? readFileSync(partsFile, 'utf8') : '' };
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (base) await rm(base, { recursive: true, force: true });
});

describe(`a document over content/atlas.json's documentPageBytes (${BUDGET})`, () => {
  it('is published as an overview and parts, in a full build and in a large one, each page under the budget', () => {
    for (const mode of ['full', 'large'] as const) {
      const { run, dist } = builds[mode];
      expect(run.status, output(run)).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`${MINI_DOC} in \\d+ parts \\(page budget ${BUDGET} bytes\\)`));
      const parts = partNumbers(dist);
      expect(parts.length, mode).toBeGreaterThanOrEqual(2);
      expect(parts).toEqual(parts.map((_, i) => i + 1));
      for (const url of [`/documents/${MINI_DOC}/`, ...parts.map((n) => `/documents/${MINI_DOC}/part/${n}/`)]) {
        expect(Buffer.byteLength(page(dist, url)), `${mode} ${url}`).toBeLessThanOrEqual(BUDGET);
      }
    }
    expect(existsSync(join(builds.full.dist, 'documents', MINI_DOC, 'p2/index.html'))).toBe(true);
    expect(existsSync(join(builds.large.dist, 'documents', MINI_DOC, 'p2/index.html'))).toBe(false);
  });

  it('is cut in the same places on a full and a large site, every paragraph in one part, every published address on the document page', () => {
    expect(builds.full.parts).not.toBe('');
    expect(builds.large.parts).toBe(builds.full.parts);
    const manifest = JSON.parse(readFileSync(join(ws, 'content/corpora', MINI_CORPUS, 'manifest/anchors.json'), 'utf8')) as Array<{ url: string }>;
    const anchors = manifest.map((e) => /#(.+)$/.exec(e.url)![1]!);
    expect(anchors.length).toBeGreaterThan(0);
    for (const mode of ['full', 'large'] as const) {
      const { dist } = builds[mode];
      const held = partNumbers(dist).flatMap((n) => [...page(dist, `/documents/${MINI_DOC}/part/${n}/`).matchAll(/<section class="para[^"]*" id="([^"]+)"/g)].map((m) => m[1]));
      expect(held, mode).toEqual(anchors);
      const overview = page(dist, `/documents/${MINI_DOC}/`);
      for (const a of anchors) expect(overview, `${mode} #${a}`).toMatch(new RegExp(`<li id="${a}" data-part="\\d+"><a href="/documents/${MINI_DOC}/part/\\d+/#${a}"`));
    }
  });

  it('lands a paragraph URL of the large site (answered by its 404 page) on the full paragraph in its part, in Chromium', async () => {
    const server: RunningServer = await startServer({ root: builds.large.dist });
    const tab = await browser.newPage();
    try {
      const anchor = 'p5';
      const held = partNumbers(builds.large.dist).find((n) => page(builds.large.dist, `/documents/${MINI_DOC}/part/${n}/`).includes(`id="${anchor}"`));
      expect(held).toBeGreaterThan(1);
      await tab.goto(`${server.url}/documents/${MINI_DOC}/${anchor}/`);
      await tab.waitForURL(`${server.url}/documents/${MINI_DOC}/part/${held}/#${anchor}`);
      expect(await tab.locator(`section.para[id="${anchor}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
    } finally {
      await tab.close();
      await server.close();
    }
  });

  it("links a permanent paragraph page of the full site to the paragraph in its part", () => {
    const permanent = page(builds.full.dist, `/documents/${MINI_DOC}/p5/`);
    expect(permanent).toMatch(new RegExp(`<a href="/documents/${MINI_DOC}/part/\\d+/#p5">Read in context`));
  });
});
