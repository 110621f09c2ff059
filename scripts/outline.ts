/**
 * Prints the outline of documents as the ingest reads them (headings, paragraphs with their source lines,
 * notes), for reviewing a new document before publishing it.
 * Usage: node scripts/outline.ts [--corpus NAME] [document id …]   (all documents of the corpus without ids)
 */
import { relative } from 'node:path';
import { ingestDocument } from './ingest/pipeline.ts';
import { corpusPaths, loadCorpus } from './ingest/registry.ts';
import { outline } from './ingest/outline.ts';
import { IngestError } from './ingest/errors.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--corpus');
const corpus = at >= 0 ? args.splice(at, 2)[1] : null;
try {
  const paths = corpusPaths('content', corpus);
  const { registry, texts, documents } = loadCorpus(paths);
  for (const d of documents.filter((x) => args.length === 0 || args.includes(x.id))) {
    const file = relative(process.cwd(), `${paths.sources}/${d.source}`);
    const r = ingestDocument(d, texts.get(d.id)!, { file, errataFile: `${paths.registry}/errata.json`, errata: registry.errata, tables: registry.tables });
    console.log(`=== ${d.id} (${file})\n${outline(r)}`);
  }
} catch (e) {
  if (!(e instanceof IngestError)) throw e;
  console.error(`error: ${e.message}`);
  process.exitCode = 1;
}
