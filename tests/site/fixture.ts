/** The hand-written site fixture (tests/fixtures/site/) joined with the real registries. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { corpusPaths, loadRegistry, resolveCorpus, resolveCycles, resolveDocuments } from '../../scripts/ingest/registry.ts';
import { paragraphSchema } from '../../src/schemas/paragraph.ts';
import { headingSchema } from '../../src/schemas/heading.ts';
import { footnoteSchema } from '../../src/schemas/footnote.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import type { AtlasInput } from '../../src/lib/atlas.ts';
import { loadBodies, loadRights } from './registry.ts';

const root = path.resolve(import.meta.dirname, '../..');
const read = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));

/** Atlas input: real registries, fixture paragraphs, headings, footnotes and reports (all schema-checked). */
export function fixtureInput(): AtlasInput {
  const f = read('tests/fixtures/site/atlas-input.json');
  // The fixture's paragraphs come from the Kazakhstan corpus: its registry, resolved as the ingest does.
  const paths = corpusPaths(path.join(root, 'content'), 'kazakhstan');
  const registry = loadRegistry(paths);
  const texts = new Map(registry.documents.map((d) => [d.id, fs.readFileSync(path.join(paths.sources, d.source), 'utf8')]));
  const documents = resolveDocuments(registry.documents, texts, 'documents.json');
  const cycles = resolveCycles(documents, registry.cycles, 'cycles.json');
  return {
    corpus: resolveCorpus(paths.name, registry.corpus, documents, cycles),
    documents,
    cycles,
    rights: loadRights(),
    bodies: loadBodies(),
    paragraphs: z.array(paragraphSchema).parse(f.paragraphs),
    headings: z.array(headingSchema).parse(f.headings),
    footnotes: z.array(footnoteSchema).parse(f.footnotes),
    reports: z.array(reportSchema).parse(f.reports),
  };
}
