/**
 * A static crawl of a built site (`dist/`): pages with their ids and every URL they reference,
 * and checks over them — broken internal links and anchors, pages missing from the sitemap,
 * references to other origins. Pure functions over files; no server, no browser.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';
import { listFiles } from './tree.ts';

/** Placeholder origin used to resolve site-relative URLs. */
const LOCAL = 'http://atlas.invalid';

/** One URL a page references, with the element and attribute that carry it. */
export interface Reference {
  /** Element name, e.g. "a", "link", "script". */
  tag: string;
  /** Attribute name, e.g. "href", "src", "srcset". */
  attr: string;
  /** The URL as written. */
  value: string;
  /** The `rel` attribute of the element, if any (canonical links are not requests). */
  rel: string | null;
}

/** One built HTML page. */
export interface Page {
  /** File path relative to dist, `/`-separated. */
  file: string;
  /** URL path the page is served at ("/documents/x/"). */
  url: string;
  /** Every id attribute value on the page (duplicates kept). */
  ids: string[];
  /** Every URL-carrying attribute on the page. */
  refs: Reference[];
  /** Whether the page asks not to be indexed (redirects, 404). */
  noindex: boolean;
  /** Inline code a Content-Security-Policy governs. */
  inline: InlineCode;
  /** Content of a `<meta http-equiv="content-security-policy">`, or null. */
  metaCsp: string | null;
}

/** Inline scripts, styles and attributes of a page, which a CSP without 'unsafe-inline' blocks. */
export interface InlineCode {
  /** Text of each executable `<script>` without `src` (JSON data blocks excluded). */
  scripts: string[];
  /** Text of each `<style>` element. */
  styles: string[];
  /** Number of elements with a `style` attribute. */
  styleAttributes: number;
  /** Event-handler attributes as `tag onclick`. */
  handlers: string[];
}

/** Script types a browser executes (an absent or empty type counts as JavaScript). */
const EXECUTABLE_SCRIPT = /^(|module|text\/javascript|application\/javascript|text\/ecmascript)$/i;

/** The crawl of a whole built site. */
export interface Site {
  /** Every file under dist (relative paths). */
  files: Set<string>;
  /** Every HTML page by URL path. */
  pages: Map<string, Page>;
}

/** Attributes that carry URLs, per element ('*' = any element). */
const URL_ATTRS: Array<[tag: string, attr: string]> = [
  ['*', 'href'],
  ['*', 'src'],
  ['*', 'srcset'],
  ['*', 'action'],
  ['*', 'formaction'],
  ['*', 'poster'],
  ['object', 'data'],
  ['*', 'xlink:href'],
];

