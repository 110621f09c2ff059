/**
 * The recommendation URL manifest (content/corpora/<name>/manifest/recommendations.json), checked on every
 * ingest like the paragraph anchor manifest: a published recommendation URL never disappears and never comes
 * to show another recommendation. A URL that had to move is kept as `{url, movedTo, reason}` and gets a
 * redirect page. Reading and writing the file is the only disk access here.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Recommendation } from '../../src/schemas/recommendation.ts';
import { recommendationManifestSchema, type PublishedRecommendation, type RecommendationManifest } from '../../src/schemas/recommendation-manifest.ts';
import { recommendationUrl } from '../../src/lib/routes.ts';
import { IngestError } from './errors.ts';
import { recordCommand, sameOpening, type ManifestMode } from './manifest.ts';

/** Opening words recorded for a record (null without text). */
const openingOf = (r: Recommendation): string | null => (r.text === null ? null : r.text.slice(0, 60));

/** The manifest entries the records publish. */
export function recommendationEntries(records: Recommendation[]): PublishedRecommendation[] {
  return records.map((r) => ({ url: recommendationUrl(r.key), key: r.key, opening: openingOf(r) }));
}

/**
 * Checks the records against the committed manifest and returns the redirects of moved URLs. Throws naming
 * the manifest line when a published URL is gone, shows another recommendation, or moved to a URL that does
 * not exist. New URLs get a note ('note'), are appended with openings learnt since (a record that gained its
 * text) filled in ('update'), or stop the build ('frozen'), as for paragraph links.
 */
export function checkRecommendationManifest(path: string, records: Recommendation[], mode: ManifestMode): { from: string; to: string }[] {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '[]\n';
  let old: RecommendationManifest;
  try {
    old = recommendationManifestSchema.parse(JSON.parse(text));
  } catch (e) {
    throw new IngestError(path, null, `not a valid recommendation manifest (${(e as Error).message.split('\n')[0]}); restore it from git`);
  }
  const line = (url: string) => text.slice(0, text.indexOf(`"${url}"`)).split('\n').length;
  const current = new Map(recommendationEntries(records).map((e) => [e.url, e]));
  const redirects: { from: string; to: string }[] = [];
  for (const o of old) {
    if ('movedTo' in o) {
      if (!current.has(o.movedTo)) throw new IngestError(path, line(o.url), `moved recommendation link ${o.url} points to ${o.movedTo}, which is not published; point it at an existing recommendation page`);
      if (current.has(o.url)) throw new IngestError(path, line(o.url), `${o.url} is listed as moved but is a recommendation page again; remove one of the two`);
      redirects.push({ from: o.url, to: o.movedTo });
      continue;
    }
    const now = current.get(o.url);
    if (!now) throw new IngestError(path, line(o.url), `published recommendation link ${o.url} (${o.key}) no longer exists; published links must never break — restore the recommendation (its outcome report or the citation), or record where it moved ({"url", "movedTo", "reason"})`);
    if (now.key !== o.key || (o.opening !== null && (now.opening === null || !sameOpening(now.opening, o.opening))))
      throw new IngestError(path, line(o.url), `published recommendation link ${o.url} now shows ${now.key} "${now.opening ?? '(no text)'}" instead of ${o.key} "${o.opening}"; keep recommendation ids stable`);
  }
  const known = new Set(old.map((o) => o.url));
  const added = [...current.values()].filter((c) => !known.has(c.url));
  if (mode === 'update') {
    const merged = [...old.map((o) => ('movedTo' in o || o.opening !== null ? o : { ...o, opening: current.get(o.url)?.opening ?? null })), ...added];
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '[\n' + merged.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n');
  } else if (added.length > 0 && mode === 'frozen') {
    throw new IngestError(path, null, `${added.length} recommendation links would be published without being recorded (${added[0].url} …); run "${recordCommand(path)}" and commit the manifest`);
  } else if (added.length > 0) {
    console.log(`manifest: ${added.length} new recommendation links not yet in ${path}; run "${recordCommand(path)}" and commit it`);
  }
  return redirects.sort((a, b) => a.from.localeCompare(b.from));
}
