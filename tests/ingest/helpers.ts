import { readFileSync } from 'node:fs';
import { ingestDocument, type IngestResult } from '../../scripts/ingest/pipeline.ts';
import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Erratum } from '../../src/schemas/erratum.ts';
import type { TableSpec } from '../../scripts/ingest/tables.ts';

export const registry: DocumentEntry[] = JSON.parse(readFileSync('content/registry/documents.json', 'utf8'));
const errata: Erratum[] = JSON.parse(readFileSync('content/registry/errata.json', 'utf8'));
const tables: TableSpec[] = JSON.parse(readFileSync('content/registry/tables.json', 'utf8'));

const cache = new Map<string, IngestResult>();
/** Ingests one registered document from content/sources (cached per test run). */
export function ingestRegistered(id: string): IngestResult {
  if (!cache.has(id)) {
    const entry = registry.find((d) => d.id === id)!;
    const text = readFileSync(`content/sources/${entry.source}`, 'utf8');
    cache.set(id, ingestDocument(entry, text, { file: `content/sources/${entry.source}`, errataFile: 'content/registry/errata.json', errata, tables }));
  }
  return cache.get(id)!;
}

/** A registry entry for a synthetic document of another State (no errata, no tables). */
export function syntheticEntry(overrides: Partial<DocumentEntry> = {}): DocumentEntry {
  return { ...registry.find((d) => d.id === 'upr4-un-compilation')!, id: 'synthetic', source: 'synthetic.txt', ...overrides } as DocumentEntry;
}

/** Ingests an in-memory text as a synthetic document. */
export function ingestText(text: string, overrides: Partial<DocumentEntry> = {}): IngestResult {
  return ingestDocument(syntheticEntry(overrides), text, { file: 'fixtures/synthetic.txt', errataFile: 'errata.json', errata: [], tables: [] });
}
