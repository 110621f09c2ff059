/** The sitemap generator lists exactly the indexable built pages, in a stable order. */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNoindex, pagePath, sitemapXml, writeSitemap } from '../../scripts/sitemap.ts';

describe('sitemap generator', () => {
  it('recognises robots noindex whatever the attribute order', () => {
    expect(isNoindex('<meta content="noindex, follow" name="robots">')).toBe(true);
    expect(isNoindex('<meta name=robots content="noindex">')).toBe(true);
    expect(isNoindex('<meta name="description" content="noindex is a word">')).toBe(false);
  });

  it('maps index.html files to directory URLs', () => {
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath('documents/a/index.html')).toBe('/documents/a/');
    expect(pagePath('about.html')).toBe('/about.html');
  });

  it('lists sorted absolute URLs under the site base, escaped for XML', () => {
    const xml = sitemapXml('https://atlas.example/base', ['/b/', '/', '/a&b/', '/b/']);
    expect(xml).toContain(
      '  <url><loc>https://atlas.example/base/</loc></url>\n  <url><loc>https://atlas.example/base/a&amp;b/</loc></url>\n  <url><loc>https://atlas.example/base/b/</loc></url>\n</urlset>',
    );
    expect(xml).not.toContain('lastmod');
  });

  it('writes the same bytes for the same pages and leaves out redirects and the 404 page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-sitemap-'));
    try {
      const files: Record<string, string> = {
        'index.html': '<title>home</title>',
        'documents/x/index.html': '<title>x</title>',
        'documents/old/index.html': '<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=/documents/x/">',
        '404.html': '<title>not found</title>',
        'data/paragraphs.json': '[]',
      };
      for (const [f, t] of Object.entries(files)) {
        await mkdir(dirname(join(dir, f)), { recursive: true });
        await writeFile(join(dir, f), t);
      }
      expect(await writeSitemap(dir, 'https://atlas.example/')).toBe(2);
      const first = await readFile(join(dir, 'sitemap.xml'), 'utf8');
      await writeSitemap(dir, 'https://atlas.example/');
      expect(await readFile(join(dir, 'sitemap.xml'), 'utf8')).toBe(first);
      expect(first).toContain('<loc>https://atlas.example/documents/x/</loc>');
      expect(first).not.toContain('old');
      expect(first).not.toContain('404');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
