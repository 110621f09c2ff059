/**
 * Permanent links across re-issues. The UN re-issues documents ("reissued for technical reasons").
 * A re-issue that keeps the printed numbering keeps its registry id: only `source`/`sourceSha256`
 * change, every URL stays, and the anchor manifest proves it. A re-issue published under a new id
 * (or that renumbers paragraphs) lists what it replaces in its registry entry:
 *
 *   "replaces": [{ "id": "old-id", "note": "Reissued for technical reasons", "anchors": { "p12": "p13" } }]
 *
 * and every URL published under the old id keeps working through a redirect page: the path segment
 * `old-id` becomes the new id, renamed anchors are renamed in paths and `#fragments`, and
 * unlisted anchors keep their names. Pure functions; scripts/redirects.ts writes the pages.
 */
import { z } from 'zod';

/** One earlier publication of a document that a registry entry replaces. */
export const reissueSchema = z
  .object({
    /** Registry id the document was published under before; never reused for another document. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** What happened, for readers of the redirect page ("Reissued for technical reasons, 2014-09"). */
    note: z.string().min(3),
    /** Anchors renamed by the re-issue, old -> new; anchors not listed keep their names. */
    anchors: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.string().regex(/^[a-z][a-z0-9-]*$/)).default({}),
  })
  .strict();
export type Reissue = z.output<typeof reissueSchema>;

/** A re-issue together with the id of the document that now holds the text. */
export interface ReissueLink extends Reissue {
  /** Current registry id. */
  current: string;
}

/**
 * Reads the `replaces` lists of registry entries (absent = none). Throws when an old id is still a
 * current document or is claimed by two documents, since its URLs would then be ambiguous.
 */
export function reissueLinks(documents: ReadonlyArray<{ id: string; replaces?: unknown }>): ReissueLink[] {
  const current = new Set(documents.map((d) => d.id));
  const links: ReissueLink[] = [];
  const claimed = new Map<string, string>();
  for (const doc of documents) {
    for (const r of z.array(reissueSchema).parse(doc.replaces ?? [])) {
      if (current.has(r.id)) throw new Error(`documents.json: "${doc.id}" replaces "${r.id}", which is still a current document; remove one of them`);
      const other = claimed.get(r.id);
      if (other) throw new Error(`documents.json: "${r.id}" is replaced by both "${other}" and "${doc.id}"; an old id can redirect to one document only`);
      claimed.set(r.id, doc.id);
      links.push({ ...r, current: doc.id });
    }
  }
  return links.sort((a, b) => a.id.localeCompare(b.id));
}

/** Renames a fragment (without '#') according to a re-issue's anchor map. */
export function mapAnchor(anchor: string, anchors: Record<string, string>): string {
  return Object.hasOwn(anchors, anchor) ? (anchors[anchor] as string) : anchor;
}

/** Maps a URL path's segments: `from` -> `to`, and renamed anchors -> their new names. */
export function mapPath(path: string, from: string, to: string, anchors: Record<string, string>): string {
  return path
    .split('/')
    .map((segment) => (segment === from ? to : mapAnchor(segment, anchors)))
    .join('/');
}

/** Whether a path has a segment equal to `id`. */
const hasSegment = (path: string, id: string) => path.split('/').includes(id);

/**
 * Where a published URL (path and optional `#fragment`) now lives, or null when no re-issue
 * covers it. Use in the anchor-manifest check: a URL that disappeared is fine when this returns a
 * URL that exists and holds the same paragraph.
 */
export function reissueTarget(url: string, links: ReissueLink[]): string | null {
  const [path = '', fragment] = url.split('#', 2) as [string, string | undefined];
  const link = links.find((l) => hasSegment(path, l.id));
  if (!link) return null;
  const to = mapPath(path, link.id, link.current, link.anchors);
  return fragment === undefined ? to : `${to}#${mapAnchor(fragment, link.anchors)}`;
}

/** A static page at an old path that forwards to the new one. */
export interface RedirectPage {
  /** Old URL path (directory form, e.g. "/documents/old-id/"). */
  from: string;
  /** New URL path. */
  to: string;
  /** Fragment renames the page applies to `location.hash` when it forwards. */
  anchors: Record<string, string>;
  /** The re-issue note shown on the page. */
  note: string;
}

