/**
 * `npm run build`: the one build entry point. Builds the whole site into a staging folder and
 * swaps it into place only when every step succeeded:
 *
 *   ingest → astro → redirects → sitemap → pagefind → offline (zip) → precompress → swap into dist/
 *
 * Guarantees afterwards:
 * - success: `<out>/` is the new site, complete (never a mix of two builds);
 * - failure at any step: the error is printed (`file:line: …` from the ingest, Astro's own report
 *   for a page), the process exits 1, the staging folder is removed, and `<out>/` is byte for byte
 *   what it was before the build (or still absent);
 * - an interrupted swap is repaired by the next build (the previous site is put back first).
 *
 * The corpus is a parameter: `--corpus NAME`, else ATLAS_CORPUS, else content/atlas.json's default
 * (scripts/ingest/registry.ts), and so is the content root (`--content DIR`, default content/). The
 * ingest runs with --frozen-manifest: a published paragraph link missing from the corpus's manifest
 * stops the build; `--update-manifest` records new links instead (then commit the manifest).
 *
 * Usage: node scripts/build.ts [--corpus NAME] [--content DIR] [--out dist] [--update-manifest]
 * Environment: SITE_URL (src/lib/site-url.ts); ATLAS_BUILD_FAIL_AFTER=<step> makes the build fail
 * after that step (tests of the swap only).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { siteUrl } from '../src/lib/site-url.ts';
import { corpusPaths, type CorpusPaths } from './ingest/registry.ts';
import { writeOfflineBundle } from './offline.ts';
import { gzipDataFiles, writeCompressedDataset } from './dataset-gz.ts';
import { buildSearchIndexes, readIndexDigests, type ShardResult, writeIndexDigests } from './postbuild.ts';
import { writeSitePlan } from './site-plan.ts';
import { writeDocumentParts } from './document-parts.ts';
import { paragraphFallbackRules } from '../src/lib/paragraph-fallback.ts';
import type { SitePlan } from '../src/lib/site-plan.ts';
import { precompress } from './precompress.ts';
import { writeRedirects } from './redirects.ts';
import { readPageList, writeSitemap } from './sitemap.ts';

/** The build's steps, in order (names used in the log and by ATLAS_BUILD_FAIL_AFTER). */
export const STEPS = ['ingest', 'astro', 'redirects', 'sitemap', 'pagefind', 'offline', 'precompress'] as const;
/** One step's name. */
export type StepName = (typeof STEPS)[number];

/** What one build needs to know. */
export interface BuildOptions {
  /** Project root (where astro.config.mjs is). */
  root: string;
  /** Content root: atlas.json, registry/ (shared vocabularies), corpora/<name>/ (generated/ is written inside it). */
  content: string;
  /** The corpus to build (its name and folders under content/corpora/). */
  corpus: CorpusPaths;
  /** Where the finished site goes. */
  out: string;
  /** Record new paragraph links in the manifest instead of failing on them. */
  updateManifest: boolean;
}

/** Folders of one build, all beside `out` so the final renames stay on one file system. */
export function buildPaths(out: string): { work: string; staging: string; previous: string; pageList: string; indexDigests: string } {
  const work = join(dirname(out), `.${basename(out)}-build`);
  return { work, staging: join(work, 'staging'), previous: join(work, 'previous'), pageList: join(work, 'pages.json'), indexDigests: join(work, 'search-indexes.json') };
}

/** Runs a command, output passed through; rejects with a one-line message when it fails. */
function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code, signal) => (code === 0 ? done() : fail(new Error(`${basename(args[0] ?? command)} exited with ${signal ?? code} (its error is printed above)`))));
  });
}

/**
 * Puts the previous site back when an earlier build stopped between its two renames, so that a
 * build never starts without the last good site in place.
 */
async function repairInterruptedSwap(out: string, previous: string): Promise<void> {
  if (!existsSync(out) && existsSync(previous)) {
    await rename(previous, out);
    console.log(`build: restored ${out} from an interrupted build`);
  }
}

