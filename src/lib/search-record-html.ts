/**
 * The Pagefind record of one paragraph as a small HTML document, built from the ingest's data
 * instead of read back from the paragraph's permanent page. Indexing these (scripts/postbuild.ts,
 * `addHTMLFile` with the permanent URL) gives each paragraph the same record as its page would —
 * text, filters, metadata, sort key and low-weight index terms — whether or not the page is built,
 * and without parsing thousands of full pages. tests/quality/search-records.test.ts proves the two
 * agree on the real corpus.
 *
 * The markup mirrors what a paragraph page puts in its `data-pagefind-body` region
 * (ParagraphText.astro and ParagraphSearchRecord.astro); footnote markers are left out, as the
 * indexer's `excludeSelectors` leaves them out of the page's record.
 */
import type { Block, Paragraph, Run } from '../schemas/paragraph.ts';
import { buildSearchRecord, type SearchRegistries } from '../scripts/search-record.ts';
import { paragraphUrl } from './routes.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const runsHtml = (runs: Run[]): string => runs.map((r) => ('text' in r ? escapeHtml(r.text) : '')).join('');

function blockHtml(block: Block): string {
  if (block.type === 'text') return `<p>${runsHtml(block.runs)}</p>`;
  const items = block.items.map((item) => `<li><span class="label">${escapeHtml(item.label)}</span> ${runsHtml(item.runs)}</li>`);
  return `<ol class="list list-${block.style}">${items.join('')}</ol>`;
}

/** A record to index: the paragraph's permanent URL and the HTML Pagefind reads it from. */
export interface RecordHtml {
  /** The paragraph's permanent URL (/documents/{doc}/{anchor}/), the result URL Pagefind returns. */
  url: string;
  /** A complete HTML document whose `data-pagefind-body` region is the record. */
  content: string;
}

/** The search record of `paragraph` as HTML; throws naming the paragraph when a registry id is unknown. */
export function recordHtml(paragraph: Paragraph, registries: SearchRegistries): RecordHtml {
  const record = buildSearchRecord(paragraph, registries, '/');
  const span = (attribute: string, key: string, value: string) => `<span ${attribute}="${escapeHtml(key)}">${escapeHtml(value)}</span>`;
  const hidden = [
    ...Object.entries(record.filters).flatMap(([key, values]) => values.map((value) => span('data-pagefind-filter', key, value))),
    ...Object.entries(record.meta).map(([key, value]) => span('data-pagefind-meta', key, value)),
    `<span data-pagefind-sort="date">${escapeHtml(record.sort.date)}</span>`,
  ].join('');
  const terms = record.terms.length > 0 ? `<p class="search-terms" hidden data-pagefind-weight="0.3">Index terms: ${escapeHtml(record.terms.join('; '))}.</p>` : '';
  const content =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>' +
    `<article data-pagefind-body><div class="paragraph-main">${paragraph.blocks.map(blockHtml).join('')}</div>` +
    `<div class="search-record" hidden data-pagefind-ignore>${hidden}</div>${terms}</article></body></html>`;
  return { url: paragraphUrl(paragraph.document, paragraph.anchor), content };
}
