/**
 * Incremental ingest: a document whose inputs did not change since the last ingest into the same
 * output folder is taken from that output instead of being parsed again (at the peers' scale the
 * ingest parses and tags 320,000 paragraphs; adding one document should not redo them all).
 *
 * A document's key is the SHA-256 of everything its output depends on: the ingest's own code (every
 * file under scripts/ingest/, scripts/ingest.ts, src/schemas/, src/lib/redirects.ts, and the lock
 * file), its resolved registry entry (which holds its text's hash), its text, its errata, table specs
 * and retired anchors, and the shared vocabularies it is tagged with. The keys of the documents
 * written are kept in `<out>/ingest-keys.json`; an output without that file is never reused.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** File name of the keys inside the output folder. */
export const INGEST_KEYS_FILE = 'ingest-keys.json';

/** Files whose content decides what the ingest writes, relative to `root`, sorted. */
function codeFiles(root: string): string[] {
  const under = (dir: string) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && e.name.endsWith('.ts'))
          .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
      : [];
  return [...under('scripts/ingest'), 'scripts/ingest.ts', ...under('src/schemas'), 'src/lib/redirects.ts', 'package-lock.json']
    .filter((f) => existsSync(join(root, f)))
    .sort();
}

/** SHA-256 of the ingest's code (see the module comment). */
export function codeFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const file of codeFiles(root)) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

/** SHA-256 of one document's inputs (`inputs` in a fixed key order; `text` its source). */
export function documentKey(code: string, text: string, inputs: Record<string, unknown>): string {
  return createHash('sha256').update(code).update('\0').update(JSON.stringify(inputs)).update('\0').update(text).digest('hex');
}

/** The keys of the documents in an earlier output folder (empty when there is none). */
export function previousKeys(out: string): Map<string, string> {
  const file = join(out, INGEST_KEYS_FILE);
  if (!existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}
