/**
 * Build step: the offline copy, `/data/atlas-offline.zip`: every page, asset, search file and data
 * file of the built site in one folder (`rights-review-atlas/`), readable from disk or from any
 * static server.
 *
 * Guarantees afterwards:
 * - the archive holds every file of the site except host configuration (`_headers`, `_redirects`),
 *   files with absolute URLs (`sitemap.xml`, `robots.txt`), precompressed `.br`/`.gz` siblings and
 *   itself, plus a README.txt;
 * - in HTML, every site-relative URL (`/documents/x/#p12`) is relative to the page
 *   (`../../documents/x/index.html#p12`), so links, styles and redirects work opened from disk
 *   (file://), where a folder URL does not open its index.html, and under any folder of a server;
 * - the search page says what works where: browsers run no module scripts from file://, so search
 *   and the copy buttons need the folder served (any static server at its root);
 * - the bytes depend on the site only: entries sorted, one fixed timestamp and mode, no extra
 *   timestamp fields (yazl `forceDosTimestamp`), deflate from Node's zlib.
 *
 * Nothing is copied to disk first: each file is read (and an HTML page rewritten) when the zip stream
 * reaches it, so one file at a time is in memory.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { extname, join, posix, relative, sep } from 'node:path';
import { ZipFile } from 'yazl';

/** Where the archive goes, relative to the site root (linked from the About page). */
export const OFFLINE_ZIP = 'data/atlas-offline.zip';

/** Top-level folder inside the archive. */
export const OFFLINE_FOLDER = 'rights-review-atlas';

/** The fixed timestamp of every entry (a DOS date; the earliest is 1980). */
export const OFFLINE_MTIME = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** Files of the site that the offline copy leaves out. */
export function leftOut(file: string): boolean {
  return (
    file === OFFLINE_ZIP ||
    file === '_headers' ||
    file === '_redirects' ||
    file === 'sitemap.xml' ||
    file === 'robots.txt' ||
    /\.(br|gz)$/.test(file)
  );
}

/** Extensions of files that are compressed already (Pagefind's index, images): stored, not deflated again. */
const STORED = /\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment|png|jpe?g|gif|webp|avif|woff2?|zip)$/;

/**
 * A site-relative URL (`/a/b/?q#f`) as a URL relative to the page file `fromFile` (`x/index.html`),
 * a folder URL pointing at its index.html. Anything else (absolute, protocol-relative, `#f`,
 * relative) is returned unchanged.
 */
export function relativeUrl(url: string, fromFile: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  const rest = cut < 0 ? '' : url.slice(cut);
  const target = path.endsWith('/') ? `${path}index.html` : path;
  const rel = posix.relative(posix.dirname(`/${fromFile}`), target);
  return `${rel || posix.basename(target)}${rest}`;
}

/** Attributes whose value is a URL. `data-bundle` is read by a module in /_astro/, so it is relative to that folder. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'data-to', 'poster']);

const OPEN_TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** Rewrites the URL attributes of one opening tag's attribute string. */
function rewriteAttributes(tag: string, attrs: string, fromFile: string): string {
  const isRefresh = tag === 'meta' && /http-equiv\s*=\s*["']?refresh/i.test(attrs);
  return attrs.replace(ATTRIBUTE, (whole, space: string, name: string, eq: string | undefined, dq?: string, sq?: string, bare?: string) => {
    const value = dq ?? sq ?? bare;
    if (eq === undefined || value === undefined) return whole;
    const lower = name.toLowerCase();
    let next = value;
    // The copy does not hold itself: its download link opens the copy's README instead.
    if (URL_ATTRIBUTES.has(lower)) next = relativeUrl(value === `/${OFFLINE_ZIP}` ? '/README.txt' : value, fromFile);
    else if (lower === 'data-bundle' && value.startsWith('/') && !value.startsWith('//')) {
      // A folder the search module (in /_astro/) imports from: relative to that folder, kept a folder.
      next = `${posix.relative('/_astro', value) || '.'}/`;
    }
    else if (isRefresh && lower === 'content') next = value.replace(/(url=)(\S+)/i, (_, k: string, u: string) => `${k}${relativeUrl(u, fromFile)}`);
    if (next === value) return whole;
    const quote = dq !== undefined ? '"' : sq !== undefined ? "'" : '"';
    return `${space}${name}${eq}${quote}${next}${quote}`;
  });
}

/**
 * Rewrites every site-relative URL in the tags of an HTML page (`fromFile`, relative to the site
 * root) to a page-relative one; text, comments and the contents of script/style elements are
 * copied as they are.
 */
export function relativizeHtml(html: string, fromFile: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const stop = end < 0 ? html.length : end + 3;
      out += html.slice(lt, stop);
      i = stop;
      continue;
    }
    OPEN_TAG.lastIndex = lt;
    const m = OPEN_TAG.exec(html);
    if (!m) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const tag = (m[1] as string).toLowerCase();
    out += `<${m[1]}${rewriteAttributes(tag, m[2] as string, fromFile)}${m[0].slice(1 + (m[1] as string).length + (m[2] as string).length)}`;
    i = lt + m[0].length;
    if (tag === 'script' || tag === 'style') {
      const close = html.toLowerCase().indexOf(`</${tag}`, i);
      const stop = close < 0 ? html.length : close;
      out += html.slice(i, stop);
      i = stop;
    }
  }
  return out + html.slice(i);
}

