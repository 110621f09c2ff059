/**
 * Build step (scripts/build.ts): the search index, written with Pagefind's Node API.
 *
 * Guarantees afterwards:
 * - `<site>/pagefind/` holds the search bundle (pagefind.js, WASM, index, filters, fragments);
 * - one Pagefind record per paragraph the ingest wrote, read from the ingest's data
 *   (`<generated>/paragraphs/*.json`, src/lib/search-record-html.ts), not from the built pages, so
 *   it costs the same whether or not the paragraphs' permanent pages are built; each record's URL
 *   is the paragraph's permanent URL; and one record per recommendation, read from its page
 *   (RECOMMENDATION_PAGES); the record count must equal the paragraphs and recommendations the
 *   ingest wrote, otherwise the build fails naming both;
 * - footnote markers are not part of any record's text;
 * - at most `maxFragments` fragment files (Pagefind bundles the rest into shared files), when set;
 * - Pagefind's prebuilt UI bundles and its web worker, which the site does not load, are removed.
 *
 * Usage: `node scripts/postbuild.ts [siteDir]` (default: dist; also env SITE_DIR), from
 * content/generated (or ATLAS_GENERATED).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Paragraph } from '../src/schemas/paragraph.ts';
import { recordHtml, type RecordHtml } from '../src/lib/search-record-html.ts';
import { loadSearchRegistries } from '../src/scripts/load-search-registries.ts';
import type { SearchRegistries } from '../src/scripts/search-record.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
/** The installed Pagefind's version (part of what an index is made from). */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(join(projectRoot, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;

/** The recommendations' permanent pages (/recommendations/{review}/{id}/), one record each (ids and texts findable). */
export const RECOMMENDATION_PAGES = 'recommendations/*/*/index.html';

/** Elements inside a paragraph's indexed region that are not part of its text. */
export const EXCLUDED_FROM_TEXT = ['sup.fnref'];

/** Files Pagefind writes for its own UIs, and its worker (the search page runs it with noWorker). */
const UNUSED_BUNDLE_FILES = [
  'pagefind-worker.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Total size in bytes of every file under `dir`. */
export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Number of recommendations the ingest wrote to `<generated>/recommendations.json` (0 without the file). */
async function expectedRecommendations(generated: string): Promise<number> {
  try {
    const data = JSON.parse(await readFile(join(generated, 'recommendations.json'), 'utf8')) as { records?: unknown[] };
    return Array.isArray(data.records) ? data.records.length : 0;
  } catch {
    return 0;
  }
}

/** Number of records the ingest's output calls for (paragraphs in `<generated>/paragraphs/`, plus recommendations), or null when there is no generated content. */
export async function expectedRecords(generated: string = join(projectRoot, 'content/generated')): Promise<number | null> {
  const dir = join(generated, 'paragraphs');
  let files: string[];
  try {
    files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return null;
  }
  let count = 0;
  for (const name of files) {
    const paragraphs: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'));
    if (!Array.isArray(paragraphs)) throw new Error(`${join(dir, name)}: expected a JSON array of paragraphs`);
    count += paragraphs.length;
  }
  return count + (await expectedRecommendations(generated));
}

/** Summary of one indexing run. */
export interface IndexSummary {
  /** Records (pages) indexed. */
  records: number;
  /** Bytes of the search bundle on disk after clean-up. */
  bundleBytes: number;
  /** Bytes of index data only (pf_meta, pf_index, pf_filter, pf_fragment files). */
  indexBytes: number;
  /** Wall time in milliseconds. */
  ms: number;
}

/** Options of one indexing run. */
export interface IndexOptions {
  /** The ingest's output the records are read from (default content/generated, or ATLAS_GENERATED). */
  generated?: string;
  /** Shared vocabularies (rights, bodies) the records' filters and terms are resolved against. */
  shared?: string;
  /** At most this many fragment files (null: one per record, the least bytes per result). */
  maxFragments?: number | null;
  /** Site path of the bundle (default /pagefind/). */
  bundle?: string;
  /** Index only the records of this review (cycle id); null or absent: all. */
  review?: string | null;
}

/**
 * Bump when this module changes what it writes for the same records (a reused index must be the
 * index this code would write).
 */
const INDEX_FORMAT = 1;

/**
 * The records of one index: every paragraph of `<generated>/paragraphs/` (documents in file-name
 * order, paragraphs in reading order), read from data, then every recommendation page of the built
 * site (`<site>/recommendations/<review>/<id>/index.html`, in path order), read from the page as
 * Pagefind would; or those of one review only.
 */
export async function collectRecords(generated: string, registries: SearchRegistries, review: string | null = null, site: string | null = null): Promise<RecordHtml[]> {
  const dir = join(generated, 'paragraphs');
  const documents = review === null ? registries.documents : registries.documents.filter((d) => d.cycle === review);
  const byFile = new Map(documents.map((d) => [`${d.id}.json`, d]));
  const records: RecordHtml[] = [];
  for (const name of (await readdir(dir)).filter((f) => byFile.has(f)).sort()) {
    const paragraphs: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'));
    if (!Array.isArray(paragraphs)) throw new Error(`${join(dir, name)}: expected a JSON array of paragraphs`);
    // One document's registries: a record resolves its document by a linear lookup.
    const view = { ...registries, documents: [byFile.get(name) as SearchRegistries['documents'][number]] };
    for (const p of paragraphs as Paragraph[]) records.push(recordHtml(p, view));
  }
  const recs = site === null ? null : join(site, 'recommendations');
  if (recs !== null && existsSync(recs)) {
    const reviews = (await readdir(recs, { withFileTypes: true })).filter((e) => e.isDirectory() && (review === null || e.name === review)).map((e) => e.name).sort();
    for (const r of reviews) {
      for (const id of (await readdir(join(recs, r), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
        const file = join(recs, r, id, 'index.html');
        if (existsSync(file)) records.push({ url: `/recommendations/${r}/${id}/`, content: await readFile(file, 'utf8') });
      }
    }
  }
  return records;
}

/** What an index is made from: Pagefind's version, this module's format and options, every record. */
export function recordsDigest(records: readonly RecordHtml[], maxFragments: number | null): string {
  const hash = createHash('sha256').update(JSON.stringify({ pagefind: PAGEFIND_VERSION, format: INDEX_FORMAT, maxFragments, excluded: EXCLUDED_FROM_TEXT }));
  for (const r of records) hash.update(`\0${r.url}\0${r.content}`);
  return hash.digest('hex');
}

/** Writes the Pagefind bundle of `records` to `outputPath` (replacing it); fails unless every record was indexed. */
export async function writeIndex(outputPath: string, records: readonly RecordHtml[], maxFragments: number | null = null): Promise<IndexSummary> {
  const started = performance.now();
  await rm(outputPath, { recursive: true, force: true });
  let indexed = 0;
  try {
    const { errors, index } = await pagefind.createIndex({
      forceLanguage: 'en',
      // Footnote markers are links, not words: indexed, "concern.74" would be a token.
      excludeSelectors: EXCLUDED_FROM_TEXT,
      ...(maxFragments ? { maxFragments } : {}),
    });
    if (!index) throw new Error(`pagefind: could not create an index: ${errors.join('; ')}`);
    // A few hundred records in flight at a time: enough to keep the indexer busy, little memory.
    for (let i = 0; i < records.length; i += 256) {
      const added = await Promise.all(records.slice(i, i + 256).map((r) => index.addHTMLFile(r)));
      for (const a of added) if (a.errors.length) throw new Error(`pagefind: indexing ${a.file?.url ?? '?'} failed: ${a.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: writing ${outputPath} failed: ${written.errors.join('; ')}`);
    // The entry file counts the records indexed.
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    if (indexed !== records.length || indexed === 0) {
      // A wrong index must not look like a finished build (tests check its age).
      await rm(outputPath, { recursive: true, force: true });
      throw new Error(`pagefind: indexed ${indexed} records of ${records.length} paragraphs for ${outputPath}; every paragraph needs exactly one record with text`);
    }
  } finally {
    await pagefind.close();
  }
  for (const name of UNUSED_BUNDLE_FILES) await rm(join(outputPath, name), { force: true });
  // Only the forced language is ever loaded; the fallback WASM for "unknown" is dead weight.
  await rm(join(outputPath, 'wasm.unknown.pagefind'), { force: true });
  let indexBytes = 0;
  for (const entry of await readdir(outputPath, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.pf_(meta|index|filter|fragment)$/.test(entry.name)) {
      indexBytes += (await stat(join(entry.parentPath, entry.name))).size;
    }
  }
  return { records: indexed, bundleBytes: await directorySize(outputPath), indexBytes, ms: Math.round(performance.now() - started) };
}

/** Indexes every paragraph of the ingest's output (or one State's) into `<siteDir><bundle>` (default /pagefind/). */
export async function buildSearchIndex(siteDir: string, options: IndexOptions = {}): Promise<IndexSummary> {
  const generated = resolve(options.generated ?? process.env.ATLAS_GENERATED ?? join(projectRoot, 'content/generated'));
  const expected = await expectedRecords(generated);
  const records = await collectRecords(generated, loadSearchRegistries(generated, options.shared), options.review ?? null, siteDir);
  if (options.review == null && expected !== null && records.length !== expected) {
    throw new Error(`pagefind: ${records.length} records but the ingest wrote ${expected} paragraphs and recommendations (${generated}); every paragraph's document must be in registry/documents.json and every recommendation needs its page`);
  }
  return writeIndex(join(siteDir, options.bundle ?? '/pagefind/'), records, options.maxFragments ?? null);
}

/** One index of a build: where it went and what it was made from. */
export interface ShardResult {
  bundle: string;
  records: number;
  indexBytes: number;
  /** recordsDigest of its records. */
  digest: string;
  /** Copied from the previous site because its records were unchanged. */
  reused: boolean;
}

/**
 * Writes every index of a site plan into `siteDir`, one at a time (Pagefind holds an index in
 * memory until it is written: about 70 KB a record). An index whose records are those of the
 * previous build (`previous`: its digests, and the site they were written into) is hard-linked
 * from there instead of written again: adding a document to a large site re-indexes its State only.
 */
export async function buildSearchIndexes(
  siteDir: string,
  shards: ReadonlyArray<{ bundle: string; review: string | null }>,
  options: { generated: string; shared?: string; maxFragments: number | null; previous?: { site: string; digests: Map<string, string> } },
): Promise<ShardResult[]> {
  const registries = loadSearchRegistries(options.generated, options.shared);
  const expected = await expectedRecords(options.generated);
  const results: ShardResult[] = [];
  for (const shard of shards) {
    const records = await collectRecords(options.generated, registries, shard.review, siteDir);
    const digest = recordsDigest(records, options.maxFragments);
    const target = join(siteDir, shard.bundle);
    const old = options.previous ? join(options.previous.site, shard.bundle) : null;
    if (old && options.previous?.digests.get(shard.bundle) === digest && existsSync(join(old, 'pagefind-entry.json'))) {
      await linkTree(old, target);
      results.push({ bundle: shard.bundle, records: records.length, indexBytes: 0, digest, reused: true });
      continue;
    }
    const summary = await writeIndex(target, records, options.maxFragments);
    results.push({ bundle: shard.bundle, records: summary.records, indexBytes: summary.indexBytes, digest, reused: false });
  }
  const total = results.reduce((n, r) => n + r.records, 0);
  if (expected !== null && total !== expected) {
    throw new Error(`pagefind: ${total} records in ${results.length} index(es) but the ingest wrote ${expected} paragraphs and recommendations (${options.generated}); every paragraph and every recommendation page needs exactly one record`);
  }
  return results;
}

/** Hard-links every file of `from` into `to` (same file system; the staging folder sits beside the site). */
async function linkTree(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const dest = join(to, relative(from, source));
    await mkdir(dirname(dest), { recursive: true });
    await link(source, dest);
  }
}

/** Reads the digests of the indexes a previous build wrote (bundle → digest); empty when none. */
export async function readIndexDigests(file: string): Promise<Map<string, string>> {
  if (!existsSync(file)) return new Map();
  const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(data));
}

/** Records which records each index of the site was made from, for the next build. */
export async function writeIndexDigests(file: string, shards: readonly ShardResult[]): Promise<void> {
  const data = Object.fromEntries([...shards].sort((a, b) => a.bundle.localeCompare(b.bundle)).map((s) => [s.bundle, s.digest]));
  await writeFile(file, `${JSON.stringify(data, null, 1)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const siteDir = resolve(process.argv[2] ?? process.env.SITE_DIR ?? join(projectRoot, 'dist'));
  try {
    const summary = await buildSearchIndex(siteDir);
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `pagefind: ${summary.records} records (paragraphs and recommendations), index ${kb(summary.indexBytes)}, ` +
        `bundle ${kb(summary.bundleBytes)} in ${summary.ms} ms`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
