/** Where the ingest output lives: content/generated, or ATLAS_GENERATED (tests, fixtures). */
import fs from 'node:fs';
import path from 'node:path';

/** Absolute path of the generated content directory the site is built from. */
export function generatedDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env.ATLAS_GENERATED ?? 'content/generated');
}

/**
 * A JSON file scripts/build.ts writes into `generated` after the ingest (the site plan, the
 * document parts), validated by `schema`; null when it was not written (an `astro build` by hand).
 */
export function readGeneratedFile<T>(name: string, schema: { parse(data: unknown): T }, generated: string = generatedDir()): T | null {
  const file = path.join(generated, name);
  if (!fs.existsSync(file)) return null;
  return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
