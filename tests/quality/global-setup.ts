/**
 * Vitest global setup: builds the site once, from a clean copy of the working tree, for every test
 * that inspects `dist/` (integrity crawl, HTML validation, third-party checks, browser tests).
 * Provides `atlasDist` (absolute path of the built site), `atlasWorkspace` (the copy it was built
 * in) and `atlasSnapshot` (the frozen, unbuilt copy of the working tree both came from). Set ATLAS_TEST_DIST=/path/to/dist to test an existing build instead (local iteration only).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createWorkspace, runBuild } from '../../scripts/bench/workspace.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** Absolute path of the built site under test. */
    atlasDist: string;
    /** Absolute path of the clean project copy the site was built in ('' when ATLAS_TEST_DIST is set). */
    atlasWorkspace: string;
    /** Absolute path of the unbuilt copy of the working tree that every build of this run starts from ('' with ATLAS_TEST_DIST). */
    atlasSnapshot: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.ATLAS_TEST_DIST;
  if (existing) {
    project.provide('atlasDist', resolve(existing));
    project.provide('atlasWorkspace', '');
    project.provide('atlasSnapshot', '');
    return undefined;
  }
  const base = await mkdtemp(join(tmpdir(), 'atlas-test-build-'));
  // A frozen copy of the working tree: every build in this run starts from the same files.
  const snapshot = await createWorkspace(ROOT, join(base, 'snapshot'));
  const workspace = await createWorkspace(snapshot, join(base, 'site'));
  const started = performance.now();
  // The default build, as on a clean clone: no SITE_URL (tests/quality/build.test.ts builds with one).
  await runBuild(workspace, { env: { SITE_URL: '' } });
  console.log(`[quality] built the site in ${((performance.now() - started) / 1000).toFixed(1)} s (${workspace})`);
  project.provide('atlasDist', join(workspace, 'dist'));
  project.provide('atlasWorkspace', workspace);
  project.provide('atlasSnapshot', snapshot);
  return async () => {
    if (!process.env.ATLAS_KEEP_BUILD) await rm(base, { recursive: true, force: true });
  };
}
