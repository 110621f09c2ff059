/**
 * What the reading tests (tests/browser/reading-*.test.ts) need to know about the built site, read
 * from its own dataset (dist/data/) and folders, never hard-coded: one page of every kind, the
 * document pages by kind, the right with the most paragraphs, paragraphs with notes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A document as dist/data/documents.json lists it. */
export interface BuiltDocument {
  id: string;
  type: string;
  symbol: string | null;
  officialUrl: string | null;
  author: { kind: string };
  cycle: string;
}

/** A paragraph as dist/data/paragraphs.json lists it. */
export interface BuiltParagraph {
  id: string;
  document: string;
  anchor: string;
  number: string | null;
  kind: string;
  text: string;
  footnotes: number[];
  rights: string[];
  bodies: string[];
  citation: string;
}

/** A note as dist/data/footnotes.json lists it. */
export interface BuiltNote {
  document: string;
  n: number;
  text: string | null;
}

/** The built site's dataset. */
export interface BuiltSite {
  dist: string;
  documents: BuiltDocument[];
  paragraphs: BuiltParagraph[];
  notes: BuiltNote[];
}

const readJson = <T>(file: string): T => {
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site (npm run build) first`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
};

/** Reads the dataset of a built site. */
export function builtSite(dist: string): BuiltSite {
  const unwrap = <T>(raw: unknown, key: string): T[] => (Array.isArray(raw) ? raw : ((raw as Record<string, T[]>)[key] ?? [])) as T[];
  return {
    dist,
    documents: unwrap<BuiltDocument>(readJson(join(dist, 'data/documents.json')), 'documents'),
    paragraphs: unwrap<BuiltParagraph>(readJson(join(dist, 'data/paragraphs.json')), 'paragraphs'),
    notes: unwrap<BuiltNote>(readJson(join(dist, 'data/footnotes.json')), 'footnotes'),
  };
}

/** Sub-folders of a built folder that hold a page, sorted. */
function pages(dist: string, folder: string): string[] {
  const dir = join(dist, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

/** The key with the largest count (ties: first in sorted order). */
function most(counts: Map<string, number>): string | undefined {
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
}

/** Counts of values over paragraphs. */
function countBy(paragraphs: BuiltParagraph[], keys: (p: BuiltParagraph) => string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of paragraphs) for (const k of keys(p)) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** The right with the most paragraphs: the longest right page. */
export function busiestRight(site: BuiltSite): string {
  const id = most(countBy(site.paragraphs, (p) => p.rights));
  if (!id) throw new Error('no paragraph carries a right');
  return id;
}

/**
 * URL paths of the part pages of a document published in parts (/documents/{doc}/part/{n}/, by
 * number); none for a document on one page. Read from the built folders.
 */
export function partPages(dist: string, doc: string): string[] {
  return pages(dist, `documents/${doc}/part`)
    .filter((n) => /^\d+$/.test(n))
    .sort((a, b) => Number(a) - Number(b))
    .map((n) => `/documents/${doc}/part/${n}/`);
}

const holders = new Map<string, Map<string, string>>();

/**
 * The page that shows a paragraph, heading or note (`fn-N`) of `doc` in full: its part page when
 * the document is in parts (found by reading the built part pages for the element; a note printed
 * in two parts counts for the first), else the document page.
 */
export function pageHolding(dist: string, doc: string, anchor: string): string {
  if (!holders.has(doc)) {
    const map = new Map<string, string>();
    for (const url of partPages(dist, doc)) {
      const html = readFileSync(join(dist, url, 'index.html'), 'utf8');
      for (const m of html.matchAll(/<(?:section class="para[^"]*"|p class="fn"|h[2-6]) id="([^"]+)"/g)) if (!map.has(m[1]!)) map.set(m[1]!, url);
    }
    holders.set(doc, map);
  }
  return holders.get(doc)!.get(anchor) ?? `/documents/${doc}/`;
}

/** The document with the most HTML, its page and its part pages together (the longest report). */
export function heaviestDocument(site: BuiltSite): BuiltDocument {
  const size = (url: string) => readFileSync(join(site.dist, url, 'index.html')).length;
  const sized = site.documents.map((d) => ({ d, bytes: [`/documents/${d.id}/`, ...partPages(site.dist, d.id)].reduce((n, u) => n + size(u), 0) }));
  return sized.sort((a, b) => b.bytes - a.bytes)[0]!.d;
}

/**
 * One URL of every page kind, the largest of its kind where that differs: home, indexes, every
 * document page and every part page of a document in parts, a paragraph page with notes, the busiest right, body, cycle, article and
 * recommendation, search, about, the 404 page.
 */
export function pageOfEveryKind(site: BuiltSite): string[] {
  const { dist } = site;
  const withNotes = site.paragraphs.find((p) => p.footnotes.length > 0) ?? site.paragraphs[0]!;
  const body = most(countBy(site.paragraphs, (p) => p.bodies));
  const cycle = most(countBy(site.paragraphs, (p) => [site.documents.find((d) => d.id === p.document)?.cycle ?? '']));
  const articles = pages(dist, 'iccpr');
  // A recommendation's page is /recommendations/{review}/{id}/; one-level pages there are redirects of moved URLs.
  const recommendations = pages(dist, 'recommendations').filter((r) => !readFileSync(join(dist, 'recommendations', r, 'index.html'), 'utf8').includes('http-equiv="refresh"'));
  const reviews = (existsSync(join(dist, 'recommendations')) ? readdirSync(join(dist, 'recommendations'), { withFileTypes: true }) : []).filter((e) => e.isDirectory() && !existsSync(join(dist, 'recommendations', e.name, 'index.html'))).map((e) => e.name).sort();
  const recommendationPage = reviews.flatMap((r) => pages(dist, join('recommendations', r)).map((id) => `${r}/${id}`))[0];
  return [
    '/',
    '/documents/',
    ...site.documents.flatMap((d) => [`/documents/${d.id}/`, ...partPages(dist, d.id)]),
    `/documents/${withNotes.document}/${withNotes.anchor}/`,
    '/rights/',
    `/rights/${busiestRight(site)}/`,
    '/bodies/',
    ...(body ? [`/bodies/${body}/`] : []),
    '/cycles/',
    ...(cycle ? [`/cycles/${cycle}/`] : []),
    '/iccpr/',
    ...articles.slice(0, 1).map((a) => `/iccpr/${a}/`),
    ...(recommendations.length > 0 || recommendationPage ? ['/recommendations/', `/recommendations/${recommendationPage ?? recommendations[0]}/`] : []),
    ...(existsSync(join(dist, 'states', 'index.html')) ? ['/states/'] : []),
    '/search/',
    '/about/',
    '/404.html',
  ];
}
