/**
 * Where an address of a split document's overview page should go (PartForward.astro): the part
 * holding the element its fragment names, or null to stay. Pure (no DOM), so it is unit-tested and
 * small enough for every overview page (src/lib/document-parts.ts).
 */

/** Path segment of part pages under a document: /documents/{doc}/part/{n}/. */
export const PART_SEGMENT = 'part';

/**
 * The part page URL for `href` (an overview page's address, "…/documents/x/#p12"), when `partOf`
 * gives the part number of the element its fragment names; null when there is no fragment or the
 * element is not in a part. The part's URL is relative to the overview ("part/2/"), so it holds
 * under any folder a copy of the site is served from.
 */
export function partForwardUrl(href: string, partOf: (id: string) => string | null): string | null {
  const url = new URL(href);
  if (url.hash.length < 2) return null;
  let id: string;
  try {
    id = decodeURIComponent(url.hash.slice(1));
  } catch {
    return null;
  }
  const part = partOf(id);
  if (!part || !/^[1-9][0-9]*$/.test(part)) return null;
  const base = url.pathname.endsWith('/index.html') ? url.pathname.slice(0, -'index.html'.length) : url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return new URL(`${base}${PART_SEGMENT}/${part}/${url.hash}`, url).href;
}
