import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dirs.ts';
import { checkManifest, sameOpening, type ManifestEntry } from '../../scripts/ingest/manifest.ts';
import { retiredPages } from '../../src/lib/redirects.ts';
import { toMdx } from '../../scripts/ingest/emit.ts';
import { ingestText } from './helpers.ts';

const entry = (anchor: string, number: string | null, opening: string, document = 'doc-a'): ManifestEntry => ({
  url: `/documents/${document}/#${anchor}`,
  document,
  anchor,
  number,
  section: null,
  opening,
});
const withManifest = (entries: ManifestEntry[]) => {
  const p = join(tempDir('manifest-'), 'anchors.json');
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

describe('retired paragraph links (content/manifest/retired.json)', () => {
  const published = [entry('p1', '1', 'The present report covers'), entry('u1', '1', 'See: Law of the Republic')];
  const targets = new Set(['/documents/doc-a/#p1', '/documents/doc-a/#fn-74']);
  it('accepts a published link that disappeared when it is retired to where its text went', () => {
    const p = withManifest(published);
    const retired = [{ url: '/documents/doc-a/#u1', to: '/documents/doc-a/#fn-74', reason: 'footnote text read as a paragraph' }];
    expect(() => checkManifest(p, [published[0]], false, [], retired, targets)).not.toThrow();
  });
  it('refuses a retirement that points nowhere, naming retired.json', () => {
    const p = withManifest(published);
    const retired = [{ url: '/documents/doc-a/#u1', to: '/documents/doc-a/#fn-99', reason: 'footnote text read as a paragraph' }];
    expect(() => checkManifest(p, [published[0]], false, [], retired, targets)).toThrow(/retired\.json: retired link \/documents\/doc-a\/#u1 points to \/documents\/doc-a\/#fn-99, which does not exist/);
  });
  it('writes a redirect page for the retired permanent page and keeps the old fragment as an alias', () => {
    const pages = retiredPages([{ url: '/documents/doc-a/#u1', to: '/documents/doc-a/#fn-74', reason: 'footnote text read as a paragraph' }], ['/documents/doc-a/']);
    expect(pages).toEqual([{ from: '/documents/doc-a/u1/', to: '/documents/doc-a/#fn-74', anchors: {}, note: 'footnote text read as a paragraph' }]);
    const r = ingestText('1. A paragraph with a note.1');
    const mdx = toMdx('synthetic', r, new Map([['fn-1', ['u1']], ['p1', ['old-p1']]]));
    expect(mdx).toContain('<p class="fn" id="fn-1"><span class="retired-anchor" id="u1"></span>');
    expect(mdx).toContain('<section class="para kind-numbered" id="p1" data-number="1"><span class="retired-anchor" id="old-p1"></span>');
  });
});
