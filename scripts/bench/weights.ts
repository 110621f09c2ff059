/** Transfer weight of built pages: HTML plus the CSS and JS each page loads up front, raw and gzip. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of one resource kind for a page. */
export interface Weight {
  raw: number;
  gzip: number;
  files: number;
}

/** Weight of a page by resource kind. */
export interface PageWeight {
  url: string;
  html: Weight;
  css: Weight;
  js: Weight;
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 6 }).length;

/** Maps a URL path to its file in dist. */
export function urlToFile(dist: string, url: string): string {
  const path = decodeURIComponent(url.split(/[?#]/)[0] as string);
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

/** Static imports of an ES module ("./chunk.js"), resolved against the module's URL. */
function staticImports(code: string, url: string): string[] {
  const found = [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']/g)].map((m) => m[1] as string);
  return found.map((spec) => (spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec)));
}

/** Weight of the page at `url`: its HTML, stylesheets, and scripts with their static imports. */
export function pageWeight(dist: string, url: string): PageWeight {
  const html = readFileSync(urlToFile(dist, url));
  const text = html.toString('utf8');
  const base = url.endsWith('/') ? url : posix.dirname(url) + '/';
  const abs = (href: string) => (href.startsWith('/') ? href : posix.join(base, href));
  const css = new Set<string>();
  const js = new Set<string>();
  for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href || /^[a-z]+:|^\/\//i.test(href)) continue;
    if (/\brel="?stylesheet/i.test(tag)) css.add(abs(href));
    if (/\brel="?modulepreload/i.test(tag)) js.add(abs(href));
  }
  for (const m of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/gi)) {
    const src = m[1] as string;
    if (!/^[a-z]+:|^\/\//i.test(src)) js.add(abs(src));
  }
  const queue = [...js];
  while (queue.length) {
    const mod = queue.shift() as string;
    const file = urlToFile(dist, mod);
    if (!existsSync(file)) continue;
    for (const dep of staticImports(readFileSync(file, 'utf8'), mod)) {
      if (!js.has(dep)) {
        js.add(dep);
        queue.push(dep);
      }
    }
  }
  const sum = (urls: Set<string>): Weight => {
    let raw = 0;
    let zipped = 0;
    let files = 0;
    for (const u of urls) {
      const f = urlToFile(dist, u);
      if (!existsSync(f)) continue;
      const b = readFileSync(f);
      raw += b.length;
      zipped += gz(b);
      files++;
    }
    return { raw, gzip: zipped, files };
  };
  return { url, html: { raw: html.length, gzip: gz(html), files: 1 }, css: sum(css), js: sum(js) };
}

/** Total size and file count of a directory tree (0 when missing). */
export function treeSize(dir: string): { bytes: number; files: number } {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Number of HTML pages under a directory. */
export function countPages(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

