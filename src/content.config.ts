/**
 * Content collections: the curated registries and the ingest output (docs/CONTRACT.md), each
 * validated with the zod schema of src/schemas. Paragraphs, footnotes and headings are one entry
 * each (id `${document}/${anchor}`), read from the per-document JSON arrays.
 */
import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentSchema } from './schemas/document.ts';
import { cycleSchema } from './schemas/cycle.ts';
import { corpusSchema } from './schemas/corpus.ts';
import { rightSchema } from './schemas/right.ts';
import { bodySchema } from './schemas/body.ts';
import { paragraphSchema } from './schemas/paragraph.ts';
import { footnoteSchema } from './schemas/footnote.ts';
import { headingSchema } from './schemas/heading.ts';
import { reportSchema } from './schemas/report.ts';
import { generatedDir } from './lib/generated-dir.ts';

const GENERATED = generatedDir();

/** One entry per array item across `<GENERATED>/<dir>/*.json`, keyed by `idOf(item)`. */
function jsonArrays(dir: string, idOf: (item: Record<string, unknown>) => string): Loader {
  return {
    name: `atlas-${dir}`,
    async load({ store, parseData }) {
      const folder = path.join(GENERATED, dir);
      if (!fs.existsSync(folder))
        throw new Error(`${folder} does not exist: run \`npm run ingest\` first (or set ATLAS_GENERATED)`);
      store.clear();
      for (const name of fs.readdirSync(folder).filter((f: string) => f.endsWith('.json')).sort()) {
        const raw = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'));
        const items: Record<string, unknown>[] = Array.isArray(raw) ? raw : [raw];
        for (const item of items) {
          const id = idOf(item);
          const data = await parseData({ id, data: item });
          store.set({ id, data });
        }
      }
    },
  };
}

// The corpus's registry as the ingest resolved it (derived fields filled in); vocabularies are shared.
const documents = defineCollection({ loader: file(path.join(GENERATED, 'registry/documents.json')), schema: documentSchema });
const cycles = defineCollection({ loader: file(path.join(GENERATED, 'registry/cycles.json')), schema: cycleSchema });
const corpus = defineCollection({
  loader: file(path.join(GENERATED, 'registry/corpus.json'), { parser: (text) => [{ id: 'corpus', ...JSON.parse(text) }] }),
  schema: corpusSchema.extend({ id: z.string() }),
});
const rights = defineCollection({ loader: file('content/registry/rights.json'), schema: rightSchema });
const bodies = defineCollection({ loader: file('content/registry/bodies.json'), schema: bodySchema });

const paragraphs = defineCollection({
  loader: jsonArrays('paragraphs', (p) => String(p.id)),
  schema: paragraphSchema,
});
const footnotes = defineCollection({
  loader: jsonArrays('footnotes', (f) => `${f.document}/fn-${f.n}`),
  schema: footnoteSchema,
});
const headings = defineCollection({
  loader: jsonArrays('headings', (h) => `${h.document}/${h.anchor}`),
  schema: headingSchema,
});
const reports = defineCollection({
  loader: jsonArrays('reports', (r) => String(r.document)),
  schema: reportSchema,
});

/** The MDX body of each document (frontmatter `document: <id>`). */
const documentBodies = defineCollection({
  loader: glob({ pattern: '*.mdx', base: pathToFileURL(path.join(GENERATED, 'documents') + path.sep) }),
  schema: z.object({ document: z.string() }).strict(),
});

export const collections = { corpus, documents, cycles, rights, bodies, paragraphs, footnotes, headings, reports, documentBodies };
