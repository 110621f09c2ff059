import { defineConfig } from 'vitest/config';

/**
 * `npm test`: ingest and tagging tests (no build needed).
 * Built-site gates run with their own configs until the site build is wired into CI:
 *   npx vitest run --config tests/quality/vitest.config.ts   (builds once in a global setup)
 */
export default defineConfig({
  test: {
    include: ['tests/ingest/**/*.test.ts', 'tests/site/rights-tagging.test.ts', 'tests/site/body-detection.test.ts'],
    testTimeout: 60_000,
  },
});