/** Maps a file under dist to the URL path it is served at. */
export function fileToUrl(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

let parserPromise: Promise<Parser> | undefined;
function parser(): Promise<Parser> {
  parserPromise ??= Promise.resolve(new StaticConfigLoader().getConfigFor('page.html')).then(
    (config) => new Parser(config),
  );
  return parserPromise;
}

/** Splits a srcset attribute into its URLs. */
function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Parses one HTML document into its ids and references. */
export async function parsePage(file: string, html: string): Promise<Page> {
  const root = (await parser()).parseHtml(html);
  const ids: string[] = [];
  const refs: Reference[] = [];
  let noindex = false;
  let metaCsp: string | null = null;
  const inline: InlineCode = { scripts: [], styles: [], styleAttributes: 0, handlers: [] };
  const visit = (el: HtmlElement) => {
    const tag = el.tagName;
    if (tag) {
      const id = el.getAttributeValue('id');
      if (id !== null) ids.push(id);
      // html-validate lowercases attribute names; `name` anchors are obsolete and not honoured.
      const rel = el.getAttributeValue('rel');
      for (const [t, attr] of URL_ATTRS) {
        if (t !== '*' && t !== tag) continue;
        const value = el.getAttributeValue(attr);
        if (value === null) continue;
        const urls = attr === 'srcset' ? srcsetUrls(value) : [value];
        for (const url of urls) refs.push({ tag, attr, value: url, rel });
      }
      if (tag === 'script' && el.getAttributeValue('src') === null) {
        if (EXECUTABLE_SCRIPT.test((el.getAttributeValue('type') ?? '').trim())) inline.scripts.push(el.textContent);
      }
      if (tag === 'style') inline.styles.push(el.textContent);
      if (el.getAttributeValue('style') !== null) inline.styleAttributes++;
      for (const attr of el.attributes) {
        if (/^on[a-z]+$/i.test(attr.key)) inline.handlers.push(`${tag} ${attr.key}`);
      }
      if (tag === 'meta') {
        const equiv = el.getAttributeValue('http-equiv')?.toLowerCase();
        const content = el.getAttributeValue('content') ?? '';
        if (equiv === 'content-security-policy') metaCsp = content;
        if (equiv === 'refresh') {
          const m = /url\s*=\s*['"]?([^'"]+)/i.exec(content);
          if (m?.[1]) refs.push({ tag, attr: 'content', value: m[1].trim(), rel: null });
        }
        if (el.getAttributeValue('name')?.toLowerCase() === 'robots' && /noindex/i.test(content)) noindex = true;
      }
    }
    for (const child of el.childElements) visit(child);
  };
  visit(root);
  return { file, url: fileToUrl(file), ids, refs, noindex, inline, metaCsp };
}

/** Reads every file and parses every HTML page under `dist`. */
export async function crawl(dist: string): Promise<Site> {
  const files = await listFiles(dist);
  const pages = new Map<string, Page>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const page = await parsePage(file, await readFile(join(dist, file), 'utf8'));
    pages.set(page.url, page);
  }
  return { files: new Set(files), pages };
}

/** How a reference resolves. */
export type Resolution =
  | { kind: 'external'; url: URL }
  | { kind: 'other-scheme'; scheme: string }
  | { kind: 'internal'; path: string; hash: string; file: string | null };

/** Resolves `value` as written on the page at `pageUrl` against the files of the site. */
export function resolve(site: Site, pageUrl: string, value: string, ownOrigin: string | null = null): Resolution {
  let url = new URL(value, LOCAL + pageUrl);
  // Absolute links to the deployed site (canonical, og:url) must resolve like internal ones.
  if (ownOrigin !== null && url.origin === ownOrigin) url = new URL(url.pathname + url.search + url.hash, LOCAL);
  if (url.origin !== LOCAL) {
    if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'external', url };
    return { kind: 'other-scheme', scheme: url.protocol };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const rel = path.replace(/^\//, '');
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
  const file = candidates.find((c) => site.files.has(c)) ?? null;
  return { kind: 'internal', path, hash: url.hash.replace(/^#/, ''), file };
}

/**
 * Lists every internal reference that does not resolve: a missing file, or a `#fragment` with no
 * element of that id on the target page. Absolute URLs on `ownOrigin` (canonical links) count as
 * internal. Each message names the page, the element and the URL.
 */
export function brokenInternalLinks(site: Site, ownOrigin: string | null = null): string[] {
  const problems: string[] = [];
  for (const page of site.pages.values()) {
    for (const ref of page.refs) {
      const r = resolve(site, page.url, ref.value, ownOrigin);
      if (r.kind !== 'internal') continue;
      const where = `${page.url}: <${ref.tag} ${ref.attr}="${ref.value}">`;
      if (r.file === null) {
        problems.push(`${where} points to a missing file ${r.path}`);
        continue;
      }
      if (r.hash === '' || r.hash === 'top') continue;
      if (!r.file.endsWith('.html')) continue;
      const target = site.pages.get(fileToUrl(r.file));
      let id = r.hash;
      try {
        id = decodeURIComponent(r.hash);
      } catch {
        /* keep the raw fragment */
      }
      if (!target?.ids.includes(id)) problems.push(`${where} names #${id}, which ${fileToUrl(r.file)} does not have`);
    }
  }
  return problems.sort();
}

/** Lists ids that occur more than once on the same page (an anchor must name one element). */
export function duplicateIds(site: Site): string[] {
  const problems: string[] = [];
  for (const page of site.pages.values()) {
    const seen = new Set<string>();
    for (const id of page.ids) {
      if (seen.has(id)) problems.push(`${page.url}: id "${id}" occurs more than once`);
      seen.add(id);
    }
  }
  return [...new Set(problems)].sort();
}

/** Extracts the `<loc>` URLs of a sitemap (or sitemap index) document. */
export function sitemapLocations(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) =>
    (m[1] as string).replaceAll('&amp;', '&'),
  );
}

/**
 * Compares the sitemap with the built pages: every indexable page must be listed, and every
 * listed URL must be a built page. `locations` are absolute URLs on the site's origin.
 */
export function sitemapProblems(site: Site, locations: string[]): string[] {
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const loc of locations) {
    const path = decodeURIComponent(new URL(loc).pathname);
    listed.add(path);
    if (!site.pages.has(path)) problems.push(`sitemap lists ${loc}, which is not a built page`);
  }
  for (const page of site.pages.values()) {
    if (page.noindex || page.url === '/404.html') continue;
    if (!listed.has(page.url)) problems.push(`${page.url} is missing from the sitemap`);
  }
  return problems.sort();
}

/** Hosts whose documents the site may link to (official UN document repositories). */
export const OFFICIAL_UN_HOSTS = [
  'undocs.org',
  'docs.un.org',
  'documents.un.org',
  'digitallibrary.un.org',
  'www.ohchr.org',
  'ohchr.org',
  'tbinternet.ohchr.org',
  'uhri.ohchr.org',
  'www.un.org',
];

/**
 * Lists references that would make a browser contact another origin, or link to a site other than
 * an official UN document host. Allowed: `<a href>` to `allowedLinkHosts`; `<link rel="canonical">`
 * and sitemap-style self references to `ownOrigin`. Everything fetched (src, srcset, stylesheets,
 * scripts, preloads, form actions) must be same-origin.
 */
export function thirdPartyReferences(
  site: Site,
  { allowedLinkHosts = OFFICIAL_UN_HOSTS, ownOrigin = null as string | null } = {},
): string[] {
  const problems: string[] = [];
  for (const page of site.pages.values()) {
    for (const ref of page.refs) {
      const r = resolve(site, page.url, ref.value);
      const where = `${page.url}: <${ref.tag} ${ref.attr}="${ref.value}">`;
      if (r.kind === 'other-scheme') {
        if (r.scheme === 'javascript:') problems.push(`${where} uses a javascript: URL`);
        else if (ref.tag !== 'a' && r.scheme !== 'data:') problems.push(`${where} uses scheme ${r.scheme}`);
        continue;
      }
      if (r.kind !== 'external') continue;
      if (ownOrigin !== null && r.url.origin === ownOrigin && ref.tag !== 'script' && ref.attr !== 'src') continue;
      const isLink = ref.tag === 'a' && ref.attr === 'href';
      if (isLink && allowedLinkHosts.includes(r.url.hostname)) continue;
      problems.push(
        isLink ? `${where} links to ${r.url.hostname}, which is not an official UN document host` : `${where} loads from another origin`,
      );
    }
  }
  return problems.sort();
}

/** Finds absolute http(s) URLs in CSS (`url(...)`, `@import`), which would be fetched. */
export function cssExternalUrls(css: string): string[] {
  const found = [
    ...css.matchAll(/url\(\s*['"]?\s*((?:https?:)?\/\/[^'")\s]+)/gi),
    ...css.matchAll(/@import\s+['"]((?:https?:)?\/\/[^'"]+)/gi),
  ];
  return found.map((m) => m[1] as string);
}

/** A parsed Content-Security-Policy: directive name -> source list (lowercased names). */
export type Csp = Map<string, string[]>;

/** Parses a CSP header value. */
export function parseCsp(value: string): Csp {
  const csp: Csp = new Map();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !csp.has(name.toLowerCase())) csp.set(name.toLowerCase(), sources);
  }
  return csp;
}

/** The source list that governs `directive`, following CSP fallbacks to default-src. */
function sourcesFor(csp: Csp, ...directives: string[]): string[] | null {
  for (const d of [...directives, 'default-src']) {
    const list = csp.get(d);
    if (list) return list;
  }
  return null;
}

/** Whether a source list admits an inline block with this text. */
function admitsInline(list: string[] | null, text: string): boolean {
  if (list === null) return true;
  const hashed = ['sha256', 'sha384', 'sha512'].some((alg) =>
    list.includes(`'${alg}-${createHash(alg).update(text, 'utf8').digest('base64')}'`),
  );
  if (hashed) return true;
  const hasHashOrNonce = list.some((s) => /^'(sha(256|384|512)-|nonce-)/.test(s));
  return list.includes("'unsafe-inline'") && !hasHashOrNonce;
}

/**
 * Lists inline code on the built pages that the policy would block: inline scripts and styles
 * without a matching hash or 'unsafe-inline', style attributes, event-handler attributes.
 */
export function cspViolations(site: Site, csp: Csp): string[] {
  const problems: string[] = [];
  const scriptElem = sourcesFor(csp, 'script-src-elem', 'script-src');
  const scriptAttr = sourcesFor(csp, 'script-src-attr', 'script-src');
  const styleElem = sourcesFor(csp, 'style-src-elem', 'style-src');
  const styleAttr = sourcesFor(csp, 'style-src-attr', 'style-src');
  for (const page of site.pages.values()) {
    const { scripts, styles, styleAttributes, handlers } = page.inline;
    for (const text of scripts) {
      if (!admitsInline(scriptElem, text)) problems.push(`${page.url}: inline <script> (${text.trim().slice(0, 60)}…) is blocked by script-src`);
    }
    for (const text of styles) {
      if (!admitsInline(styleElem, text)) problems.push(`${page.url}: inline <style> (${text.trim().slice(0, 60)}…) is blocked by style-src`);
    }
    if (styleAttributes > 0 && !(styleAttr === null || styleAttr.includes("'unsafe-inline'"))) {
      problems.push(`${page.url}: ${styleAttributes} style attribute(s) are blocked by style-src`);
    }
    for (const h of handlers) {
      if (!(scriptAttr === null || scriptAttr.includes("'unsafe-inline'"))) problems.push(`${page.url}: <${h}> handler is blocked by script-src`);
    }
  }
  return problems.sort();
}

/** Sources in a policy that admit other origins: hosts, schemes other than data:, wildcards. */
export function cspExternalSources(csp: Csp): string[] {
  const out: string[] = [];
  for (const [directive, sources] of csp) {
    for (const s of sources) {
      if (s.startsWith("'")) continue;
      if (s === 'data:' && (directive === 'img-src' || directive === 'font-src')) continue;
      out.push(`${directive} ${s}`);
    }
  }
  return out;
}
