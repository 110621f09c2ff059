/** The recommendation URL manifest: a published recommendation page never disappears or changes what it shows. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../temp-dirs.ts';
import { checkRecommendationManifest, recommendationEntries } from '../../scripts/ingest/recommendation-manifest.ts';
import type { Recommendation } from '../../src/schemas/recommendation.ts';

const record = (key: string, text: string | null): Recommendation => ({
  key, id: key.split('/')[1], review: key.split('/')[0], outcome: null, outcomeDocument: null, sequence: null, label: null, text, states: [], source: null,
  reportPosition: null, position: null, positionWording: null, alreadyImplemented: false, positionSource: null, responses: [], answeredBy: [], rights: [], rightTags: [],
});
const withManifest = (entries: unknown[]) => {
  const p = join(tempDir('rec-manifest-'), 'recommendations.json');
  writeFileSync(p, '[\n' + entries.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n');
  return p;
};
const a = record('upr-2/115.1', 'Take further steps for the ratification of several treaties (Croatia)');
const b = record('upr-2/115.2', 'Expedite the ratification of the amendment to article 8 (Belgium)');

describe('recommendation manifest', () => {
  it('records the URL of each recommendation by review and printed id, with its opening words', () => {
    expect(recommendationEntries([a, record('upr-1/95.41', null)])).toEqual([
      { url: '/recommendations/upr-2/115-1/', key: 'upr-2/115.1', opening: a.text!.slice(0, 60) },
      { url: '/recommendations/upr-1/95-41/', key: 'upr-1/95.41', opening: null },
    ]);
  });
  it('fails when a published recommendation URL disappears, naming the manifest line', () => {
    const p = withManifest(recommendationEntries([a, b]));
    expect(() => checkRecommendationManifest(p, [a], 'note')).toThrow(/recommendations\.json:3: published recommendation link \/recommendations\/upr-2\/115-2\/ \(upr-2\/115\.2\) no longer exists/);
  });
  it('fails when a published URL comes to show other words', () => {
    const p = withManifest(recommendationEntries([a, b]));
    expect(() => checkRecommendationManifest(p, [a, { ...b, text: 'Something else entirely, about another subject (Chile)' }], 'note')).toThrow(/now shows upr-2\/115\.2/);
  });
  it('accepts a record that gains its text when its outcome report is added, and fills in its opening on update', () => {
    const p = withManifest(recommendationEntries([record('upr-1/95.41', null)]));
    const now = record('upr-1/95.41', 'Consider ratifying the Optional Protocol (Spain)');
    expect(checkRecommendationManifest(p, [now], 'note')).toEqual([]);
    checkRecommendationManifest(p, [now], 'update');
    expect(JSON.parse(readFileSync(p, 'utf8'))[0].opening).toBe('Consider ratifying the Optional Protocol (Spain)');
  });
  it('returns a redirect for each moved URL, and fails when it moved to a page that does not exist', () => {
    const moved = { url: '/recommendations/115-1/', movedTo: '/recommendations/upr-2/115-1/', reason: 'Addressed by review since several reviews are listed' };
    const p = withManifest([moved, ...recommendationEntries([a])]);
    expect(checkRecommendationManifest(p, [a], 'note')).toEqual([{ from: '/recommendations/115-1/', to: '/recommendations/upr-2/115-1/' }]);
    const q = withManifest([{ ...moved, movedTo: '/recommendations/upr-2/115-9/' }]);
    expect(() => checkRecommendationManifest(q, [a], 'note')).toThrow(/recommendations\.json:2: moved recommendation link \/recommendations\/115-1\/ points to \/recommendations\/upr-2\/115-9\/, which is not published/);
  });
  it('notes new URLs, writes them only when asked, and stops a frozen build on them', () => {
    const p = withManifest(recommendationEntries([a]));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    checkRecommendationManifest(p, [a, b], 'note');
    expect(log.mock.calls.flat().join(' ')).toMatch(/1 new recommendation links/);
    log.mockRestore();
    expect(JSON.parse(readFileSync(p, 'utf8'))).toHaveLength(1);
    expect(() => checkRecommendationManifest(p, [a, b], 'frozen')).toThrow(/1 recommendation links would be published without being recorded/);
    checkRecommendationManifest(p, [a, b], 'update');
    expect(JSON.parse(readFileSync(p, 'utf8'))).toHaveLength(2);
  });
  it('refuses a manifest that is not a list of entries', () => {
    const p = withManifest([{ url: '/elsewhere/', key: 'x' }]);
    expect(() => checkRecommendationManifest(p, [a], 'note')).toThrow(/not a valid recommendation manifest/);
  });
});
