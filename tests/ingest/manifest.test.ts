import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManifest, sameOpening, type ManifestEntry } from '../../scripts/ingest/manifest.ts';

const entry = (anchor: string, number: string, opening: string, document = 'doc-a'): ManifestEntry => ({
  url: `/documents/${document}/#${anchor}`,
  document,
  anchor,
  number,
  section: null,
  opening,
});
const withManifest = (entries: ManifestEntry[]) => {
  const p = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'anchors.json');
  writeFileSync(p, JSON.stringify(entries, null, 1));
  return p;
};

describe('anchor manifest', () => {
  const published = [entry('p1', '1', 'The present report covers'), entry('p2', '2', 'The Committee recommended')];
  it('fails when a published paragraph link disappears, naming the manifest line', () => {
    const p = withManifest(published);
    expect(() => checkManifest(p, [published[0]], false)).toThrow(/anchors\.json:\d+: published link \/documents\/doc-a\/#p2 \(paragraph 2\) no longer exists/);
  });
  it('fails when a published link comes to point at a different paragraph', () => {
    const p = withManifest(published);
    expect(() => checkManifest(p, [published[0], entry('p2', '2', 'Something else entirely')], false)).toThrow(/now points at a different paragraph/);
  });
  it('accepts additions and writes them only when asked', () => {
    const p = withManifest(published);
    const more = [...published, entry('p3', '3', 'A new paragraph')];
    checkManifest(p, more, false);
    expect(JSON.parse(readFileSync(p, 'utf8'))).toHaveLength(2);
    checkManifest(p, more, true);
    expect(JSON.parse(readFileSync(p, 'utf8'))).toHaveLength(3);
  });
  it('keeps links of a document re-issued under a new id working through its redirect', () => {
    const p = withManifest(published);
    const now = published.map((e) => entry(e.anchor === 'p2' ? 'p3' : e.anchor, e.anchor === 'p2' ? '3' : e.number, e.opening, 'doc-b'));
    expect(() => checkManifest(p, now, false)).toThrow(/no longer exists/);
    // Declared re-issue renumbering p2 -> p3: the old link lands on the same words, so it holds.
    const links = [{ id: 'doc-a', current: 'doc-b', note: 'Reissued for technical reasons', anchors: { p2: 'p3' } }];
    expect(() => checkManifest(p, now, false, links)).not.toThrow();
    // A wrong anchor map sends the old link to other words: that fails.
    expect(() => checkManifest(p, now.map((e) => (e.anchor === 'p1' ? { ...e, anchor: 'p3', url: '/documents/doc-b/#p3' } : { ...e, anchor: 'p1', url: '/documents/doc-b/#p1' })), false, links)).toThrow(/different paragraph/);
  });
  it('treats marker and punctuation repairs as the same opening', () => {
    expect(sameOpening('The Code on Offenses 142 and the', 'The Code on Offenses and the')).toBe(true);
    expect(sameOpening('The Code on Offenses', 'The Constitution of')).toBe(false);
  });
});
