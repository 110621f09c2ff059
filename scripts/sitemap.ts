/**
 * Build step: writes `sitemap.xml` (and a `robots.txt` pointing at it) from the list of pages the
 * Astro build reports (astro.config.mjs hands it over as JSON), never from a scan of the HTML, so
 * a page is listed because the build made it, whatever its text contains. The 404 page is left
 * out; redirect pages are written after Astro and are never in the list. Sorted, no <lastmod>:
 * the same pages give the same bytes.
 *
 * The sitemap format requires absolute URLs: without SITE_URL (src/lib/site-url.ts) neither file
 * is written.
 *
 * Usage: SITE_URL=https://host node scripts/sitemap.ts --pages pages.json [--dist dist]
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { siteUrl } from '../src/lib/site-url.ts';

/** Pages that are never listed: Astro's 404 route (served for missing URLs, not a page of its own). */
export const UNLISTED = new Set(['/404/', '/404.html']);

/** The URL paths a sitemap lists, from the build's page list: sorted, unique, without unlisted pages. */
export function sitemapPaths(pages: readonly string[]): string[] {
  return [...new Set(pages)].filter((p) => !UNLISTED.has(p)).sort();
}

const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');

/** Builds the sitemap XML for the given page paths under `site` (absolute URL; its path is the base). */
export function sitemapXml(site: string, paths: string[]): string {
  const base = new URL(site.endsWith('/') ? site : `${site}/`);
  const urls = [...new Set(paths)]
    .sort()
    .map((p) => `  <url><loc>${escapeXml(new URL(encodeURI(p.replace(/^\//, '')), base).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** robots.txt allowing everything and naming the sitemap. */
export function robotsTxt(site: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', site).href}\n`;
}

/**
 * Writes `<dist>/sitemap.xml` and `<dist>/robots.txt` for `pages` under `site`; with no site,
 * removes both (a sitemap cannot hold relative URLs). Returns the number of URLs listed.
 */
export async function writeSitemap(dist: string, site: string | undefined, pages: readonly string[]): Promise<number> {
  if (!site) {
    await rm(join(dist, 'sitemap.xml'), { force: true });
    await rm(join(dist, 'robots.txt'), { force: true });
    return 0;
  }
  const paths = sitemapPaths(pages);
  await writeFile(join(dist, 'sitemap.xml'), sitemapXml(site, paths));
  await writeFile(join(dist, 'robots.txt'), robotsTxt(site));
  return paths.length;
}

/** Reads the page list astro.config.mjs wrote (ATLAS_PAGE_LIST): a JSON array of URL paths. */
export async function readPageList(file: string): Promise<string[]> {
  let list: unknown;
  try {
    list = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: no page list from the Astro build (${(e as Error).message}); run the build with scripts/build.ts`);
  }
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.startsWith('/'))) {
    throw new Error(`${file}: expected a JSON array of URL paths starting with "/"`);
  }
  return list as string[];
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, pages: { type: 'string' } } });
  try {
    if (!values.pages) throw new Error('scripts/sitemap.ts: --pages FILE is required (the list astro.config.mjs writes to ATLAS_PAGE_LIST)');
    const site = siteUrl();
    const n = await writeSitemap(resolve(values.dist as string), site, await readPageList(values.pages));
    console.log(site ? `sitemap: ${n} pages` : 'sitemap: SITE_URL is not set; no sitemap.xml (it needs absolute URLs)');
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
