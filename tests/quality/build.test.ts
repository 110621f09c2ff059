/**
 * The one build entry point (scripts/build.ts, `npm run build`) on a mini corpus
 * (tests/fixtures/mini-corpus): a build with SITE_URL prints that origin everywhere it belongs; a
 * failing build — at the ingest, in Astro, after the last step, on the link manifest, on a bad
 * SITE_URL — prints its error, exits 1 and leaves the previous dist/ byte for byte as it was.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSnapshot } from './lib/built-site.ts';
import { crawl, sitemapLocations, sitemapProblems } from './lib/crawl.ts';
import { buildIn, createMiniSite, MINI_CORPUS, MINI_DOC, type RunResult } from './lib/mini-site.ts';
import { hashTree } from './lib/tree.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ORIGIN = 'https://atlas.test';

let base: string;
let ws: string;
let dist: string;
let first: RunResult;

const output = (r: RunResult) => `${r.stdout}\n${r.stderr}`;
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'atlas-build-'));
  ws = await createMiniSite(builtSnapshot() || ROOT, join(base, 'mini'));
  dist = join(ws, 'dist');
  first = buildIn(ws, { SITE_URL: ORIGIN });
}, 300_000);

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe('a build with SITE_URL', () => {
  it('succeeds and reports every step', () => {
    expect(first.status, output(first)).toBe(0);
    for (const step of ['ingest', 'astro', 'redirects', 'sitemap', 'pagefind', 'offline', 'precompress']) {
      expect(first.stdout).toMatch(new RegExp(`^build: step ${step} done in`, 'm'));
    }
  });

  it('gives every page an absolute canonical link and og:url on that origin', async () => {
    const site = await crawl(dist);
    const problems: string[] = [];
    for (const page of site.pages.values()) {
      if (page.url === '/404.html') continue;
      const html = read(page.file);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      const og = /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1];
      if (canonical !== `${ORIGIN}${page.url}`) problems.push(`${page.url}: canonical ${canonical}`);
      if (og !== `${ORIGIN}${page.url}`) problems.push(`${page.url}: og:url ${og}`);
    }
    expect(problems).toEqual([]);
  });

  it('puts the origin into the printed and copied citations', () => {
    const paragraph = read(`documents/${MINI_DOC}/p2/index.html`);
    expect(paragraph).toContain(`>${ORIGIN}/documents/${MINI_DOC}/p2/</a>`);
    expect(paragraph).toMatch(new RegExp(`data-copy="[^"]*para\\. 2\\. ${ORIGIN}/documents/${MINI_DOC}/p2/"`));
    // The document page composes its paragraphs' citations in place from one prefix and this origin.
    expect(read(`documents/${MINI_DOC}/index.html`)).toContain(`data-site="${ORIGIN}"`);
  });

  it('writes a sitemap of exactly the pages the build made, and a robots.txt naming it', async () => {
    const site = await crawl(dist);
    const locations = sitemapLocations(read('sitemap.xml'));
    expect(locations.every((l) => l.startsWith(`${ORIGIN}/`))).toBe(true);
    expect(sitemapProblems(site, locations)).toEqual([]);
    expect(read('robots.txt')).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });

  it('refuses a SITE_URL with a path, naming the variable, before doing any work', () => {
    const before = statSync(join(dist, 'index.html')).mtimeMs;
    const r = buildIn(ws, { SITE_URL: 'https://example.org/atlas/' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/SITE_URL="https:\/\/example\.org\/atlas\/": the site must be served at the root of its host/);
    expect(r.stdout).not.toContain('build: step');
    expect(statSync(join(dist, 'index.html')).mtimeMs).toBe(before);
  });
});

describe('a failed build leaves the previous dist/ byte for byte as it was', () => {
  let hashes: Map<string, string>;
  let mtime: number;

  beforeAll(async () => {
    hashes = await hashTree(dist);
    mtime = statSync(join(dist, 'index.html')).mtimeMs;
  });

  async function expectUntouched(r: RunResult, step: string): Promise<void> {
    expect(r.status, output(r)).toBe(1);
    expect(r.stderr).toContain(`build failed at step "${step}"; dist/ was left as it was`);
    expect(await hashTree(dist)).toEqual(hashes);
    expect(statSync(join(dist, 'index.html')).mtimeMs).toBe(mtime);
    expect(existsSync(join(ws, '.dist-build/staging'))).toBe(false);
  }

  /** Runs `fn` with `file` (relative to the workspace) changed by `change`, then restores it. */
  async function withChanged(file: string, change: (text: string | null) => string | null, fn: () => Promise<void>): Promise<void> {
    const path = join(ws, file);
    const original = existsSync(path) ? readFileSync(path, 'utf8') : null;
    const next = change(original);
    if (next === null) rmSync(path, { force: true });
    else writeFileSync(path, next);
    try {
      await fn();
    } finally {
      if (original === null) rmSync(path, { force: true });
      else writeFileSync(path, original);
    }
  }

  it('at the ingest (a registry error), printing file:line', async () => {
    await withChanged(`content/corpora/${MINI_CORPUS}/registry/documents.json`, (t) => t!.replace(/"date": "[^"]*"/, '"date": 2010'), async () => {
      const r = buildIn(ws);
      expect(r.stderr).toMatch(/^error: content\/corpora\/mini\/registry\/documents\.json:\d+: .*date/m);
      await expectUntouched(r, 'ingest');
    });
  });

  it('in Astro (a page that throws), naming the page', async () => {
    await withChanged('src/pages/broken-on-purpose.astro', () => '---\nconst x = undefined as unknown as { y: string };\n---\n<p>{x.y}</p>\n', async () => {
      const r = buildIn(ws);
      expect(output(r)).toMatch(/broken-on-purpose/);
      await expectUntouched(r, 'astro');
    });
  });

  it('after the last step, before the swap', async () => {
    await expectUntouched(buildIn(ws, { ATLAS_BUILD_FAIL_AFTER: 'precompress' }), 'precompress');
  });

  it('when a published link was removed from the manifest (the build refuses unrecorded links)', async () => {
    const manifest = `content/corpora/${MINI_CORPUS}/manifest/anchors.json`;
    await withChanged(manifest, (t) => JSON.stringify((JSON.parse(t!) as Array<{ anchor: string }>).filter((e) => e.anchor !== 'p3'), null, 1), async () => {
      const r = buildIn(ws);
      expect(r.stderr).toMatch(/content\/corpora\/mini\/manifest\/anchors\.json: 1 published paragraph link\(s\) are not recorded \(first: \/documents\/mini-report\/#p3\); record them with "npm run ingest -- --corpus mini --update-manifest"/);
      await expectUntouched(r, 'ingest');
    });
  });

  it('when the manifest was emptied, or holds no entry, or is missing', async () => {
    const manifest = `content/corpora/${MINI_CORPUS}/manifest/anchors.json`;
    await withChanged(manifest, () => '', async () => {
      const r = buildIn(ws);
      expect(r.stderr).toMatch(/anchors\.json: the link manifest is empty; restore it from git/);
      await expectUntouched(r, 'ingest');
    });
    await withChanged(manifest, () => '[]\n', async () => {
      const r = buildIn(ws);
      expect(r.stderr).toMatch(/6 published paragraph link\(s\) are not recorded .* records no link at all: if it was emptied by mistake, restore it from git/);
      await expectUntouched(r, 'ingest');
    });
    await withChanged(manifest, () => null, async () => {
      const r = buildIn(ws);
      expect(r.stderr).toMatch(/anchors\.json: the link manifest is missing; restore it from git/);
      await expectUntouched(r, 'ingest');
    });
  });

  it('puts the previous site back when an earlier build stopped between its two renames', async () => {
    renameSync(dist, join(ws, '.dist-build/previous'));
    const r = buildIn(ws, { ATLAS_BUILD_FAIL_AFTER: 'ingest' });
    expect(r.stdout).toContain('build: restored');
    await expectUntouched(r, 'ingest');
  });
});

describe('recording new links', () => {
  it('records a new paragraph link with --update-manifest, says so, and then builds', async () => {
    const manifest = join(ws, `content/corpora/${MINI_CORPUS}/manifest/anchors.json`);
    const original = readFileSync(manifest, 'utf8');
    try {
      writeFileSync(manifest, JSON.stringify((JSON.parse(original) as Array<{ anchor: string }>).filter((e) => e.anchor !== 'p6'), null, 1));
      const r = buildIn(ws, {}, ['--update-manifest']);
      expect(r.status, output(r)).toBe(0);
      expect(r.stdout).toMatch(/manifest: recorded 1 new paragraph link\(s\) in content\/corpora\/mini\/manifest\/anchors\.json; commit it/);
      expect((JSON.parse(readFileSync(manifest, 'utf8')) as Array<{ url: string }>).map((e) => e.url)).toContain(`/documents/${MINI_DOC}/#p6`);
    } finally {
      writeFileSync(manifest, original);
    }
  });
});
