/**
 * Tests of the built site's pages (need a build): every paragraph has exactly one page and one
 * anchor; axe-core finds no violations on the main page types; screenshots for review.
 *   npx vitest run --config tests/site/built/vitest.config.ts
 * The global setup builds dist/ when it is missing or stale; ATLAS_TEST_DIST=/path/to/dist
 * tests an existing build. In a combined config, list tests/site/built/**.e2e.ts next to the
 * other built-site suites under ONE global setup that provides `atlasDist`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: {
    include: ['tests/site/built/**/*.e2e.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    hookTimeout: 600_000,
    testTimeout: 120_000,
  },
});
