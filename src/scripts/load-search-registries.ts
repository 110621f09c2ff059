/**
 * Reads the registries that search records and facet labels are resolved against, validated by their
 * zod schemas: the corpus's resolved documents and reviews (`<generated>/registry/`, written by the
 * ingest) and the shared vocabularies (content/registry/). Build-time only (server side); importing
 * this module reads nothing (scripts/postbuild.ts loads it before the ingest has run).
 */
import fs from 'node:fs';
import path from 'node:path';
import { documentSchema } from '../schemas/document.ts';
import { rightSchema } from '../schemas/right.ts';
import { bodySchema } from '../schemas/body.ts';
import { generatedDir } from '../lib/generated-dir.ts';
import { readDocumentParts } from '../lib/document-parts.ts';
import type { CycleEntry, SearchRegistries } from './search-record.ts';

function list(file: string): unknown[] {
  if (!fs.existsSync(file)) return [];
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Array.isArray(data) ? data : [];
}

/**
 * The registries of the generated directory `generated` and the shared vocabularies in `shared`
 * (default: content/registry of the working directory, where the content collections read them).
 */
export function loadSearchRegistries(generated: string = generatedDir(), shared: string = path.resolve('content/registry')): SearchRegistries {
  const vocabulary = (name: string) => list(path.join(shared, `${name}.json`));
  const corpus = (name: string) => list(path.join(generated, 'registry', `${name}.json`));
  return {
    documents: corpus('documents').map((entry) => documentSchema.parse(entry)),
    cycles: corpus('cycles') as CycleEntry[],
    rights: vocabulary('rights').map((entry) => rightSchema.parse(entry)),
    bodies: vocabulary('bodies').map((entry) => bodySchema.parse(entry)),
    parts: readDocumentParts(generated) ?? { budget: 1, documents: {} },
  };
}
