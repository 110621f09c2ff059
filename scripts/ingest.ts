/**
 * Ingest CLI: the only part of the pipeline that touches the disk.
 * Reads one corpus (content/corpora/<name>/: registry, sources, manifest) and the shared vocabularies
 * (content/registry/), verifies hashes, parses every document, checks the anchor manifest, and writes
 * content/generated/ atomically (all or nothing), including the resolved registry (generated/registry/).
 * Usage: node scripts/ingest.ts [--corpus NAME] [--content DIR] [--out DIR] [--update-manifest | --frozen-manifest] [--quiet]
 * The corpus is --corpus, else ATLAS_CORPUS, else content/atlas.json's defaultCorpus.
 * --frozen-manifest (used by the build): a published link missing from the manifest is an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { paragraphSchema } from '../src/schemas/paragraph.ts';
import { footnoteSchema } from '../src/schemas/footnote.ts';
import { headingSchema } from '../src/schemas/heading.ts';
import { reportSchema } from '../src/schemas/report.ts';
import { IngestError } from './ingest/errors.ts';
import { ingestDocument } from './ingest/pipeline.ts';
import { toMdx } from './ingest/emit.ts';
import { annotate } from './ingest/annotate.ts';
import { corpusPaths, loadCorpus } from './ingest/registry.ts';
import { checkManifest, manifestEntries, type ManifestEntry } from './ingest/manifest.ts';
import { reissueLinks, type ReissueLink } from '../src/lib/redirects.ts';
import { codeFingerprint, documentKey, INGEST_KEYS_FILE, previousKeys } from './ingest/reuse.ts';
import type { Footnote } from '../src/schemas/footnote.ts';
import type { Heading } from '../src/schemas/heading.ts';
import type { Report } from '../src/schemas/report.ts';
import type { Paragraph } from '../src/schemas/paragraph.ts';
import { recommendationDataSchema } from '../src/schemas/recommendation.ts';
import { buildRecommendations } from './ingest/recommendation-records.ts';
import { checkRecommendationManifest } from './ingest/recommendation-manifest.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const contentDir = opt('--content', 'content');
const outDir = opt('--out', join(contentDir, 'generated'));
const quiet = args.includes('--quiet');

export function run(): number {
  const t0 = performance.now();
  const paths = corpusPaths(contentDir, opt('--corpus', ''));
  const { registry, texts, documents: docs, cycles, corpus } = loadCorpus(paths);
  const docFile = join(paths.registry, 'documents.json');
  const errataFile = join(paths.registry, 'errata.json');
  const { errata, tables, retired } = registry;
  const annotators = { rights: registry.rights, bodies: registry.bodies };
  // Old anchors kept as aliases at the place their text went: document -> target anchor -> old anchors.
  const aliases = new Map<string, Map<string, string[]>>();
  for (const r of retired) {
    const doc = r.url.split('/')[2];
    const [from, to] = [r.url.split('#')[1], r.to.split('#')[1]];
    if (!aliases.has(doc)) aliases.set(doc, new Map());
    aliases.get(doc)!.set(to, [...(aliases.get(doc)!.get(to) ?? []), from]);
  }
  const targets = new Set<string>();

  const tmp = `${outDir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const write = (rel: string, data: string) => {
    const p = join(tmp, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
  };
  const published: ManifestEntry[] = [];
  const paragraphsByDoc = new Map<string, Paragraph[]>();
  let totalAnomalies = 0;
  write('registry/documents.json', JSON.stringify(docs, null, 1) + '\n');
  write('registry/cycles.json', JSON.stringify(cycles, null, 1) + '\n');
  write('registry/corpus.json', JSON.stringify(corpus, null, 1) + '\n');
  // Incremental: a document whose inputs are those of the last ingest into outDir is copied from there (scripts/ingest/reuse.ts).
  const code = codeFingerprint(resolve(import.meta.dirname, '..'));
  const vocabularies = createHash('sha256').update(JSON.stringify(annotators)).digest('hex');
  const before = previousKeys(outDir);
  const keys: Record<string, string> = {};
  let reusedDocs = 0;
  for (const d of docs) {
    const src = join(paths.sources, d.source);
    const key = documentKey(code, texts.get(d.id)!, {
      document: d,
      errata: errata.filter((e) => e.document === d.id),
      tables: tables.filter((t) => t.document === d.id),
      aliases: [...(aliases.get(d.id) ?? new Map())].sort(),
      vocabularies,
    });
    keys[d.id] = key;
    const files = [`paragraphs/${d.id}.json`, `footnotes/${d.id}.json`, `headings/${d.id}.json`, `reports/${d.id}.json`, `documents/${d.id}.mdx`];
    let result: { paragraphs: Paragraph[]; footnotes: Footnote[]; headings: Heading[]; report: Report };
    if (before.get(d.id) === key && files.every((f) => existsSync(join(outDir, f)))) {
      const [paragraphsText, footnotesText, headingsText, reportText, mdx] = files.map((f) => readFileSync(join(outDir, f), 'utf8')) as [string, string, string, string, string];
      result = { paragraphs: JSON.parse(paragraphsText), footnotes: JSON.parse(footnotesText), headings: JSON.parse(headingsText), report: JSON.parse(reportText) };
      [paragraphsText, footnotesText, headingsText, reportText, mdx].forEach((text, i) => write(files[i] as string, text));
      reusedDocs++;
    } else {
      const parsed = ingestDocument(d, texts.get(d.id)!, { file: relative(process.cwd(), src) || src, errataFile, errata, tables });
      annotate(parsed.paragraphs, d, annotators);
      for (const p of parsed.paragraphs) paragraphSchema.parse(p);
      for (const f of parsed.footnotes) footnoteSchema.parse(f);
      for (const h of parsed.headings) headingSchema.parse(h);
      reportSchema.parse(parsed.report);
      write(`paragraphs/${d.id}.json`, JSON.stringify(parsed.paragraphs, null, 1) + '\n');
      write(`footnotes/${d.id}.json`, JSON.stringify(parsed.footnotes, null, 1) + '\n');
      write(`headings/${d.id}.json`, JSON.stringify(parsed.headings, null, 1) + '\n');
      write(`reports/${d.id}.json`, JSON.stringify(parsed.report, null, 1) + '\n');
      write(`documents/${d.id}.mdx`, toMdx(d.id, parsed, aliases.get(d.id)));
      result = parsed;
    }
    paragraphsByDoc.set(d.id, result.paragraphs);
    for (const p of result.paragraphs) targets.add(`/documents/${d.id}/#${p.anchor}`);
    for (const f of result.footnotes) targets.add(`/documents/${d.id}/#fn-${f.n}`);
    published.push(...manifestEntries(d, result.paragraphs));
    totalAnomalies += result.report.anomalies.length;
    if (!quiet) {
      for (const a of result.report.anomalies) console.log(`${relative(process.cwd(), src)}:${a.line}: note: ${a.message}`);
      console.log(
        `${d.id}: ${result.paragraphs.filter((p) => p.kind === 'numbered').length} numbered + ${result.paragraphs.filter((p) => p.kind !== 'numbered').length} other paragraphs, ${result.headings.length} headings, ${result.footnotes.length} notes (${result.footnotes.filter((f) => f.text === null).length} without text), ${result.report.furniture.length} furniture lines, ${result.report.corrections.length} corrections`,
      );
    }
  }
  let reissues: ReissueLink[];
  try {
    reissues = reissueLinks(docs);
  } catch (e) {
    throw new IngestError(docFile, null, (e as Error).message.replace(/^documents\.json: /, ''));
  }
  const manifestMode = args.includes('--update-manifest') ? 'update' : args.includes('--frozen-manifest') ? 'frozen' : 'note';
  checkManifest(join(paths.manifest, 'anchors.json'), published, manifestMode === 'update', reissues, retired, targets, manifestMode);
  // Recommendations span documents (outcome report, the State's views, the next report): one step over the corpus.
  const recs = buildRecommendations({ documents: docs, cycles, paragraphs: paragraphsByDoc, states: registry.states, rights: registry.rights });
  const redirects = checkRecommendationManifest(join(paths.manifest, 'recommendations.json'), recs.records, manifestMode);
  write('recommendations.json', JSON.stringify(recommendationDataSchema.parse({ ...recs, redirects }), null, 1) + '\n');
  if (!quiet) {
    const fileOf = (doc: string) => relative(process.cwd(), join(paths.sources, docs.find((x) => x.id === doc)!.source));
    for (const a of recs.anomalies) console.log(`${fileOf(a.document)}:${a.line}: note: ${a.message}`);
    const resolved = recs.citations.filter((c) => c.status === 'resolved').length;
    console.log(`recommendations: ${recs.records.length} (${recs.records.filter((r) => r.text !== null).length} with text), ${recs.citations.length} citations (${resolved} resolved), ${recs.anomalies.length} anomalies`);
  }
  write(INGEST_KEYS_FILE, JSON.stringify(keys, Object.keys(keys).sort(), 1) + '\n');
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  if (!quiet) console.log(`ingest: corpus ${paths.name}, ${docs.length} documents (${reusedDocs} unchanged, taken from the last ingest), ${published.length} paragraphs, ${totalAnomalies} anomalies reported, ${(performance.now() - t0).toFixed(0)} ms`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = run();
  } catch (e) {
    if (e instanceof IngestError) {
      console.error(`error: ${e.message}`);
    } else {
      // Never a bare stack trace: say where we were and what to do; the trace goes to a debug variable.
      console.error(`error: internal error in the ingest (${(e as Error).message}); nothing was written — please report it with the source file (set ATLAS_DEBUG=1 for the stack trace)`);
      if (process.env.ATLAS_DEBUG) console.error((e as Error).stack);
    }
    process.exitCode = 1;
  } finally {
    rmSync(`${outDir}.tmp`, { recursive: true, force: true });
  }
}
