/**
 * Per-paragraph tools on the document pages: after each paragraph (`<section class="para …"
 * id="…">` as emitted by the ingest, docs/CONTRACT.md) the link to its permanent page and its
 * citation inside a <details>, so both work without JavaScript; the "Copy citation" button ships
 * `hidden` and is revealed by CopyCitation.astro's script, which copies the visible citation text
 * (kept once per paragraph: the NGO report's citations are long).
 *
 * Applied to the rendered HTML of the MDX body (Astro 7 compiles MDX with Sätteri, which does not
 * run rehype plugins), so this is a string transform of the ingest's fixed, well-formed markup.
 */
import type { DocumentEntry } from '../schemas/document.ts';
import type { Paragraph } from '../schemas/paragraph.ts';
import { citation, paragraphLabel } from './citation.ts';
import { absoluteUrl, paragraphUrl } from './routes.ts';

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The toolbar HTML of one paragraph. */
export function paragraphToolsHtml(p: Paragraph, doc: DocumentEntry, site: string | undefined): string {
  const href = paragraphUrl(doc.id, p.anchor);
  const url = absoluteUrl(site, href);
  const label = escapeHtml(paragraphLabel(p));
  return (
    `<div class="ptools">` +
    `<a class="plink" href="${href}">¶ Permalink<span class="visually-hidden"> of ${label}</span></a>` +
    `<details class="cite"><summary>Cite</summary>` +
    `<p class="cite-text">${escapeHtml(citation(p, doc))}. <span class="cite-url">${escapeHtml(url)}</span></p>` +
    `<button type="button" class="copy-cite" hidden>Copy citation</button>` +
    `</details></div>`
  );
}

const PARA_OPEN = /<section class="para(?: [^"]*)?" id="([^"]+)"[^>]*>/g;

/**
 * Inserts each paragraph's toolbar before its closing tag. Paragraph sections never nest, so the
 * first `</section>` after an opening tag closes it. Paragraphs missing from `paragraphs` are left
 * untouched; the count of insertions is returned so callers can check it.
 */
export function addParagraphTools(
  html: string,
  paragraphs: Map<string, Paragraph>,
  doc: DocumentEntry,
  site: string | undefined,
): { html: string; inserted: number } {
  let out = '';
  let from = 0;
  let inserted = 0;
  for (const m of html.matchAll(PARA_OPEN)) {
    if (m.index < from) continue;
    const p = paragraphs.get(m[1]);
    const close = html.indexOf('</section>', m.index);
    if (!p || close < 0) continue;
    out += html.slice(from, close) + paragraphToolsHtml(p, doc, site);
    from = close;
    inserted++;
  }
  return { html: out + html.slice(from), inserted };
}

/**
 * Any link that leaves the page: a scheme ("http:", "mailto:") or a protocol-relative "//". The
 * ingest writes only in-page links (`#p12`, `#fn-3`, `#fnref-3`; docs/CONTRACT.md) into a body.
 */
const EXTERNAL_LINK = /<a\b[^>]*?\shref="(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/\/)[^"]*"[^>]*>([\s\S]*?)<\/a>/g;

/**
 * Returns every off-site link in a document body to its text. Sätteri autolinks URLs and e-mail
 * addresses in the source text (GFM autolink literals: "http://…", "www.…", "a@b.kz"), in
 * paragraphs, tables and notes alike, even with their punctuation escaped and when the source cut
 * them short at a line end ("http://adilet.zan"). The library renders source text literally and
 * links only to official documents, from its own registry data, outside the body; so no link in
 * the body may leave the page. In-page links are kept.
 */
export function unlinkAutolinks(html: string): string {
  return html.replace(EXTERNAL_LINK, (_whole, text: string) => text);
}
