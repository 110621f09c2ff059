import { defineConfig } from 'vitest/config';

/**
 * `npm test`: every suite. Unit suites (ingest, tagging, site helpers) need nothing; built-site
 * suites (quality gates, pages and accessibility, search in Chromium) share ONE global setup that
 * builds the site once from a clean copy of the working tree and provides its path (`atlasDist`).
 * ATLAS_TEST_DIST=/path/to/dist reuses an existing build (local iteration only).
 */
export default defineConfig({
  test: {
    include: [
      'tests/ingest/**/*.test.ts',
      'tests/site/*.test.ts',
      'tests/browser/unit/**/*.test.ts',
      'tests/quality/**/*.test.ts',
      'tests/site/built/**/*.e2e.ts',
      'tests/browser/*.test.ts',
    ],
    globalSetup: ['tests/quality/global-setup.ts'],
    hookTimeout: 900_000,
    testTimeout: 600_000,
    // Two cores: browser suites and builds must not compete with each other.
    fileParallelism: false,
  },
});
