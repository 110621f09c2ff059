/**
 * Unit tests of the site's data model, citations and taggers (no build needed):
 *   npx vitest run --config tests/site/vitest.config.ts
 * The project's main config should include 'tests/site/*.test.ts'.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { include: ['tests/site/*.test.ts'] },
});
