/**
 * Runs only the browser tests of the search, building dist/ first when it is missing or stale:
 *   npx vitest run --config tests/browser/vitest.config.ts
 * ATLAS_TEST_DIST=/path/to/dist tests an existing build instead. In the project's main config,
 * list tests/browser/**.test.ts with ONE global setup providing `atlasDist` (this folder's, or
 * tests/quality/global-setup.ts, which builds in a clean copy): both would build the site twice.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/browser/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    hookTimeout: 600_000,
    testTimeout: 60_000,
  },
});
