import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import { IngestError } from './errors.ts';
import { reissueTarget, type ReissueLink } from '../../src/lib/redirects.ts';
import type { Retired } from '../../src/schemas/retired.ts';

/** One published paragraph URL: what it must keep pointing at. */
export interface ManifestEntry {
  url: string;
  document: string;
  anchor: string;
  number: string | null;
  section: string | null;
  /** First 60 characters of the text: identifies the paragraph if numbering were ever to shift. */
  opening: string;
}

/** The manifest entries a document publishes. */
export function manifestEntries(doc: DocumentEntry, paragraphs: Paragraph[]): ManifestEntry[] {
  return paragraphs.map((p) => ({
    url: `/documents/${doc.id}/#${p.anchor}`,
    document: doc.id,
    anchor: p.anchor,
    number: p.number,
    section: p.section,
    opening: p.text.slice(0, 60),
  }));
}

/**
 * Whether two openings are the same paragraph: the first 40 letters differ by at most a fifth, so
 * repairs of markers, digits, hyphens, punctuation and OCR letters pass while a different paragraph does not.
 */
export function sameOpening(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '').slice(0, 40);
  const [x, y] = [key(a), key(b)];
  // Edit distance on the first 40 letters: OCR corrections change a few letters, another paragraph most.
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length] <= Math.max(4, Math.floor(Math.max(x.length, y.length) / 5));
}

/**
 * Checks the committed anchor manifest: every published URL must still exist and point at the same
 * paragraph (same document, section, printed number and opening words). Additions are fine; with
 * `update` they are written to the manifest (commit it).
 */
export function checkManifest(
  path: string,
  current: ManifestEntry[],
  update: boolean,
  reissues: ReissueLink[] = [],
  retired: Retired[] = [],
  targets: Set<string> = new Set(),
): void {
  const byUrl = new Map(current.map((e) => [e.url, e]));
  const retiredByUrl = new Map(retired.map((r) => [r.url, r]));
  for (const r of retired) {
    if (!targets.has(r.to)) throw new IngestError(path.replace(/anchors\.json$/, 'retired.json'), null, `retired link ${r.url} points to ${r.to}, which does not exist; point it at a paragraph or note of the same document`);
    if (r.url.split('#')[0] !== r.to.split('#')[0]) throw new IngestError(path.replace(/anchors\.json$/, 'retired.json'), null, `retired link ${r.url} must point into the same document, not ${r.to}`);
  }
  const old: ManifestEntry[] = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : [];
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const o of old) {
    // A document re-issued under a new id: the old URL redirects; it must land on the same paragraph.
    const moved = byUrl.has(o.url) ? null : reissueTarget(o.url, reissues);
    const now = byUrl.get(moved ?? o.url);
    const line = () => text.slice(0, text.indexOf(`"${o.url}"`)).split('\n').length;
    if (!now && retiredByUrl.has(o.url)) continue;
    if (!now) throw new IngestError(path, line(), `published link ${o.url} (paragraph ${o.number ?? o.anchor}) no longer exists; published links must never break — restore the paragraph or its anchor, or, if it was never a paragraph, retire it in retired.json with the place its text went`);
    // Through a re-issue the number may change (renumbered re-issue); the words must not.
    if (moved !== null ? !sameOpening(now.opening, o.opening) : now.document !== o.document || now.number !== o.number || now.section !== o.section || !sameOpening(now.opening, o.opening)) {
      throw new IngestError(path, line(), `published link ${o.url} now points at a different paragraph ("${now.opening}" instead of "${o.opening}"); keep old anchors stable`);
    }
  }
  const known = new Set(old.map((o) => o.url));
  const added = current.filter((c) => !known.has(c.url));
  if (added.length && !update) {
    console.log(`manifest: ${added.length} new paragraph links not yet in ${path}; run "npm run ingest -- --update-manifest" and commit it`);
  }
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    const merged = [...old, ...added];
    writeFileSync(path, JSON.stringify(merged, null, 1) + '\n');
  }
}
