/**
 * Loads the registries that search records and facet labels are resolved against, validated by their
 * zod schemas: the shared vocabularies (content/registry/) and the corpus's resolved documents and
 * reviews (content/generated/registry/, written by the ingest). Build-time only (server side).
 */
import fs from 'node:fs';
import path from 'node:path';
import { documentSchema } from '../schemas/document.ts';
import { rightSchema } from '../schemas/right.ts';
import { bodySchema } from '../schemas/body.ts';
import { generatedDir } from '../lib/generated-dir.ts';
import type { CycleEntry, SearchRegistries } from './search-record.ts';

function list(file: string): unknown[] {
  if (!fs.existsSync(file)) return [];
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Array.isArray(data) ? data : [];
}

const shared = (name: string) => list(path.resolve('content/registry', `${name}.json`));
const corpus = (name: string) => list(path.join(generatedDir(), 'registry', `${name}.json`));

/** The registries, parsed once per build. */
export const registries: SearchRegistries = {
  documents: corpus('documents').map((entry) => documentSchema.parse(entry)),
  cycles: corpus('cycles') as CycleEntry[],
  rights: shared('rights').map((entry) => rightSchema.parse(entry)),
  bodies: shared('bodies').map((entry) => bodySchema.parse(entry)),
};
