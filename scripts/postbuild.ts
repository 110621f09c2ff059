/**
 * Build step (scripts/build.ts): indexes the built site with Pagefind (Node API).
 *
 * Guarantees afterwards:
 * - `<site>/pagefind/` holds the search bundle (pagefind.js, WASM, index, filters, fragments);
 * - one Pagefind record per paragraph and per recommendation: only the per-paragraph and
 *   per-recommendation pages are read and only their `data-pagefind-body` region is indexed; the
 *   record count must equal the number of paragraphs and recommendations the ingest wrote (when
 *   known), otherwise the build fails naming both;
 * - footnote markers (sup.fnref) are not part of any record's text;
 * - Pagefind's prebuilt UI bundles and its web worker, which the site does not load, are removed.
 *
 * Usage: `node scripts/postbuild.ts [siteDir]` (default: dist; also env SITE_DIR).
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The paragraphs' permanent pages (/documents/{doc}/{anchor}/), the only pages with records.
 * Parsing only these skips the long document pages and saves about a third of the indexing time.
 */
export const PARAGRAPH_PAGES = 'documents/*/*/index.html';

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

/** Indexes `siteDir` with Pagefind and writes `<siteDir>/pagefind/`. */
export async function buildSearchIndex(siteDir: string, expected: number | null = null): Promise<IndexSummary> {
  const started = performance.now();
  const outputPath = join(siteDir, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  let records = 0;
  try {
    const { errors, index } = await pagefind.createIndex({
      forceLanguage: 'en',
      // Footnote markers are links, not words: indexed, "concern.74" would be a token.
      excludeSelectors: EXCLUDED_FROM_TEXT,
    });
    if (!index) throw new Error(`pagefind: could not create an index: ${errors.join('; ')}`);
    for (const glob of [PARAGRAPH_PAGES, RECOMMENDATION_PAGES]) {
      const added = await index.addDirectory({ path: siteDir, glob });
      if (added.errors.length) throw new Error(`pagefind: indexing ${siteDir} failed: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: writing ${outputPath} failed: ${written.errors.join('; ')}`);
    // addDirectory's page_count counts HTML files seen; the entry file counts records indexed.
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    records = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    if (records === 0) {
      throw new Error(
        `pagefind: no page matching ${siteDir}/${PARAGRAPH_PAGES} has data-pagefind-body; the per-paragraph pages must carry it`,
      );
    }
    if (expected !== null && records !== expected) {
      // A wrong index must not look like a finished build (tests check its age).
      await rm(outputPath, { recursive: true, force: true });
      throw new Error(
        `pagefind: indexed ${records} records but the ingest wrote ${expected} paragraphs and recommendations; ` +
          `every paragraph and recommendation needs its page (${PARAGRAPH_PAGES}, ${RECOMMENDATION_PAGES}) with one data-pagefind-body region`,
      );
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
  return {
    records,
    bundleBytes: await directorySize(outputPath),
    indexBytes,
    ms: Math.round(performance.now() - started),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const siteDir = resolve(process.argv[2] ?? process.env.SITE_DIR ?? join(projectRoot, 'dist'));
  // The paragraph count check applies to the real site only, not to fixture builds elsewhere.
  const expected = siteDir === resolve(projectRoot, 'dist') ? await expectedRecords() : null;
  try {
    const summary = await buildSearchIndex(siteDir, expected);
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
