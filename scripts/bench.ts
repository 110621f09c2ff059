/**
 * `npm run bench`: the performance budget, measured and printed (never asserted).
 *
 * 1. Ingest: the CLI end to end (median of 3), and the pure pipeline per document in-process.
 * 2. Full build of a clean copy of the project (every step of the package.json build script, timed,
 *    with peak memory), Astro's own phase timings, and what the build wrote.
 * 3. Page weights (HTML / CSS / JS, raw and gzip) for the home page, a document, a paragraph page,
 *    the search page; Pagefind index size.
 * 4. Scale runs on synthetic corpora (scripts/bench/synth.ts): 20x by default; add `--scale 100`
 *    for 100x (several minutes). Build time, peak memory, pages, index size, and growth per document.
 *
 * Usage: node scripts/bench.ts [--scale N]... [--no-scale] [--json FILE] [--keep]
 * Works in temporary copies; never touches dist/ or content/generated/ of the working tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { synthesizeCorpus } from './bench/synth.ts';
import { corpusPaths, loadCorpus } from './ingest/registry.ts';
import { countPages, pageWeight, type PageWeight, treeSize } from './bench/weights.ts';
import { createWorkspace, runBuild, type StepResult } from './bench/workspace.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    scale: { type: 'string', multiple: true },
    'no-scale': { type: 'boolean', default: false },
    json: { type: 'string', default: join(ROOT, '.bench/results.json') },
    keep: { type: 'boolean', default: false },
  },
});
const scales = values['no-scale'] ? [] : (values.scale ?? ['20']).map(Number).filter((n) => n > 1);

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const s = (n: number) => `${n.toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const pad = (x: string, n: number) => x.padEnd(n);
const lpad = (x: string, n: number) => x.padStart(n);

/** Astro's phase timings from its build log (content sync, bundling, page generation). */
function astroPhases(log: string): string[] {
  return log
    .split('\n')
    .map((l) => l.replace(/^\d\d:\d\d:\d\d\s+/, '').trim())
    .filter((l) => /(Synced content|Generated \d|Completed in|built in|page\(s\) built)/.test(l));
}

/** Runs the build (scripts/build.ts) in a workspace; returns its steps, the whole run and its log. */
async function timedBuild(workspace: string, args: string[] = []): Promise<{ steps: StepResult[]; total: StepResult; log: string }> {
  return runBuild(workspace, { args });
}

function printSteps(steps: StepResult[], whole: StepResult) {
  for (const st of steps) console.log(`  ${pad(st.command, 44)} ${lpad(s(st.seconds), 9)}`);
  console.log(`  ${pad('total (npm run build)', 44)} ${lpad(s(whole.seconds), 9)}   peak ${whole.peakRssMb ?? '?'} MB`);
  return whole.seconds;
}

function printWeights(weights: PageWeight[]) {
  console.log(`  ${pad('page', 52)} ${lpad('HTML gz', 10)} ${lpad('CSS gz', 10)} ${lpad('JS gz', 10)} ${lpad('total gz', 10)}`);
  for (const w of weights) {
    const total = w.html.gzip + w.css.gzip + w.js.gzip;
    console.log(
      `  ${pad(w.url, 52)} ${lpad(kb(w.html.gzip), 10)} ${lpad(kb(w.css.gzip), 10)} ${lpad(`${kb(w.js.gzip)}`, 10)} ${lpad(kb(total), 10)}   (HTML raw ${kb(w.html.raw)}, ${w.js.files} JS file(s))`,
    );
  }
}

