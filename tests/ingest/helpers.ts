import { relative } from 'node:path';
import { ingestDocument, type IngestResult } from '../../scripts/ingest/pipeline.ts';
import type { DocumentEntry } from '../../src/schemas/document.ts';
import { corpusDir, loadedCorpus, ROOT } from '../corpora.ts';

const corpus = loadedCorpus();
const paths = corpusDir();
/** The default corpus's documents, resolved. */
export const registry: DocumentEntry[] = corpus.documents;
const { errata, tables } = corpus.registry;

const cache = new Map<string, IngestResult>();
/** Ingests one registered document of the default corpus (cached per test run). */
export function ingestRegistered(id: string): IngestResult {
  if (!cache.has(id)) {
    const entry = registry.find((d) => d.id === id)!;
    const file = relative(ROOT, `${paths.sources}/${entry.source}`);
    cache.set(id, ingestDocument(entry, corpus.texts.get(id)!, { file, errataFile: relative(ROOT, `${paths.registry}/errata.json`), errata, tables }));
  }
  return cache.get(id)!;
}

/** A registry entry for a synthetic document of another State (no errata, no tables). */
export function syntheticEntry(overrides: Partial<DocumentEntry> = {}): DocumentEntry {
  return { ...registry.find((d) => d.id === 'upr4-un-compilation')!, id: 'synthetic', source: 'synthetic.txt', state: { code: 'XYZ', name: 'Xyzland' }, ...overrides } as DocumentEntry;
}

/** Ingests an in-memory text as a synthetic document. */
export function ingestText(text: string, overrides: Partial<DocumentEntry> = {}): IngestResult {
  return ingestDocument(syntheticEntry(overrides), text, { file: 'fixtures/synthetic.txt', errataFile: 'errata.json', errata: [], tables: [] });
}