/** What the offline copy's search page says above the search form. */
export const OFFLINE_SEARCH_NOTE =
  'This is the offline copy of the library. Opened from disk (file://), browsers do not run the search or the ' +
  '“Copy citation” buttons; every page, link, citation and data file works. To search, serve this folder with any ' +
  'static server and open it at the server’s root, for example: python3 -m http.server 8000 (in this folder), ' +
  'then http://localhost:8000/search/.';

/** Adds the offline note at the start of the search page's main element. */
export function withSearchNote(html: string): string {
  return html.replace(/(<main\b[^>]*>)/, `$1<p class="offline-note" role="note">${OFFLINE_SEARCH_NOTE}</p>`);
}

/** The archive's README.txt. */
export const OFFLINE_README = `Rights Review Atlas: offline copy
=================================

Open index.html in this folder with a web browser. Every page, paragraph link, citation and
note works from disk, and the dataset is in data/ (paragraphs.json, paragraphs.csv,
documents.json, footnotes.json, corrections.json).

Search and the "Copy citation" buttons need JavaScript modules, which browsers do not run
from disk (file://). Serve this folder with any static web server, at the server's root:

    python3 -m http.server 8000        (then open http://localhost:8000/)
    npx sirv-cli . --port 8000

Paragraph addresses in citations are those of the published site.
`;

/** Summary of one archive. */
export interface OfflineSummary {
  /** Entries in the archive (files, README included). */
  entries: number;
  /** Bytes of the site's files that went in, before compression. */
  inputBytes: number;
  /** Size of the archive. */
  zipBytes: number;
}

/** Lists the site's files to archive, `/`-separated and sorted (code-point order). */
export async function offlineFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !leftOut(f))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Writes `<dist>/data/atlas-offline.zip` from the site in `dist`. */
export async function writeOfflineBundle(dist: string): Promise<OfflineSummary> {
  const files = await offlineFiles(dist);
  const target = join(dist, OFFLINE_ZIP);
  const partial = `${target}.partial`;
  const zip = new ZipFile();
  const options = { mtime: OFFLINE_MTIME, mode: 0o100644, forceDosTimestamp: true };
  const written = new Promise<void>((resolveWrite, rejectWrite) => {
    const out = createWriteStream(partial);
    out.on('close', () => resolveWrite());
    out.on('error', rejectWrite);
    zip.outputStream.on('error', rejectWrite);
    zip.outputStream.pipe(out);
  });
  let inputBytes = 0;
  zip.addBuffer(Buffer.from(OFFLINE_README), `${OFFLINE_FOLDER}/README.txt`, options);
  for (const file of files) {
    const path = join(dist, file);
    inputBytes += (await stat(path)).size;
    // Read when yazl reaches the entry, so only one file is in memory at a time.
    zip.addReadStreamLazy(`${OFFLINE_FOLDER}/${file}`, { ...options, compress: !STORED.test(file) }, (ready) => {
      if (extname(file) !== '.html') {
        ready(null, createReadStream(path));
        return;
      }
      readFile(path, 'utf8').then(
        (text) => {
          const html = relativizeHtml(text, file);
          ready(null, Readable.from([Buffer.from(file === 'search/index.html' ? withSearchNote(html) : html)]));
        },
        (error: unknown) => ready(error, Readable.from([])),
      );
    });
  }
  zip.end();
  try {
    await written;
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return { entries: files.length + 1, inputBytes, zipBytes: (await stat(target)).size };
}
