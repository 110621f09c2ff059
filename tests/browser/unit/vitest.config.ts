/**
 * The search's unit tests (no build, no browser): `npx vitest run --config tests/browser/unit/vitest.config.ts`.
 * They also fit the project's main `npm test` include list.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  test: { include: ['tests/browser/unit/**/*.test.ts'] },
});
