/**
 * The one setting for absolute URLs: `SITE_URL` at build time (e.g. `https://atlas.example.org`).
 * It becomes Astro's `site` and thereby the origin of canonical links, Open Graph URLs, citations
 * and the sitemap. Unset, the build prints no absolute URL of its own anywhere: links stay
 * site-relative, no sitemap is written, and "Copy citation" takes the origin from the page's own
 * address. The site must be served at the root of its origin (all internal links start with "/").
 */

/** Why a SITE_URL value cannot be used, or null when it can. */
export function siteUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `the scheme must be https: (or http:), not ${url.protocol}`;
  if (url.username || url.password) return 'it must not carry a user name or password';
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'it must not carry a query or a fragment';
  if (url.pathname !== '/') return `the site must be served at the root of its host, not under ${url.pathname} (internal links start with "/"; use a custom domain or a user/organisation site)`;
  return null;
}

/**
 * The validated origin with a trailing slash (`https://atlas.example.org/`), or undefined when
 * `value` is unset or empty. Throws a one-line error naming the variable and the fix otherwise.
 */
export function siteUrl(value: string | undefined = process.env.SITE_URL): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const problem = siteUrlProblem(v);
  if (problem) throw new Error(`SITE_URL=${JSON.stringify(value)}: ${problem}; set it to the deployed origin, e.g. SITE_URL=https://atlas.example.org (README, "Deploy")`);
  return `${new URL(v).origin}/`;
}
