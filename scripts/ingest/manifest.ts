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

/** How the manifest check treats links that are published but not yet recorded. */
export type ManifestMode =
  /** Print a note naming the command that records them (`npm run ingest`). */
  | 'note'
  /** Record them in the manifest file (`--update-manifest`). */
  | 'update'
  /** Fail: every published link must be recorded already (the build, `--frozen-manifest`). */
  | 'frozen';

/** The command that records new links, named in every message about them. */
export const RECORD_COMMAND = 'npm run ingest -- --update-manifest';

/** {@link RECORD_COMMAND} for the corpus whose manifest is at `path` (content/corpora/<name>/manifest/…). */
export function recordCommand(path: string): string {
  const corpus = /(?:^|[\\/])corpora[\\/]([^\\/]+)[\\/]manifest[\\/]/.exec(path)?.[1];
  return corpus ? `npm run ingest -- --corpus ${corpus} --update-manifest` : RECORD_COMMAND;
}

/**
 * Reads a committed manifest, failing with the file and what to do when it is missing, empty,
 * not JSON or not a list of entries. A missing file is only accepted when `creating` (the first
 * `--update-manifest` of a new corpus).
 */
export function readManifest(path: string, creating: boolean): { entries: ManifestEntry[]; text: string } {
  if (!existsSync(path)) {
    if (creating) return { entries: [], text: '' };
    throw new IngestError(path, null, `the link manifest is missing; restore it from git (git checkout -- ${path}), or for a new corpus record its links with "${recordCommand(path)}"`);
  }
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') throw new IngestError(path, null, `the link manifest is empty; restore it from git (git checkout -- ${path}): published links are only ever added or retired`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new IngestError(path, null, `not valid JSON (${(e as Error).message}); restore it from git (git checkout -- ${path})`);
  }
  const bad = Array.isArray(raw) ? raw.findIndex((e) => typeof e !== 'object' || e === null || typeof (e as ManifestEntry).url !== 'string' || typeof (e as ManifestEntry).opening !== 'string') : -1;
  if (!Array.isArray(raw) || bad >= 0) {
    throw new IngestError(path, null, `${Array.isArray(raw) ? `entry ${bad + 1} has no "url" or "opening"` : 'expected a JSON array of entries'}; restore it from git (git checkout -- ${path})`);
  }
  return { entries: raw as ManifestEntry[], text };
}

/**
 * Checks the committed anchor manifest: every published URL must still exist and point at the same
 * paragraph (same document, section, printed number and opening words). Links not yet recorded
 * get a note (`mode` 'note'), are written to the manifest ('update', or `update` true: commit it),
 * or stop the build ('frozen').
 */
export function checkManifest(
  path: string,
  current: ManifestEntry[],
  update: boolean,
  reissues: ReissueLink[] = [],
  retired: Retired[] = [],
  targets: Set<string> = new Set(),
  mode: ManifestMode = update ? 'update' : 'note',
): void {
  const byUrl = new Map(current.map((e) => [e.url, e]));
  const retiredByUrl = new Map(retired.map((r) => [r.url, r]));
  for (const r of retired) {
    if (!targets.has(r.to)) throw new IngestError(path.replace(/anchors\.json$/, 'retired.json'), null, `retired link ${r.url} points to ${r.to}, which does not exist; point it at a paragraph or note of the same document`);
    if (r.url.split('#')[0] !== r.to.split('#')[0]) throw new IngestError(path.replace(/anchors\.json$/, 'retired.json'), null, `retired link ${r.url} must point into the same document, not ${r.to}`);
  }
  const { entries: old, text } = readManifest(path, mode === 'update');
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
  if (added.length === 0) return;
  if (mode === 'frozen') {
    const emptied = old.length === 0 ? ' The manifest records no link at all: if it was emptied by mistake, restore it from git.' : '';
    throw new IngestError(
      path,
      null,
      `${added.length} published paragraph link(s) are not recorded (first: ${added[0]!.url}); record them with "${recordCommand(path)}" and commit ${path} in the same change.${emptied}`,
    );
  }
  if (mode === 'note') {
    console.log(`manifest: ${added.length} new paragraph links not yet in ${path}; run "${recordCommand(path)}" and commit it (the build refuses unrecorded links)`);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify([...old, ...added], null, 1) + '\n');
  console.log(`manifest: recorded ${added.length} new paragraph link(s) in ${path}; commit it with the change that publishes them`);
}
