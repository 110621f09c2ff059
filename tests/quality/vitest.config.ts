/**
 * Runs only the quality gates, with the one-build global setup:
 *   npx vitest run --config tests/quality/vitest.config.ts
 * (The project's main vitest config should list tests/quality/global-setup.ts in globalSetup too.)
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/quality/**/*.test.ts'],
    globalSetup: ['tests/quality/global-setup.ts'],
    hookTimeout: 900_000,
    testTimeout: 600_000,
  },
});
