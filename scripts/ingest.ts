/**
 * Ingest CLI: the only part of the pipeline that touches the disk.
 * Reads content/registry/*.json and content/sources/*.txt, verifies hashes, parses every document,
 * checks the anchor manifest, and writes content/generated/ atomically (all or nothing).
 * Usage: node scripts/ingest.ts [--content DIR] [--out DIR] [--update-manifest | --frozen-manifest] [--quiet]
 * --frozen-manifest (used by the build): a published link missing from the manifest is an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import { documentSchema, type DocumentEntry } from '../src/schemas/document.ts';
import { erratumSchema } from '../src/schemas/erratum.ts';
import { paragraphSchema } from '../src/schemas/paragraph.ts';
import { footnoteSchema } from '../src/schemas/footnote.ts';
import { headingSchema } from '../src/schemas/heading.ts';
import { reportSchema } from '../src/schemas/report.ts';
import { IngestError } from './ingest/errors.ts';
import { ingestDocument } from './ingest/pipeline.ts';
import { toMdx } from './ingest/emit.ts';
import { annotate, loadAnnotators } from './ingest/annotate.ts';
import { checkManifest, manifestEntries, type ManifestEntry } from './ingest/manifest.ts';
import type { TableSpec } from './ingest/tables.ts';
import { reissueLinks, type ReissueLink } from '../src/lib/redirects.ts';
import { retiredSchema, type Retired } from '../src/schemas/retired.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const contentDir = opt('--content', 'content');
const outDir = opt('--out', join(contentDir, 'generated'));
const quiet = args.includes('--quiet');

/** Reads and validates a JSON registry file, naming the file and the entry on error. */
function readRegistry<T extends z.ZodType>(path: string, schema: T): z.output<T>[] {
  if (!existsSync(path)) throw new IngestError(path, null, 'registry file is missing; restore it from git');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new IngestError(path, null, `not valid JSON (${(e as Error).message}); fix the syntax`);
  }
  const parsed = z.array(schema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const text = readFileSync(path, 'utf8');
    const idx = typeof issue.path[0] === 'number' ? issue.path[0] : 0;
    const entryId = (raw as { id?: string }[])[idx]?.id;
    const line = entryId ? text.slice(0, text.indexOf(`"${entryId}"`)).split('\n').length : null;
    throw new IngestError(path, line, `entry ${idx + 1} field "${issue.path.slice(1).join('.')}": ${issue.message}; correct the registry entry`);
  }
  return parsed.data;
}

export function run(): number {
  const t0 = performance.now();
  const docs = readRegistry(join(contentDir, 'registry/documents.json'), documentSchema) as DocumentEntry[];
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.id)) throw new IngestError(join(contentDir, 'registry/documents.json'), null, `document id "${d.id}" is used twice; ids must be unique`);
    ids.add(d.id);
    const expected = d.symbol ? `https://undocs.org/en/${d.symbol}` : null;
    if (d.officialUrl !== expected) throw new IngestError(join(contentDir, 'registry/documents.json'), null, `document "${d.id}": officialUrl must be built from the symbol (${expected})`);
  }
  // Every text in sources/ must be registered: an unregistered file is a document nobody described.
  const registered = new Set(docs.map((d) => d.source));
  const sourcesDir = join(contentDir, 'sources');
  if (existsSync(sourcesDir)) {
    for (const f of readdirSync(sourcesDir).sort()) {
      if (f.endsWith('.txt') && !registered.has(f)) throw new IngestError(join(sourcesDir, f), null, `unknown source: no entry in registry/documents.json has "source": "${f}"; add one (with its sourceSha256) or remove the file`);
    }
  }
  const errataFile = join(contentDir, 'registry/errata.json');
  const errata = readRegistry(errataFile, erratumSchema);
  for (const e of errata) if (!ids.has(e.document)) throw new IngestError(errataFile, null, `erratum for unknown document "${e.document}"; use an id from documents.json`);
  const tables = existsSync(join(contentDir, 'registry/tables.json')) ? (JSON.parse(readFileSync(join(contentDir, 'registry/tables.json'), 'utf8')) as TableSpec[]) : [];
  const annotators = loadAnnotators(contentDir);
  const retiredFile = join(contentDir, 'manifest/retired.json');
  const retired = existsSync(retiredFile) ? (readRegistry(retiredFile, retiredSchema) as Retired[]) : [];
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
  let totalAnomalies = 0;
  for (const d of docs) {
    const src = join(contentDir, 'sources', d.source);
    if (!existsSync(src)) throw new IngestError(src, null, `source for document "${d.id}" is missing; copy the text to this path (byte for byte)`);
    const bytes = readFileSync(src);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== d.sourceSha256) throw new IngestError(src, null, `SHA-256 is ${sha}, registry says ${d.sourceSha256}; sources are never edited — restore the file, or if the document was re-issued, update sourceSha256 in documents.json`);
    const result = ingestDocument(d, bytes.toString('utf8'), { file: relative(process.cwd(), src) || src, errataFile, errata, tables });
    annotate(result.paragraphs, d, annotators);
    for (const p of result.paragraphs) paragraphSchema.parse(p);
    for (const f of result.footnotes) footnoteSchema.parse(f);
    for (const h of result.headings) headingSchema.parse(h);
    reportSchema.parse(result.report);
    write(`paragraphs/${d.id}.json`, JSON.stringify(result.paragraphs, null, 1) + '\n');
    write(`footnotes/${d.id}.json`, JSON.stringify(result.footnotes, null, 1) + '\n');
    write(`headings/${d.id}.json`, JSON.stringify(result.headings, null, 1) + '\n');
    write(`reports/${d.id}.json`, JSON.stringify(result.report, null, 1) + '\n');
    write(`documents/${d.id}.mdx`, toMdx(d.id, result, aliases.get(d.id)));
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
    throw new IngestError(join(contentDir, 'registry/documents.json'), null, (e as Error).message.replace(/^documents\.json: /, ''));
  }
  const manifestMode = args.includes('--update-manifest') ? 'update' : args.includes('--frozen-manifest') ? 'frozen' : 'note';
  checkManifest(join(contentDir, 'manifest/anchors.json'), published, manifestMode === 'update', reissues, retired, targets, manifestMode);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  if (!quiet) console.log(`ingest: ${docs.length} documents, ${published.length} paragraphs, ${totalAnomalies} anomalies reported, ${(performance.now() - t0).toFixed(0)} ms`);
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
