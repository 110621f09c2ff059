/**
 * The offline copy (/data/atlas-offline.zip, scripts/offline.ts): what it holds, that its bytes
 * depend on the site only, that every link inside it resolves inside it, and — in Chromium —
 * that it reads from disk (file://) and searches when served from any static server.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { leftOut, OFFLINE_FOLDER, OFFLINE_SEARCH_NOTE, OFFLINE_ZIP, relativeUrl, relativizeHtml } from '../../scripts/offline.ts';
import { startServer } from '../../scripts/serve.ts';
import { launchBrowser } from '../browser/harness.ts';
import { builtDist } from './lib/built-site.ts';
import { listFiles } from './lib/tree.ts';

/** One entry of a zip file. */
interface Entry {
  name: string;
  /** The DOS date/time as yauzl decodes it (local time). */
  modified: Date;
  /** Unix mode from the external attributes. */
  mode: number;
  data: Buffer;
}

/** Reads every entry of a zip archive, in archive order. */
function readZip(file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: Entry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, modified: entry.getLastModDate(), mode: entry.externalFileAttributes >>> 16, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe('page-relative links for the offline copy', () => {
  it('turns site-relative URLs into links relative to the page, folders into their index.html', () => {
    expect(relativeUrl('/', 'index.html')).toBe('index.html');
    expect(relativeUrl('/documents/a/#p12', 'documents/a/p3/index.html')).toBe('../index.html#p12');
    expect(relativeUrl('/documents/a/p3/', 'documents/a/p3/index.html')).toBe('index.html');
    expect(relativeUrl('/search/?q=x&amp;body=cat', 'about/index.html')).toBe('../search/index.html?q=x&amp;body=cat');
    expect(relativeUrl('/_astro/a.css', 'documents/a/p3/index.html')).toBe('../../../_astro/a.css');
    for (const kept of ['https://undocs.org/x', '//evil.example/x', '#p1', 'p2/', 'mailto:a@b']) expect(relativeUrl(kept, 'a/index.html')).toBe(kept);
  });

  it('rewrites URL attributes in tags only: text, comments, scripts and quoted ">" stay as they are', () => {
    const html =
      '<a title="a > b" href="/about/">/about/ as text</a><!-- <a href="/x/"> --><script>var u = "/y/";</script>' +
      '<meta http-equiv="refresh" content="0; url=/documents/a/#p1"><search-app data-bundle="/pagefind/"></search-app>' +
      '<form action="/search/"></form><img src=/favicon.svg alt=""><p>href="/z/"</p>';
    expect(relativizeHtml(html, 'documents/a/index.html')).toBe(
      '<a title="a > b" href="../../about/index.html">/about/ as text</a><!-- <a href="/x/"> --><script>var u = "/y/";</script>' +
        '<meta http-equiv="refresh" content="0; url=index.html#p1"><search-app data-bundle="../pagefind/"></search-app>' +
        '<form action="../../search/index.html"></form><img src="../../favicon.svg" alt=""><p>href="/z/"</p>',
    );
  });
});

describe('the offline copy of the built site', () => {
  let dist: string;
  let entries: Entry[];
  let base: string;
  let folder: string;

  beforeAll(async () => {
    dist = builtDist();
    entries = await readZip(join(dist, OFFLINE_ZIP));
    base = await mkdtemp(join(tmpdir(), 'atlas-offline-'));
    for (const e of entries) {
      await mkdir(dirname(join(base, e.name)), { recursive: true });
      await writeFile(join(base, e.name), e.data);
    }
    folder = join(base, OFFLINE_FOLDER);
  }, 120_000);

  afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('is linked from the About page', () => {
    expect(readFileSync(join(dist, 'about/index.html'), 'utf8')).toContain(`href="/${OFFLINE_ZIP}"`);
  });

  it('holds every file of the site (but itself, host configuration and .br/.gz copies) and a README, in sorted order', async () => {
    const site = (await listFiles(dist)).filter((f) => !leftOut(f));
    const names = entries.map((e) => e.name);
    expect(names[0]).toBe(`${OFFLINE_FOLDER}/README.txt`);
    expect(names.slice(1)).toEqual(site.map((f) => `${OFFLINE_FOLDER}/${f}`));
    expect(names.some((n) => /\.(br|gz)$|\/_headers$|atlas-offline\.zip$/.test(n))).toBe(false);
    expect(names).toContain(`${OFFLINE_FOLDER}/data/paragraphs.json`);
    expect(names).toContain(`${OFFLINE_FOLDER}/pagefind/pagefind.js`);
  });

  it('has one fixed timestamp and mode on every entry, and the data files byte for byte', () => {
    const stamps = new Set(entries.map((e) => `${e.modified.getFullYear()}-${e.modified.getMonth() + 1}-${e.modified.getDate()} ${e.mode.toString(8)}`));
    expect([...stamps]).toEqual(['2000-1-1 100644']);
    for (const file of ['data/paragraphs.json', 'data/paragraphs.csv', 'pagefind/pagefind.js']) {
      expect(entries.find((e) => e.name === `${OFFLINE_FOLDER}/${file}`)?.data.equals(readFileSync(join(dist, file)))).toBe(true);
    }
  });

  it('links only to files it holds, from every page', () => {
    const names = new Set(entries.map((e) => e.name));
    const problems: string[] = [];
    for (const e of entries.filter((x) => x.name.endsWith('.html'))) {
      const html = e.data.toString('utf8');
      for (const m of html.matchAll(/\s(?:href|src|action|data-to)="([^"]*)"/g)) {
        const url = m[1] as string;
        if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url) || url === '') continue;
        if (url.startsWith('/')) {
          problems.push(`${e.name}: site-relative ${url}`);
          continue;
        }
        const target = posix.normalize(posix.join(posix.dirname(e.name), url.split(/[?#]/)[0] as string));
        if (!names.has(target)) problems.push(`${e.name}: ${url} -> ${target} is not in the archive`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('reads from disk in Chromium: styles, links between pages, paragraph anchors, the note on search', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(folder, 'index.html')).href);
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
      const styled = await page.$eval('.site-header', (el) => getComputedStyle(el).display !== 'inline');
      expect(styled).toBe(true);
      await page.click('.site-nav a[href$="documents/index.html"]');
      expect(page.url()).toMatch(/\/documents\/index\.html$/);
      const documentLink = page.locator('main a[href$="/index.html"]').first();
      await documentLink.click();
      expect(page.url()).toMatch(/\/documents\/[^/]+\/index\.html$/);
      // A paragraph's "Cite" link leads to its permanent page, at the citation.
      const permalink = await page.$eval('a.cite-link', (a) => (a as HTMLAnchorElement).href);
      await page.goto(permalink);
      expect(page.url()).toMatch(/^file:.*\/documents\/[^/]+\/[^/]+\/index\.html#cite-title$/);
      const inContext = page.getByText('Read in context in the full document');
      await inContext.click();
      const hash = new URL(page.url()).hash.slice(1);
      expect(hash).not.toBe('');
      expect(await page.locator(`[id="${hash}"]`).count()).toBe(1);
      await page.goto(pathToFileURL(join(folder, 'search/index.html')).href);
      expect((await page.textContent('.offline-note'))?.trim()).toBe(OFFLINE_SEARCH_NOTE);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('searches when the folder is served by a static server at its root', async () => {
    const server = await startServer({ root: folder });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/search/?q=torture`);
      await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, undefined, { timeout: 20_000 });
      const href = await page.$eval('.search-result a[data-result-permalink]', (a) => (a as HTMLAnchorElement).href);
      const response = await page.goto(href);
      expect(response?.status()).toBe(200);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
