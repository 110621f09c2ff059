/**
 * Paragraph URLs without pages (a large site, src/lib/site-plan.ts): /documents/{doc}/{anchor}/
 * still lands on the paragraph, at /documents/{doc}/#{anchor}. Hosts that read `_redirects`
 * (Netlify, Cloudflare Pages) answer with a 301; elsewhere (GitHub Pages) the host serves the 404
 * page, whose script (src/scripts/paragraph-fallback.ts) sends the reader on.
 */

/** Where a paragraph URL without a page should go, or null when `pathname` is not a paragraph URL. */
export function paragraphFallback(pathname: string): string | null {
  const m = /^\/documents\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z][a-z0-9-]*)\/?$/.exec(pathname);
  return m ? `/documents/${m[1]}/#${m[2]}` : null;
}

/** The `_redirects` rules that send every paragraph URL to the paragraph in its document (301). */
export function paragraphFallbackRules(): string {
  return [
    '# Paragraph URLs (no page per paragraph on a large site): the paragraph in its document.',
    '/documents/:doc/:anchor/ /documents/:doc/#:anchor 301',
    '/documents/:doc/:anchor /documents/:doc/#:anchor 301',
    '',
  ].join('\n');
}
