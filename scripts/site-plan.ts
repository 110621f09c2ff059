/**
 * Build step helper (scripts/build.ts, after the ingest): decides the site plan of the corpus just
 * ingested (src/lib/site-plan.ts) and writes it to `<generated>/site-plan.json`, where the pages and
 * the later steps read it.
 *
 * Guarantees afterwards: the file exists, validates against `sitePlanSchema`, and its paragraph
 * counts (in all and per State) are those of `<generated>/paragraphs/`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atlasSettingsSchema } from '../src/schemas/corpus.ts';
import { planSite, SITE_PLAN_FILE, sitePlanSchema, type SitePlan } from '../src/lib/site-plan.ts';

/** Paragraphs per State code in an ingest output (documents' State from its resolved registry). */
export async function paragraphsByState(generated: string): Promise<Map<string, number>> {
  const documents = JSON.parse(await readFile(join(generated, 'registry/documents.json'), 'utf8')) as Array<{ id: string; state: { code: string } }>;
  const stateOf = new Map(documents.map((d) => [`${d.id}.json`, d.state.code]));
  const counts = new Map<string, number>();
  for (const d of documents) counts.set(d.state.code, counts.get(d.state.code) ?? 0);
  const dir = join(generated, 'paragraphs');
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const state = stateOf.get(name);
    if (state === undefined) throw new Error(`${join(dir, name)}: no document "${name.slice(0, -5)}" in ${join(generated, 'registry/documents.json')}; run the ingest again`);
    const paragraphs: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'));
    if (!Array.isArray(paragraphs)) throw new Error(`${join(dir, name)}: expected a JSON array of paragraphs`);
    counts.set(state, (counts.get(state) ?? 0) + paragraphs.length);
  }
  return counts;
}

/** Decides the plan for the ingest output in `generated` (settings from `<content>/atlas.json`) and writes it there. */
export async function writeSitePlan(generated: string, content: string): Promise<SitePlan> {
  const settingsFile = join(content, 'atlas.json');
  const raw: unknown = existsSync(settingsFile) ? JSON.parse(await readFile(settingsFile, 'utf8')) : {};
  const parsed = atlasSettingsSchema.partial({ defaultCorpus: true }).safeParse(raw);
  if (!parsed.success) throw new Error(`${settingsFile}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}; correct the setting`);
  const plan = sitePlanSchema.parse(planSite(await paragraphsByState(generated), parsed.data));
  await writeFile(join(generated, SITE_PLAN_FILE), `${JSON.stringify(plan, null, 1)}\n`);
  return plan;
}
