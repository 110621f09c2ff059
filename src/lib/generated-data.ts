/**
 * The ingest's per-document data (content/generated/{paragraphs,footnotes,headings,reports}/*.json,
 * docs/CONTRACT.md), read straight from disk and validated with the zod schemas of src/schemas, once
 * per build.
 *
 * These are not Astro content collections: the content layer keeps every entry in its data store and
 * bundles that store into the build, which at the peers' scale (320,000 paragraphs) alone needs more
 * memory than the machine has (measured by `npm run bench`: about 4 GB of Astro's 5.8 GB peak at
 * 111,000 paragraphs, README "Scale"). Files are read in name order and entries kept in file order,
 * as the collections listed them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { footnoteSchema } from '../schemas/footnote.ts';
import { headingSchema } from '../schemas/heading.ts';
import { paragraphSchema } from '../schemas/paragraph.ts';
import { reportSchema } from '../schemas/report.ts';
import { generatedDir } from './generated-dir.ts';

const SCHEMAS = { paragraphs: paragraphSchema, footnotes: footnoteSchema, headings: headingSchema, reports: reportSchema } as const;
/** A kind of per-document data the ingest writes. */
export type GeneratedKind = keyof typeof SCHEMAS;
/** The validated entries of one kind. */
export type GeneratedEntry<K extends GeneratedKind> = z.output<(typeof SCHEMAS)[K]>;

/** Every entry of `kind` in `generated` (files in name order; one object or an array per file), validated. */
export function readGenerated<K extends GeneratedKind>(kind: K, generated: string = generatedDir()): GeneratedEntry<K>[] {
  const folder = path.join(generated, kind);
  if (!fs.existsSync(folder)) throw new Error(`${folder} does not exist: run \`npm run ingest\` first (or set ATLAS_GENERATED)`);
  const schema = SCHEMAS[kind];
  const out: GeneratedEntry<K>[] = [];
  for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(folder, name);
    const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    const items = Array.isArray(raw) ? raw : [raw];
    items.forEach((item, i) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}: entry ${i + 1}: ${issue?.path.join('.') || 'entry'}: ${issue?.message}; run the ingest again (npm run ingest)`);
      }
      out.push(parsed.data as GeneratedEntry<K>);
    });
  }
  return out;
}

const cache = new Map<GeneratedKind, unknown[]>();

/** `readGenerated(kind)` of this build's generated directory, read once. */
export function generatedData<K extends GeneratedKind>(kind: K): GeneratedEntry<K>[] {
  if (!cache.has(kind)) cache.set(kind, readGenerated(kind));
  return cache.get(kind) as GeneratedEntry<K>[];
}
