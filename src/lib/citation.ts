/**
 * Citations for paragraphs: UN style for documents with a symbol ("A/HRC/WG.6/7/XYZ/2, para. 12"),
 * author, title, section and paragraph for the NGO report, which has none.
 */
import type { DocumentEntry } from '../schemas/document.ts';
import type { Paragraph } from '../schemas/paragraph.ts';

/** The fields of a paragraph a citation needs. */
export type CitableParagraph = Pick<Paragraph, 'number' | 'kind' | 'section' | 'headings'>;

/** Article headings of the NGO report: "Article 7", "Articles 2, 3 and 26", "Article10". */
const ARTICLE_TITLE = /^\s*articles?\s*\d/i;

/** Upper-case headings ("INTRODUCTION") in title case for citations. */
function tidyHeading(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  if (t !== t.toUpperCase()) return t;
  return t.charAt(0) + t.slice(1).toLowerCase().replace(/\b(un|iccpr|ngo)\b/g, (m) => m.toUpperCase());
}

/**
 * The section a per-section-numbered paragraph belongs to, as printed: its article heading
 * ("Article 7"), else its innermost heading; null for globally numbered documents.
 */
export function sectionLabel(p: CitableParagraph): string | null {
  if (p.section === null) return null;
  const article = [...p.headings].reverse().find((h) => ARTICLE_TITLE.test(h));
  if (article) return tidyHeading(article.replace(/^(articles?)(\d)/i, '$1 $2'));
  const rec = /^rec(\d+)$/.exec(p.section);
  if (rec) return `Part I, recommendation ${rec[1]}`;
  const inner = p.headings.at(-1);
  return inner ? tidyHeading(inner) : null;
}

/** How the paragraph itself is pinpointed: "para. 12", or its heading when unnumbered. */
export function pinpoint(p: CitableParagraph): string {
  if (p.number !== null) return `para. ${p.number}`;
  const inner = p.headings.at(-1);
  const what = p.kind === 'quotation' ? 'quoted recommendation' : 'unnumbered paragraph';
  return inner && p.section === null ? `${what} under “${tidyHeading(inner)}”` : what;
}

/** Year of a document, from its ISO date. */
export const year = (doc: Pick<DocumentEntry, 'date'>): string => doc.date.slice(0, 4);

/**
 * Short citation of a paragraph.
 * UN: "A/HRC/WG.6/7/XYZ/2, para. 12".
 * NGO: "<coalition of non-governmental organizations>, Comments on the Second Periodic
 * Report … (2016), Article 7, para. 3".
 */
export function citation(p: CitableParagraph, doc: Pick<DocumentEntry, 'symbol' | 'title' | 'author' | 'date'>): string {
  const where = [sectionLabel(p), pinpoint(p)].filter(Boolean).join(', ');
  if (doc.symbol) return `${doc.symbol}, ${where}`;
  return `${doc.author.name}, ${doc.title} (${year(doc)}), ${where}`;
}

/**
 * Citation followed by the paragraph's permanent URL, as copied by the "copy citation" control.
 * `url` is absolute when the build knows its origin (SITE_URL), else the site-relative path, which
 * the control completes with {@link resolveCitationUrl} from the page's own address.
 */
export function citationWithUrl(
  p: CitableParagraph,
  doc: Pick<DocumentEntry, 'symbol' | 'title' | 'author' | 'date'>,
  url: string,
): string {
  return `${citation(p, doc)}. ${url}`;
}

/** Paragraph label for lists and titles: "¶ 12", "Article 7 ¶ 3", "unnumbered". */
export function paragraphLabel(p: CitableParagraph): string {
  const sec = sectionLabel(p);
  const num = p.number !== null ? `¶ ${p.number}` : p.kind === 'quotation' ? 'quoted recommendation' : 'unnumbered ¶';
  return sec ? `${sec} ${num}` : num;
}

/** A citation ending in a site-relative address ("…, para. 12. /documents/x/p12/"). */
const TRAILING_PATH = /(^|\s)(\/(?!\/)\S*)$/;

/**
 * Completes a citation whose address is site-relative with the origin of `base` (the page's own
 * address, `location.href`); a citation that already ends in an absolute URL is returned unchanged.
 */
export function resolveCitationUrl(text: string, base: string): string {
  return text.replace(TRAILING_PATH, (_, space: string, path: string) => `${space}${new URL(path, base).href}`);
}
