/**
 * Content collections: the curated registries, the corpus's resolved registry and the documents'
 * MDX bodies (docs/CONTRACT.md), each validated with the zod schema of src/schemas. The ingest's
 * per-document data (paragraphs, footnotes, headings, reports) is read by src/lib/generated-data.ts
 * instead: the content layer would hold and bundle every paragraph (see that module).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentSchema } from './schemas/document.ts';
import { cycleSchema } from './schemas/cycle.ts';
import { corpusSchema } from './schemas/corpus.ts';
import { rightSchema } from './schemas/right.ts';
import { bodySchema } from './schemas/body.ts';
import { generatedDir } from './lib/generated-dir.ts';
import { sitePlan } from './lib/site-plan.ts';

const GENERATED = generatedDir();

// The corpus's registry as the ingest resolved it (derived fields filled in); vocabularies are shared.
const documents = defineCollection({ loader: file(path.join(GENERATED, 'registry/documents.json')), schema: documentSchema });
const cycles = defineCollection({ loader: file(path.join(GENERATED, 'registry/cycles.json')), schema: cycleSchema });
const corpus = defineCollection({
  loader: file(path.join(GENERATED, 'registry/corpus.json'), { parser: (text) => [{ id: 'corpus', ...JSON.parse(text) }] }),
  schema: corpusSchema.extend({ id: z.string() }),
});
const rights = defineCollection({ loader: file('content/registry/rights.json'), schema: rightSchema });
const bodies = defineCollection({ loader: file('content/registry/bodies.json'), schema: bodySchema });

/**
 * The MDX body of each document (frontmatter `document: <id>`). None on a large site
 * (src/lib/site-plan.ts): its document pages read the same files as HTML (src/lib/mdx-body-html.ts)
 * instead of compiling thousands of MDX modules.
 */
const documentBodies = defineCollection({
  loader: glob({ pattern: sitePlan().mode === 'large' ? 'none-on-a-large-site' : '*.mdx', base: pathToFileURL(path.join(GENERATED, 'documents') + path.sep) }),
  schema: z.object({ document: z.string() }).strict(),
});

export const collections = { corpus, documents, cycles, rights, bodies, documentBodies };