/** Replaces `out` with `staging` (two renames on one file system); the old site is deleted last. */
async function swap(staging: string, out: string, previous: string): Promise<void> {
  await rm(previous, { recursive: true, force: true });
  const hadSite = existsSync(out);
  if (hadSite) await rename(out, previous);
  try {
    await rename(staging, out);
  } catch (error) {
    if (hadSite) await rename(previous, out);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/** Runs the whole build; resolves when `out` holds the new site, rejects (leaving `out` alone) otherwise. */
export async function build(options: BuildOptions): Promise<void> {
  const { root, content, corpus, out } = options;
  const paths = buildPaths(out);
  const site = siteUrl(); // validated before any work
  const generated = resolve(root, process.env.ATLAS_GENERATED ?? join(content, 'generated'));
  const failAfter = process.env.ATLAS_BUILD_FAIL_AFTER;
  if (failAfter && !(STEPS as readonly string[]).includes(failAfter)) throw new Error(`ATLAS_BUILD_FAIL_AFTER=${failAfter}: not a step (${STEPS.join(', ')})`);

  await mkdir(paths.work, { recursive: true });
  await repairInterruptedSwap(out, paths.previous);
  await rm(paths.staging, { recursive: true, force: true });
  await rm(paths.pageList, { force: true });

  const node = process.execPath;
  const astroBin = join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'bin/astro.mjs');
  const env = { ATLAS_GENERATED: generated, ATLAS_PAGE_LIST: paths.pageList, ASTRO_TELEMETRY_DISABLED: '1' };
  let plan: SitePlan | null = null;
  let indexes: ShardResult[] = [];
  const steps: Record<StepName, () => Promise<string>> = {
    ingest: async () => {
      const manifest = options.updateManifest ? '--update-manifest' : '--frozen-manifest';
      // Relative paths, so its errors name files as a reader finds them (content/registry/x.json:12: …).
      const args = ['--content', relative(root, content) || '.', '--corpus', corpus.name, '--out', relative(root, generated) || '.', manifest];
      await run(node, ['scripts/ingest.ts', ...args], root, env);
      // What this corpus's site publishes (src/lib/site-plan.ts), read by the pages and the steps below.
      plan = await writeSitePlan(generated, content);
      const sized = `${plan.paragraphs} paragraphs ${plan.mode === 'full' ? '<=' : '>'} ${plan.largeCorpusParagraphs}`;
      // Documents too long for one page, and their parts (src/lib/document-parts.ts).
      const parts = await writeDocumentParts(generated, content);
      const split = Object.entries(parts.documents).map(([id, d]) => `${id} in ${d.parts.length} parts`);
      const long = split.length > 0 ? `${split.join(', ')} (page budget ${parts.budget} bytes)` : `no document over ${parts.budget} bytes`;
      return `corpus ${corpus.name} (${relative(root, corpus.dir)}); ${plan.mode} site (${sized}); ${long}`;
    },
    astro: async () => {
      await run(node, [astroBin, 'build', '--outDir', paths.staging], root, env);
      return `${(await readPageList(paths.pageList)).length} pages`;
    },
    redirects: async () => {
      const pages = (await writeRedirects(paths.staging, corpus.dir)).length;
      if (plan?.paragraphPages !== false) return `${pages} redirect pages`;
      // No page per paragraph: hosts that read _redirects answer its URL with a 301 to the paragraph.
      await appendFile(join(paths.staging, '_redirects'), paragraphFallbackRules());
      return `${pages} redirect pages; paragraph URLs redirected to their documents (_redirects, 404 page)`;
    },
    sitemap: async () => {
      const n = await writeSitemap(paths.staging, site, await readPageList(paths.pageList));
      return site ? `${n} URLs under ${site}` : 'SITE_URL not set: no sitemap.xml (it needs absolute URLs)';
    },
    pagefind: async () => {
      const shards = plan?.searchShards ?? [{ id: '', bundle: '/pagefind/', review: null, records: 0 }];
      // An index whose records did not change since the build now in `out` is reused from there;
      // the digests are forgotten until this build is in place (a crash in between re-indexes).
      const digests = await readIndexDigests(paths.indexDigests);
      await rm(paths.indexDigests, { force: true });
      indexes = await buildSearchIndexes(paths.staging, shards, { generated, maxFragments: plan?.maxFragmentsPerShard ?? null, previous: { site: out, digests } });
      const records = indexes.reduce((n, r) => n + r.records, 0);
      const reused = indexes.filter((r) => r.reused).length;
      const kinds = indexes.length === 1 ? 'index' : 'indexes (one per review)';
      return `${records} records (paragraphs and recommendations) in ${indexes.length} ${kinds}; reused ${reused} of ${indexes.length} index(es) whose records had not changed`;
    },
    offline: async () => {
      if (plan?.offlineZip === false) {
        // A large site has no offline copy of itself; what it offers to take away is the dataset, compressed.
        const d = await writeCompressedDataset(paths.staging, generated);
        const other = await gzipDataFiles(paths.staging);
        return (
          `no offline copy of a large site; paragraph dataset gzip-compressed (${d.paragraphs} paragraphs, ${(d.jsonBytes / 1e6).toFixed(0)} MB JSON, ${(d.csvBytes / 1e6).toFixed(0)} MB CSV before compression); ` +
          `${other.files} other data files gzip-compressed (${(other.before / 1e6).toFixed(0)} -> ${(other.after / 1e6).toFixed(0)} MB)`
        );
      }
      const s = await writeOfflineBundle(paths.staging);
      return `${s.entries} files, ${(s.inputBytes / 1e6).toFixed(1)} MB -> ${(s.zipBytes / 1e6).toFixed(1)} MB`;
    },
    precompress: async () => {
      // Hosts compress on their own; the copies serve scripts/serve.ts. On a large site they would add
      // about half the size of every long page to a dist/ that must stay under GitHub Pages' 1 GB.
      if (plan?.precompress === false) return 'skipped: a large site is compressed per response (scripts/serve.ts) and by hosts';
      const s = await precompress(paths.staging);
      return `${s.files} large files, +${(s.written / 1e6).toFixed(1)} MB of .br/.gz`;
    },
  };

  try {
    for (const name of STEPS) {
      const started = performance.now();
      const summary = await steps[name]().catch((error: unknown) => {
        throw Object.assign(new Error(error instanceof Error ? error.message : String(error)), { step: name });
      });
      console.log(`build: step ${name} done in ${((performance.now() - started) / 1000).toFixed(2)} s (${summary})`);
      if (failAfter === name) throw Object.assign(new Error(`ATLAS_BUILD_FAIL_AFTER=${name}: simulated failure`), { step: name });
    }
    await swap(paths.staging, out, paths.previous);
    await writeIndexDigests(paths.indexDigests, indexes);
  } finally {
    await rm(paths.staging, { recursive: true, force: true });
    await rm(paths.pageList, { force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      corpus: { type: 'string', default: '' },
      out: { type: 'string', default: 'dist' },
      'update-manifest': { type: 'boolean', default: false },
    },
  });
  const root = resolve(import.meta.dirname, '..');
  const out = resolve(values.out as string);
  const started = performance.now();
  try {
    const content = resolve(values.content as string);
    await build({ root, content, corpus: corpusPaths(content, values.corpus as string), out, updateManifest: values['update-manifest'] as boolean });
    console.log(`build: ${relative(process.cwd(), out) || out}/ replaced in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    const step = (error as { step?: string }).step;
    console.error(`error: ${(error as Error).message}`);
    console.error(`build failed${step ? ` at step "${step}"` : ''}; ${relative(process.cwd(), out) || out}/ was left as it was`);
    process.exitCode = 1;
  }
}