/**
 * Lists the redirect pages a build needs: one for each path under an old id that was published
 * (`publishedUrls`, from the anchor manifest) or that a current page implies (`builtPaths` under
 * the new id, mapped back: per-paragraph pages included). Existing pages are never shadowed.
 */
export function redirectPages(links: ReissueLink[], publishedUrls: string[], builtPaths: string[]): RedirectPage[] {
  const built = new Set(builtPaths);
  const pages = new Map<string, RedirectPage>();
  const add = (from: string, link: ReissueLink) => {
    if (built.has(from) || pages.has(from)) return;
    pages.set(from, { from, to: mapPath(from, link.id, link.current, link.anchors), anchors: link.anchors, note: link.note });
  };
  for (const link of links) {
    const back = Object.fromEntries(Object.entries(link.anchors).map(([o, n]) => [n, o]));
    for (const url of publishedUrls) {
      const path = url.split('#')[0] as string;
      if (hasSegment(path, link.id)) add(path, link);
    }
    for (const path of builtPaths) {
      if (hasSegment(path, link.current)) add(mapPath(path, link.current, link.id, back), link);
    }
  }
  return [...pages.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * Redirect pages for retired paragraph links (content/manifest/retired.json): the permanent page of an
 * anchor that turned out not to be a paragraph forwards to where its text lives now. The in-document
 * fragment keeps working through an alias id the ingest places at the target.
 */
export function retiredPages(retired: ReadonlyArray<{ url: string; to: string; reason: string }>, builtPaths: string[]): RedirectPage[] {
  const built = new Set(builtPaths);
  return retired
    .map((r) => {
      const [path, anchor] = r.url.split('#') as [string, string];
      return { from: `${path}${anchor}/`, to: r.to, anchors: {}, note: r.reason };
    })
    .filter((p) => !built.has(p.from));
}

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Path of the forwarding script every redirect page loads (same origin: allowed by the CSP). */
export const REDIRECT_SCRIPT_PATH = '/redirect.js';

/**
 * Forwards to `data-to`, carrying the current `#fragment` renamed through `data-anchors`; when
 * `data-to` names a place itself (a retired link's target, `…/#fn-74`), that fragment is kept and
 * the visited one dropped, so the new address always has exactly one fragment at most.
 * Without JavaScript the meta refresh still forwards (to the page, without the fragment).
 */
export const REDIRECT_SCRIPT = `(function () {
  var s = document.currentScript;
  var to = s.getAttribute('data-to');
  if (to.indexOf('#') >= 0) { location.replace(to); return; }
  var anchors = JSON.parse(s.getAttribute('data-anchors') || '{}');
  var hash = location.hash.slice(1);
  try { hash = decodeURIComponent(hash); } catch (e) {}
  var renamed = Object.prototype.hasOwnProperty.call(anchors, hash) ? anchors[hash] : hash;
  location.replace(to + (hash ? '#' + encodeURIComponent(renamed) : ''));
})();
`;

/** The HTML of a redirect page: valid, noindex, canonical, readable without JavaScript. */
export function redirectHtml(page: RedirectPage): string {
  const to = escapeHtml(page.to);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: ${to}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${to}">
<script src="${REDIRECT_SCRIPT_PATH}" data-to="${to}" data-anchors="${escapeHtml(JSON.stringify(page.anchors))}"></script>
<meta http-equiv="refresh" content="0; url=${to}">
</head>
<body>
<main>
<h1>This address has moved</h1>
<p>${escapeHtml(page.note)}. The text you are looking for is now at <a href="${to}">${to}</a>.</p>
</main>
</body>
</html>
`;
}

/**
 * `_redirects` lines (Netlify/Cloudflare) for hosts that serve HTTP 301s; browsers keep the
 * `#fragment` across a 301, so only re-issues without renamed anchors are listed there.
 */
export function hostRedirects(pages: RedirectPage[]): string {
  const lines = pages.filter((p) => Object.keys(p.anchors).length === 0).map((p) => `${p.from} ${p.to} 301`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
