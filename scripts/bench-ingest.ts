/** Prints the ingest time for all registered documents (median of 5 runs, after one warm-up). */
import { readFileSync } from 'node:fs';
import { ingestDocument } from './ingest/pipeline.ts';
import type { DocumentEntry } from '../src/schemas/document.ts';

const docs: DocumentEntry[] = JSON.parse(readFileSync('content/registry/documents.json', 'utf8'));
const errata = JSON.parse(readFileSync('content/registry/errata.json', 'utf8'));
const tables = JSON.parse(readFileSync('content/registry/tables.json', 'utf8'));
const texts = docs.map((d) => readFileSync(`content/sources/${d.source}`, 'utf8'));
const once = () => {
  const t = performance.now();
  docs.forEach((d, i) => ingestDocument(d, texts[i], { file: d.source, errataFile: 'errata.json', errata, tables }));
  return performance.now() - t;
};
once();
const runs = Array.from({ length: 5 }, once).sort((a, b) => a - b);
console.log(`ingest (parse only, 5 documents, ${texts.reduce((a, t) => a + t.split('\n').length, 0)} lines): median ${runs[2].toFixed(0)} ms, min ${runs[0].toFixed(0)} ms, max ${runs[4].toFixed(0)} ms`);
