/** Access to the site built once by tests/quality/global-setup.ts. */
import { inject } from 'vitest';

/** Absolute path of the built site, or a clear error when the global setup is not configured. */
export function builtDist(): string {
  const dist = inject('atlasDist');
  if (!dist) {
    throw new Error(
      'no built site: add tests/quality/global-setup.ts to test.globalSetup in vitest.config.ts, or set ATLAS_TEST_DIST=dist',
    );
  }
  return dist;
}

/** Absolute path of the clean project copy the site was built in ('' when testing an existing dist). */
export function builtWorkspace(): string {
  return inject('atlasWorkspace') ?? '';
}

/** The frozen, unbuilt copy of the working tree this run's builds start from ('' when testing an existing dist). */
export function builtSnapshot(): string {
  return inject('atlasSnapshot') ?? '';
}
