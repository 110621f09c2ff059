/** The committed corpora, for tests: paths, loaded registries (resolved as the ingest resolves them), and sources. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusPaths, loadCorpus, type CorpusPaths, type LoadedCorpus } from '../scripts/ingest/registry.ts';

/** Project root. */
export const ROOT = resolve(import.meta.dirname, '..');

/** The corpus whose published links the oldest tests pin (counts, goldens, fixtures). */
export const DEFAULT_CORPUS = 'kazakhstan';

/** Names of every corpus under content/corpora/. */
export function corpusNames(root: string = ROOT): string[] {
  const dir = join(root, 'content/corpora');
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
}

/** Paths of a corpus of a project tree (default: this checkout). */
export function corpusDir(name: string = DEFAULT_CORPUS, root: string = ROOT): CorpusPaths {
  return corpusPaths(join(root, 'content'), name);
}

const cache = new Map<string, LoadedCorpus>();
/** A committed corpus, loaded and resolved once per test file. */
export function loadedCorpus(name: string = DEFAULT_CORPUS): LoadedCorpus {
  if (!cache.has(name)) cache.set(name, loadCorpus(corpusDir(name)));
  return cache.get(name)!;
}
