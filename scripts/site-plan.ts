/**
 * Build step helper (scripts/build.ts, after the ingest): decides the site plan of the corpus just
 * ingested (src/lib/site-plan.ts) and writes it to `<generated>/site-plan.json`, where the pages and
 * the later steps read it.
 *
 * Guarantees afterwards: the file exists, validates against `sitePlanSchema`, and its counts (in all
 * and per review) are those of `<generated>/paragraphs/` and `<generated>/recommendations.json`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atlasSettingsSchema } from '../src/schemas/corpus.ts';
import { planSite, SITE_PLAN_FILE, sitePlanSchema, type SitePlan } from '../src/lib/site-plan.ts';

/** Paragraphs and search records (paragraphs and recommendations) per review in an ingest output. */
export async function sizesByReview(generated: string): Promise<Map<string, { paragraphs: number; records: number }>> {
  const documents = JSON.parse(await readFile(join(generated, 'registry/documents.json'), 'utf8')) as Array<{ id: string; cycle: string }>;
  const reviewOf = new Map(documents.map((d) => [`${d.id}.json`, d.cycle]));
  const sizes = new Map<string, { paragraphs: number; records: number }>();
  const size = (review: string) => sizes.get(review) ?? (sizes.set(review, { paragraphs: 0, records: 0 }).get(review) as { paragraphs: number; records: number });
  for (const d of documents) size(d.cycle);
  const dir = join(generated, 'paragraphs');
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const review = reviewOf.get(name);
    if (review === undefined) throw new Error(`${join(dir, name)}: no document "${name.slice(0, -5)}" in ${join(generated, 'registry/documents.json')}; run the ingest again`);
    const paragraphs: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'));
    if (!Array.isArray(paragraphs)) throw new Error(`${join(dir, name)}: expected a JSON array of paragraphs`);
    size(review).paragraphs += paragraphs.length;
    size(review).records += paragraphs.length;
  }
  const recsFile = join(generated, 'recommendations.json');
  if (existsSync(recsFile)) {
    const data = JSON.parse(await readFile(recsFile, 'utf8')) as { records?: Array<{ review: string }> };
    for (const r of data.records ?? []) size(r.review).records += 1;
  }
  return sizes;
}

/** Decides the plan for the ingest output in `generated` (settings from `<content>/atlas.json`) and writes it there. */
export async function writeSitePlan(generated: string, content: string): Promise<SitePlan> {
  const settingsFile = join(content, 'atlas.json');
  const raw: unknown = existsSync(settingsFile) ? JSON.parse(await readFile(settingsFile, 'utf8')) : {};
  const parsed = atlasSettingsSchema.partial({ defaultCorpus: true }).safeParse(raw);
  if (!parsed.success) throw new Error(`${settingsFile}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}; correct the setting`);
  const plan = sitePlanSchema.parse(planSite(await sizesByReview(generated), parsed.data));
  await writeFile(join(generated, SITE_PLAN_FILE), `${JSON.stringify(plan, null, 1)}\n`);
  return plan;
}