const results: Record<string, unknown> = { node: process.version, cpus: (await import('node:os')).cpus().length };
const base = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
try {
  // 1. Ingest.
  console.log('\n== Ingest (5 documents) ==');
  const ingestRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/ingest.ts'), '--quiet', '--out', join(base, `ingest-${i}`)], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ingest failed:\n${r.stdout}${r.stderr}`);
    ingestRuns.push((performance.now() - t) / 1000);
  }
  console.log(`  CLI, whole process (median of 3):   ${s(median(ingestRuns))}   [${ingestRuns.map(s).join(', ')}]`);
  const { ingestDocument } = await import('./ingest/pipeline.ts');
  const loaded = loadCorpus(corpusPaths(join(ROOT, 'content')));
  const registry = loaded.documents;
  let pure = 0;
  const perDoc: Record<string, number> = {};
  for (const d of registry) {
    const text = loaded.texts.get(d.id)!;
    const ctx = { file: d.source, errataFile: 'errata.json', errata: loaded.registry.errata, tables: loaded.registry.tables };
    ingestDocument(d, text, ctx); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      ingestDocument(d, text, ctx);
      times.push(performance.now() - t);
    }
    perDoc[d.id] = median(times);
    pure += median(times);
  }
  console.log(`  pure pipeline, warm, all documents:  ${pure.toFixed(0)} ms`);
  for (const [id, ms] of Object.entries(perDoc)) console.log(`    ${pad(id, 34)} ${lpad(ms.toFixed(0), 5)} ms`);
  results.ingest = { cliSeconds: ingestRuns, pureMs: pure, perDocMs: perDoc };

  // 2. Full build of the real corpus.
  console.log('\n== Full build, real corpus (clean copy) ==');
  const real = await createWorkspace(ROOT, join(base, 'real'));
  const build = await timedBuild(real);
  const total = printSteps(build.steps, build.total);
  console.log('  Astro phases:');
  for (const line of astroPhases(build.log)) console.log(`    ${line}`);
  const dist = join(real, 'dist');
  const distSize = treeSize(dist);
  const pagefind = treeSize(join(dist, 'pagefind'));
  const pages = countPages(dist);
  console.log(`  output: ${pages} HTML pages, ${distSize.files} files, ${kb(distSize.bytes)}; Pagefind ${pagefind.files} files, ${kb(pagefind.bytes)}`);
  results.build = { steps: build.steps, totalSeconds: total, pages, distBytes: distSize.bytes, pagefindBytes: pagefind.bytes, pagefindFiles: pagefind.files, astroPhases: astroPhases(build.log) };

  // 3. Page weights.
  console.log('\n== Page weights (gzip level 6) ==');
  const paragraphs = JSON.parse(readFileSync(join(real, 'content/generated/paragraphs', `${registry[1]?.id}.json`), 'utf8')) as Array<{ anchor: string }>;
  const sample = [
    '/',
    ...registry.map((d) => `/documents/${d.id}/`),
    `/documents/${registry[1]?.id}/${paragraphs[Math.min(10, paragraphs.length - 1)]?.anchor}/`,
    '/search/',
  ];
  const weights = sample.map((u) => {
    try {
      return pageWeight(dist, u);
    } catch {
      return null;
    }
  }).filter((w): w is PageWeight => w !== null);
  printWeights(weights);
  results.weights = weights;

  // 4. Scale runs.
  const scaleResults: unknown[] = [];
  const baseDocs = registry.length;
  for (const factor of scales) {
    console.log(`\n== Scale run ${factor}x (${factor * baseDocs} documents, synthetic) ==`);
    const ws = await createWorkspace(ROOT, join(base, `scale-${factor}`));
    // The default corpus, multiplied in place in the copy; shared vocabularies stay as they are.
    const corpusDir = corpusPaths(join(ws, 'content')).dir;
    const original = join(base, `scale-${factor}-original`);
    cpSync(corpusDir, original, { recursive: true });
    const corpus = synthesizeCorpus(original, corpusDir, factor);
    rmSync(original, { recursive: true, force: true });
    console.log(`  corpus: ${corpus.documents} documents, ${kb(corpus.bytes)} of source text`);
    try {
      // The synthetic corpus publishes links nobody recorded: record them, as a new corpus would.
      const run = await timedBuild(ws, ['--update-manifest']);
      const t = printSteps(run.steps, run.total);
      console.log('  Astro phases:');
      for (const line of astroPhases(run.log)) console.log(`    ${line}`);
      const d = join(ws, 'dist');
      const size = treeSize(d);
      const pf = treeSize(join(d, 'pagefind'));
      const n = countPages(d);
      console.log(`  output: ${n} HTML pages, ${kb(size.bytes)}; Pagefind ${pf.files} files, ${kb(pf.bytes)}`);
      console.log(`  growth vs 1x: build ${(t / total).toFixed(1)}x time for ${factor}x documents; ${(t / factor / baseDocs).toFixed(2)} s per document (1x: ${(total / baseDocs).toFixed(2)} s); index ${(pf.bytes / pagefind.bytes).toFixed(1)}x`);
      scaleResults.push({ factor, documents: corpus.documents, steps: run.steps, totalSeconds: t, pages: n, distBytes: size.bytes, pagefindBytes: pf.bytes, astroPhases: astroPhases(run.log) });
    } catch (e) {
      console.log(`  FAILED: ${String((e as Error).message).split('\n').slice(0, 12).join('\n  ')}`);
      scaleResults.push({ factor, error: String((e as Error).message).slice(0, 2000) });
    }
    if (!values.keep) rmSync(ws, { recursive: true, force: true });
  }
  results.scale = scaleResults;
  mkdirSync(dirname(values.json as string), { recursive: true });
  writeFileSync(values.json as string, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nfigures written to ${values.json}`);
} finally {
  if (values.keep) console.log(`kept ${base}`);
  else rmSync(base, { recursive: true, force: true });
}
