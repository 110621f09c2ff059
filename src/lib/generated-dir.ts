/** Where the ingest output lives: content/generated, or ATLAS_GENERATED (tests, fixtures). */
import path from 'node:path';

/** Absolute path of the generated content directory the site is built from. */
export function generatedDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env.ATLAS_GENERATED ?? 'content/generated');
}
