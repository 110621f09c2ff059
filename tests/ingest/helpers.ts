import { relative } from 'node:path';
import { ingestDocument, type IngestResult } from '../../scripts/ingest/pipeline.ts';
import { annotate } from '../../scripts/ingest/annotate.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { DocumentEntry } from '../../src/schemas/document.ts';
import { corpusDir, corpusNames, DEFAULT_CORPUS, loadedCorpus, ROOT } from '../corpora.ts';

/** The default corpus's documents, resolved. */
export const registry: DocumentEntry[] = loadedCorpus().documents;

const cache = new Map<string, IngestResult>();
/** Ingests one registered document of a corpus, with every pass's check (cached per test run). */
export function ingestDoc(corpus: string, id: string): IngestResult {
  const key = `${corpus}/${id}`;
  if (!cache.has(key)) {
    const c = loadedCorpus(corpus);
    const paths = corpusDir(corpus);
    const entry = c.documents.find((d) => d.id === id);
    if (!entry) throw new Error(`no document "${id}" in corpus ${corpus}`);
    const file = relative(ROOT, `${paths.sources}/${entry.source}`);
    const ctx = { file, errataFile: relative(ROOT, `${paths.registry}/errata.json`), errata: c.registry.errata, tables: c.registry.tables };
    cache.set(key, ingestDocument(entry, c.texts.get(id)!, ctx, { checking: true }));
  }
  return cache.get(key)!;
}

/** Ingests one registered document of the default corpus. */
export function ingestRegistered(id: string): IngestResult {
  return ingestDoc(DEFAULT_CORPUS, id);
}

/** Every document of every corpus: [corpus, document]. */
export function everyDocument(): [string, DocumentEntry][] {
  return corpusNames().flatMap((c) => loadedCorpus(c).documents.map((d): [string, DocumentEntry] => [c, d]));
}

/** A registry entry for a synthetic document of another State (no errata, no tables). */
export function syntheticEntry(overrides: Partial<DocumentEntry> = {}): DocumentEntry {
  return { ...registry.find((d) => d.id === 'upr4-un-compilation')!, id: 'synthetic', source: 'synthetic.txt', state: { code: 'XYZ', name: 'Xyzland' }, ...overrides } as DocumentEntry;
}

/** Ingests an in-memory text as a synthetic document. */
export function ingestText(text: string, overrides: Partial<DocumentEntry> = {}): IngestResult {
  return ingestDocument(syntheticEntry(overrides), text, { file: 'fixtures/synthetic.txt', errataFile: 'errata.json', errata: [], tables: [] }, { checking: true });
}

/** The paragraphs of a document with rights and bodies, as the ingest CLI annotates them. */
export function ingestAnnotated(corpus: string, id: string): Paragraph[] {
  const c = loadedCorpus(corpus);
  const paragraphs = structuredClone(ingestDoc(corpus, id).paragraphs);
  annotate(paragraphs, c.documents.find((d) => d.id === id)!, { rights: c.registry.rights, bodies: c.registry.bodies });
  return paragraphs;
}
