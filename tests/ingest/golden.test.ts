/**
 * Golden outlines: one readable line per heading, paragraph and table of each document of every corpus
 * (tests/golden/<corpus>/<document>.outline.txt), so a change in segmentation shows up as a reviewable diff.
 * Update after reviewing with:
 *   npx vitest run tests/ingest/golden.test.ts -u
 */
import { describe, expect, it } from 'vitest';
import { outline } from '../../scripts/ingest/outline.ts';
import { everyDocument, ingestDoc } from './helpers.ts';

describe('golden outlines', () => {
  for (const [corpus, d] of everyDocument()) {
    it(`matches the reviewed outline of ${corpus}/${d.id}`, async () => {
      await expect(outline(ingestDoc(corpus, d.id))).toMatchFileSnapshot(`../golden/${corpus}/${d.id}.outline.txt`);
    });
  }
});
