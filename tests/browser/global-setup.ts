/**
 * Vitest global setup for the browser tests: makes sure a built site exists and provides its
 * path as `atlasDist` (the same key tests/quality/global-setup.ts provides, so either setup
 * serves both suites; wire one of them, not both, or the site is built twice).
 *
 * - ATLAS_TEST_DIST=/path/to/dist: test that build as it is (no build).
 * - otherwise dist/ is rebuilt with `npm run build` when it is missing or older than any input
 *   (src/, content/ except generated/, scripts/, public/, astro.config.mjs, package.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    /** Absolute path of the built site under test. */
    atlasDist: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const INPUTS = ['src', 'content/registry', 'content/corpora', 'content/atlas.json', 'scripts', 'public', 'astro.config.mjs', 'package.json'];
/** Written last by `npm run build` (scripts/postbuild.ts), so its age is the build's age. */
const BUILD_STAMP = 'dist/pagefind/pagefind-entry.json';

/** Newest modification time (ms) of a file or of any file below a directory; 0 if absent. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
export function staleReason(root: string): string | null {
  const stamp = join(root, BUILD_STAMP);
  if (!existsSync(stamp)) return `${BUILD_STAMP} is missing`;
  const built = statSync(stamp).mtimeMs;
  for (const input of INPUTS) {
    if (newestMtime(join(root, input)) > built) return `${input} changed after the last build`;
  }
  return null;
}

export default function setup(project: TestProject): void {
  const existing = process.env.ATLAS_TEST_DIST;
  if (existing) {
    project.provide('atlasDist', resolve(existing));
    return;
  }
  const reason = staleReason(ROOT);
  if (reason) {
    console.log(`[browser] building the site: ${reason}`);
    const started = performance.now();
    const result = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      },
    });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status}); fix the build first`);
    console.log(`[browser] built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  project.provide('atlasDist', join(ROOT, 'dist'));
}
