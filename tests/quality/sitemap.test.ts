/** The sitemap lists exactly the pages the build reports, in a stable order, and only with SITE_URL. */
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageList, robotsTxt, sitemapPaths, sitemapXml, writeSitemap } from '../../scripts/sitemap.ts';

describe('sitemap generator', () => {
  it('lists sorted absolute URLs under the site base, escaped for XML', () => {
    const xml = sitemapXml('https://atlas.example/base', ['/b/', '/', '/a&b/', '/b/']);
    expect(xml).toContain(
      '  <url><loc>https://atlas.example/base/</loc></url>\n  <url><loc>https://atlas.example/base/a&amp;b/</loc></url>\n  <url><loc>https://atlas.example/base/b/</loc></url>\n</urlset>',
    );
    expect(xml).not.toContain('lastmod');
  });

  it('takes the pages from the build list, without the 404 route and duplicates', () => {
    expect(sitemapPaths(['/search/', '/404/', '/', '/documents/x/', '/'])).toEqual(['/', '/documents/x/', '/search/']);
  });

  it('lists a page whose text quotes a robots noindex tag: the HTML is never read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-sitemap-'));
    try {
      const files: Record<string, string> = {
        'index.html': '<title>home</title>',
        'documents/x/index.html': '<p>The text quotes &lt;meta name="robots" content="noindex"&gt; and <meta name="robots" content="noindex"></p>',
        'documents/old/index.html': '<meta http-equiv="refresh" content="0; url=/documents/x/">',
      };
      for (const [f, t] of Object.entries(files)) {
        await mkdir(dirname(join(dir, f)), { recursive: true });
        await writeFile(join(dir, f), t);
      }
      // The build's list has no redirect pages (they are written after Astro): only what is listed appears.
      expect(await writeSitemap(dir, 'https://atlas.example/', ['/', '/documents/x/', '/404/'])).toBe(2);
      const first = await readFile(join(dir, 'sitemap.xml'), 'utf8');
      await writeSitemap(dir, 'https://atlas.example/', ['/documents/x/', '/']);
      expect(await readFile(join(dir, 'sitemap.xml'), 'utf8')).toBe(first);
      expect(first).toContain('<loc>https://atlas.example/documents/x/</loc>');
      expect(first).not.toContain('old');
      expect(first).not.toContain('404');
      expect(await readFile(join(dir, 'robots.txt'), 'utf8')).toBe(robotsTxt('https://atlas.example/'));
      expect(robotsTxt('https://atlas.example/')).toContain('Sitemap: https://atlas.example/sitemap.xml');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes no sitemap or robots.txt without a site URL, and removes stale ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-sitemap-'));
    try {
      await writeFile(join(dir, 'sitemap.xml'), 'stale');
      await writeFile(join(dir, 'robots.txt'), 'stale');
      expect(await writeSitemap(dir, undefined, ['/', '/about/'])).toBe(0);
      expect(existsSync(join(dir, 'sitemap.xml'))).toBe(false);
      expect(existsSync(join(dir, 'robots.txt'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a page list that is missing or not a list of paths, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-sitemap-'));
    try {
      await expect(readPageList(join(dir, 'none.json'))).rejects.toThrow(/none\.json: no page list from the Astro build/);
      await writeFile(join(dir, 'bad.json'), '["about/"]');
      await expect(readPageList(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: expected a JSON array of URL paths/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
