/**
 * Two clean builds of the same sources, in two different directories, must write byte-identical
 * `dist/` trees: no timestamps, random ids, absolute paths or unordered output.
 * The first build comes from tests/quality/global-setup.ts; this test makes the second.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { createWorkspace, runBuild } from '../../scripts/bench/workspace.ts';
import { builtDist, builtSnapshot } from './lib/built-site.ts';
import { compareTrees } from './lib/tree.ts';

const ROOT = resolve(import.meta.dirname, '../..');

it('builds byte-identical dist/ twice from the same sources in different directories', async () => {
  const first = builtDist();
  const base = await mkdtemp(join(tmpdir(), 'atlas-repro-'));
  try {
    // Same files as the first build (the snapshot), even if the working tree changed meanwhile.
    const workspace = await createWorkspace(builtSnapshot() || ROOT, join(base, 'second-checkout'));
    await runBuild(workspace, { env: { SITE_URL: '' } });
    const difference = await compareTrees(first, join(workspace, 'dist'));
    expect(difference, difference ?? '').toBeNull();
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}, 900_000);
