/**
 * Writes `sitemap.xml` for a built site from the pages actually in `dist/`, so no page can be
 * missing from it. Pages that ask not to be indexed (`<meta name="robots" content="noindex">`:
 * redirects, the 404 page) are left out. Sorted, no <lastmod>: the same pages give the same bytes.
 *
 * Usage: node scripts/sitemap.ts [--dist dist] [--site https://host/base/]
 * The site URL defaults to ATLAS_SITE_URL, then to `site` in astro.config.mjs.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** Whether an HTML document carries a robots meta tag containing "noindex". */
export function isNoindex(html: string): boolean {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    if (/\bname\s*=\s*["']?robots\b/i.test(tag) && /\bcontent\s*=\s*["'][^"']*noindex/i.test(tag)) return true;
  }
  return false;
}

/** Maps a file path relative to dist to its URL path ("documents/x/index.html" -> "/documents/x/"). */
export function pagePath(file: string): string {
  const posix = file.split(sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
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

/** Lists the indexable pages of a built site as URL paths. */
export async function indexablePages(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const pages: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const file = relative(dist, join(e.parentPath, e.name));
    if (file === '404.html') continue;
    if (isNoindex(await readFile(join(dist, file), 'utf8'))) continue;
    pages.push(pagePath(file));
  }
  return pages.sort();
}

/** Writes `<dist>/sitemap.xml`; returns the number of URLs listed. */
export async function writeSitemap(dist: string, site: string): Promise<number> {
  const pages = await indexablePages(dist);
  await writeFile(join(dist, 'sitemap.xml'), sitemapXml(site, pages));
  return pages.length;
}

/** Reads `site` from the project's astro.config.mjs, or null. */
async function configuredSite(root: string): Promise<string | null> {
  try {
    const mod = (await import(pathToFileURL(join(root, 'astro.config.mjs')).href)) as { default?: { site?: string } };
    return mod.default?.site ?? null;
  } catch {
    return null;
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, site: { type: 'string' } } });
  const dist = resolve(values.dist as string);
  const site = values.site ?? process.env.ATLAS_SITE_URL ?? (await configuredSite(process.cwd()));
  if (!site) {
    // Not fatal for the build: the integrity test fails instead, naming the missing sitemap.
    console.warn('scripts/sitemap.ts: no site URL, no sitemap written; set `site` in astro.config.mjs (or ATLAS_SITE_URL)');
  } else {
    const n = await writeSitemap(dist, site);
    console.log(`sitemap: ${n} pages -> ${relative(process.cwd(), join(dist, 'sitemap.xml'))}`);
  }
}
