/**
 * Post-build step: writes redirect pages for re-issued documents (see src/lib/redirects.ts) into a
 * built site, the forwarding script they load, and a `_redirects` file for hosts that serve 301s.
 * Does nothing when no registry entry has `replaces`. Deterministic: sorted, no timestamps.
 *
 * Usage: node scripts/redirects.ts [--dist dist] [--content content] [--corpus NAME]
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusPaths } from './ingest/registry.ts';
import {
  hostRedirects,
  REDIRECT_SCRIPT,
  REDIRECT_SCRIPT_PATH,
  redirectHtml,
  redirectPages,
  retiredPages,
  type RedirectPage,
  reissueLinks,
} from '../src/lib/redirects.ts';

/** URL paths of the HTML pages under `dist`. */
async function builtPaths(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .map((f) => (f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`))
    .sort();
}

/** Writes the redirect pages for the corpus in `content` (its registry/ and manifest/) into `dist`; returns them. */
export async function writeRedirects(dist: string, content: string): Promise<RedirectPage[]> {
  const documents = JSON.parse(await readFile(join(content, 'registry/documents.json'), 'utf8')) as Array<{ id: string; replaces?: unknown }>;
  const links = reissueLinks(documents);
  const retiredFile = join(content, 'manifest/retired.json');
  const retired = existsSync(retiredFile) ? (JSON.parse(await readFile(retiredFile, 'utf8')) as Array<{ url: string; to: string; reason: string }>) : [];
  if (links.length === 0 && retired.length === 0) return [];
  const manifestFile = join(content, 'manifest/anchors.json');
  const published = existsSync(manifestFile)
    ? (JSON.parse(await readFile(manifestFile, 'utf8')) as Array<{ url: string }>).map((e) => e.url)
    : [];
  const built = await builtPaths(dist);
  const pages = [...redirectPages(links, published, built), ...retiredPages(retired, built)].sort((a, b) => a.from.localeCompare(b.from));
  for (const page of pages) {
    const file = page.from.endsWith('/') ? join(dist, page.from, 'index.html') : join(dist, page.from);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, redirectHtml(page));
  }
  await writeFile(join(dist, REDIRECT_SCRIPT_PATH), REDIRECT_SCRIPT);
  const lines = hostRedirects(pages);
  if (lines) await writeFile(join(dist, '_redirects'), lines);
  return pages;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, content: { type: 'string', default: 'content' }, corpus: { type: 'string', default: '' } } });
  try {
    const corpus = corpusPaths(resolve(values.content as string), values.corpus as string);
    const pages = await writeRedirects(resolve(values.dist as string), corpus.dir);
    if (pages.length) console.log(`redirects: ${pages.length} pages for re-issued documents`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
