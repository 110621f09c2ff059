/**
 * Every internal URL of the site, built in one place so links and pages cannot drift apart.
 * All URLs end in "/" (trailingSlash: 'always').
 */

/** Home page. */
export const homeUrl = (): string => '/';
/** Index of documents. */
export const documentsUrl = (): string => '/documents/';
/** A document's full text. */
export const documentUrl = (doc: string): string => `/documents/${doc}/`;
/** A paragraph in the context of its document (anchor on the document page). */
export const paragraphInContextUrl = (doc: string, anchor: string): string => `/documents/${doc}/#${anchor}`;
/** A paragraph's permanent page. */
export const paragraphUrl = (doc: string, anchor: string): string => `/documents/${doc}/${anchor}/`;
/** A footnote on the document page. */
export const footnoteUrl = (doc: string, n: number): string => `/documents/${doc}/#fn-${n}`;
/** Index of rights. */
export const rightsUrl = (): string => '/rights/';
/** A right's comparison page. */
export const rightUrl = (id: string): string => `/rights/${id}/`;
/** Index of bodies. */
export const bodiesUrl = (): string => '/bodies/';
/** A body's page. */
export const bodyUrl = (id: string): string => `/bodies/${id}/`;
/** Index of cycles. */
export const cyclesUrl = (): string => '/cycles/';
/** A review cycle's page. */
export const cycleUrl = (id: string): string => `/cycles/${id}/`;
/** Index of ICCPR articles. */
export const articlesUrl = (): string => '/iccpr/';
/** An ICCPR article's page. */
export const articleUrl = (n: number | string): string => `/iccpr/article-${n}/`;
/** Index of recommendations (the filterable table). */
export const recommendationsUrl = (): string => '/recommendations/';
/** Slug of a printed recommendation id: "95.41" → "95-41". */
export const recommendationSlug = (id: string): string => id.replace(/\./g, '-');
/** A recommendation's page, by its key "<review>/<printed id>": "upr-1/95.41" → "/recommendations/upr-1/95-41/". */
export const recommendationUrl = (key: string): string => {
  const [review, id] = key.split('/');
  return `/recommendations/${review}/${recommendationSlug(id)}/`;
};
/** Index of recommending States. */
export const statesUrl = (): string => '/states/';
/** A recommending State's page, by ISO 3166-1 alpha-3 code ("DEU" → "/states/deu/"). */
export const stateUrl = (code: string): string => `/states/${code.toLowerCase()}/`;
/** Search page, optionally with a query. */
export const searchUrl = (q?: string): string => (q ? `/search/?q=${encodeURIComponent(q)}` : '/search/');
/** About / method page. */
export const aboutUrl = (): string => '/about/';

/**
 * A page's URL on the published site: absolute under `site` (Astro's `site`, from SITE_URL), or
 * the site-relative path itself when no site is configured (no placeholder origin is ever printed).
 */
export function absoluteUrl(site: string | URL | undefined, pathname: string): string {
  return site === undefined || String(site) === '' ? pathname : new URL(pathname, site).href;
}
