/**
 * Golden outlines: one readable line per heading, paragraph and table of each document, so a change
 * in segmentation shows up as a reviewable diff. Update after reviewing with:
 *   npx vitest run tests/ingest/golden.test.ts -u
 */
import { describe, expect, it } from 'vitest';
import { outline } from '../../scripts/ingest/outline.ts';
import { ingestRegistered, registry } from './helpers.ts';

describe('golden outlines', () => {
  for (const d of registry) {
    it(`matches the reviewed outline of ${d.id}`, async () => {
      await expect(outline(ingestRegistered(d.id))).toMatchFileSnapshot(`../golden/${d.id}.outline.txt`);
    });
  }
});
