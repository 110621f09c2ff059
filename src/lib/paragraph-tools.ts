/**
 * Per-paragraph tools on the document pages, kept small because a long report has hundreds of
 * paragraphs: after each paragraph (`<section class="para …" id="…">` as emitted by the ingest,
 * docs/CONTRACT.md) one "Cite" link to the paragraph's permanent page, which shows its citation and
 * permanent link without JavaScript. With JavaScript (DocumentReader.astro) the link opens the
 * citation in place instead, composed from the document's citation prefix (rendered once, on the
 * body's wrapper) and the paragraph's pinpoint (`data-where`).
 *
 * Applied to the rendered HTML of the MDX body (Astro 7 compiles MDX with Sätteri, which does not
 * run rehype plugins), so this is a string transform of the ingest's fixed, well-formed markup.
 */
import type { DocumentEntry } from '../schemas/document.ts';
import type { Paragraph } from '../schemas/paragraph.ts';
import { citation, paragraphLabel, pinpoint, sectionLabel, type CitableParagraph } from './citation.ts';
import { paragraphUrl } from './routes.ts';

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Where in its document a citation points: "para. 12", "Article 7, para. 3". */
export function citationWhere(p: CitableParagraph): string {
  return [sectionLabel(p), pinpoint(p)].filter(Boolean).join(', ');
}

/**
 * What every citation of a document's paragraphs starts with ("A/HRC/WG.6/7/XYZ/2, "; the NGO
 * report's author, title and year), so that prefix + `citationWhere(p)` is `citation(p, doc)`.
 */
export function citationPrefix(p: CitableParagraph, doc: Parameters<typeof citation>[1]): string {
  const full = citation(p, doc);
  const where = citationWhere(p);
  if (!full.endsWith(where)) throw new Error(`citation "${full}" does not end with its pinpoint "${where}"`);
  return full.slice(0, full.length - where.length);
}

/**
 * The toolbar HTML of one paragraph: a "Cite" link to its permanent page's citation. The link is
 * site-relative (`/documents/{doc}/{anchor}/`), not page-relative: the offline copy
 * (scripts/offline.ts) rewrites site-relative links to files it holds.
 */
export function paragraphToolsHtml(p: Paragraph, doc: DocumentEntry): string {
  const href = paragraphUrl(doc.id, p.anchor);
  return (
    `<div class="ptools">` +
    `<a class="cite-link" href="${href}#cite-title" data-where="${escapeHtml(citationWhere(p))}">Cite<span class="visually-hidden"> ${escapeHtml(paragraphLabel(p))}</span></a>` +
    `</div>`
  );
}

const PARA_OPEN = /<section class="para(?: [^"]*)?" id="([^"]+)"[^>]*>/g;

/**
 * Inserts each paragraph's toolbar before its closing tag. Paragraph sections never nest, so the
 * first `</section>` after an opening tag closes it. Paragraphs missing from `paragraphs` are left
 * untouched; the count of insertions is returned so callers can check it.
 */
export function addParagraphTools(html: string, paragraphs: Map<string, Paragraph>, doc: DocumentEntry): { html: string; inserted: number } {
  let out = '';
  let from = 0;
  let inserted = 0;
  for (const m of html.matchAll(PARA_OPEN)) {
    if (m.index < from) continue;
    const p = paragraphs.get(m[1]);
    const close = html.indexOf('</section>', m.index);
    if (!p || close < 0) continue;
    out += html.slice(from, close) + paragraphToolsHtml(p, doc);
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

/** What a note printed only in the official document says instead of its text. */
export function missingNoteHtml(doc: Pick<DocumentEntry, 'officialUrl' | 'symbol'>): string {
  const where = doc.officialUrl ? `<a href="${escapeHtml(doc.officialUrl)}">the official document</a>` : 'the original document';
  return `<span class="missing">Printed in ${where}, not in the extracted text.</span>`;
}

/** The paragraph opening a notes section some of whose notes the extracted text lacks. */
export function missingNotesIntroHtml(doc: Pick<DocumentEntry, 'officialUrl' | 'symbol'>, missing: number, total: number): string {
  const which = missing === total ? 'The notes of this document are' : `${missing} of the ${total} notes of this document are`;
  const where = doc.officialUrl
    ? `<a href="${escapeHtml(doc.officialUrl)}">the official document${doc.symbol ? ` (${escapeHtml(doc.symbol)})` : ''}</a>`
    : 'the original document';
  return `<p class="notes-intro">${which} printed in ${where} but were lost when its text was extracted for this library; their numbers are kept so that every reference still leads here.</p>`;
}

/** The ingest's placeholder for a note whose text the source extraction lacks (docs/CONTRACT.md). */
const MISSING_NOTE = /<span class="missing">Text not in the source\.<\/span>/g;
/** The notes section's heading as the ingest writes it (docs/CONTRACT.md). */
const NOTES_HEADING = /(<section class="footnotes"[^>]*>\s*<h2[^>]*>[\s\S]*?<\/h2>)/;

/**
 * Replaces the ingest's "Text not in the source." in notes: the note is printed in the official
 * document, only the extracted text lacks it; say so, link the official document, and explain once
 * at the head of the notes.
 */
export function explainMissingNotes(html: string, doc: Pick<DocumentEntry, 'officialUrl' | 'symbol'>): { html: string; missing: number } {
  let missing = 0;
  let out = html.replace(MISSING_NOTE, () => {
    missing++;
    return missingNoteHtml(doc);
  });
  if (missing > 0) {
    const total = (out.match(/<p class="fn" id="fn-\d+"/g) ?? []).length;
    out = out.replace(NOTES_HEADING, (heading) => heading + missingNotesIntroHtml(doc, missing, Math.max(total, missing)));
  }
  return { html: out, missing };
}

/**
 * A document body as its pages show it: off-site links returned to text, a "Cite" link after each
 * paragraph, notes the extracted text lacks explained. `inserted` counts the paragraphs tooled, for
 * the caller to compare with the paragraphs it expects.
 */
export function documentBodyHtml(rendered: string, paragraphs: Paragraph[], doc: DocumentEntry): { html: string; inserted: number } {
  const tooled = addParagraphTools(unlinkAutolinks(rendered), new Map(paragraphs.map((p) => [p.anchor, p])), doc);
  return { html: explainMissingNotes(tooled.html, doc).html, inserted: tooled.inserted };
}
