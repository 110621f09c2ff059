/** Prints the ingest time for all registered documents of a corpus (median of 5 runs, after one warm-up). */
import { ingestDocument } from './ingest/pipeline.ts';
import { corpusPaths, loadCorpus } from './ingest/registry.ts';

const corpusArg = process.argv.indexOf('--corpus');
const paths = corpusPaths('content', corpusArg >= 0 ? process.argv[corpusArg + 1] : null);
const { registry, texts, documents } = loadCorpus(paths);
const once = () => {
  const t = performance.now();
  for (const d of documents) ingestDocument(d, texts.get(d.id)!, { file: d.source, errataFile: 'errata.json', errata: registry.errata, tables: registry.tables });
  return performance.now() - t;
};
once();
const runs = Array.from({ length: 5 }, once).sort((a, b) => a - b);
const lines = [...texts.values()].reduce((a, t) => a + t.split('\n').length, 0);
console.log(`ingest (parse only, corpus ${paths.name}, ${documents.length} documents, ${lines} lines): median ${runs[2].toFixed(0)} ms, min ${runs[0].toFixed(0)} ms, max ${runs[4].toFixed(0)} ms`);
