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
export function paragraphToolsHtml(p: Paragraph, doc: DocumentEntry, site: string): string {
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
  site: string,
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

const HEADING = /<h([2-6]) id="([^"]+)"([^>]*)>([\s\S]*?)<\/h\1>/g;

/**
 * Re-levels the body's headings by their nesting (`parents`) rather than their printed rank, so
 * the outline never skips a level (a "1." sub-section directly under a "III." chapter becomes
 * an h3, not an h4). Headings not in `depthOf` (e.g. "Notes") are left as they are.
 */
export function relevelHeadings(html: string, depthOf: Map<string, number>): string {
  return html.replace(HEADING, (whole, _level: string, anchor: string, attrs: string, inner: string) => {
    const depth = depthOf.get(anchor);
    if (depth === undefined) return whole;
    const tag = `h${Math.min(6, depth + 1)}`;
    return `<${tag} id="${anchor}"${attrs}>${inner}</${tag}>`;
  });
}

const AUTOLINK = /<a href="((?:https?:\/\/|mailto:)[^"]*)">([^<]*)<\/a>/g;

/**
 * Undoes GFM autolink literals: Sätteri turns URLs and e-mail addresses in the text into links
 * even when their punctuation is escaped, including URLs cut short by a line break in the source
 * ("http://adilet.zan"). The library renders source text literally, so a link whose text is its
 * own address becomes plain text again. Links written as elements by the ingest keep their text
 * different from the address and are left alone.
 */
export function unlinkAutolinks(html: string): string {
  return html.replace(AUTOLINK, (whole, href: string, text: string) =>
    href === text || href === `mailto:${text}` || href === `http://${text}` ? text : whole,
  );
}
