/**
 * The public dataset (dist/data/*): plain records built from the collections, with stable key order.
 * Schema documented in README.md ("Dataset").
 */
import type { DocumentEntry } from '../schemas/document.ts';
import type { Paragraph } from '../schemas/paragraph.ts';
import type { Footnote } from '../schemas/footnote.ts';
import { citation } from './citation.ts';
import { paragraphInContextUrl, paragraphUrl } from './routes.ts';

/** One paragraph record of dist/data/paragraphs.json. */
export interface ParagraphRecord {
  id: string;
  document: string;
  number: string | null;
  section: string | null;
  kind: Paragraph['kind'];
  anchor: string;
  url: string;
  permalink: string;
  citation: string;
  headings: string[];
  text: string;
  footnotes: number[];
  recommendations: string[];
  rights: string[];
  rightTags: Paragraph['rightTags'];
  bodies: string[];
  sourceLines: [number, number];
}

/** Builds paragraph records in document order (registry order, then printed order). */
export function paragraphRecords(docs: DocumentEntry[], paragraphs: Paragraph[]): ParagraphRecord[] {
  const rank = new Map(docs.map((d, i) => [d.id, i]));
  const byId = new Map(docs.map((d) => [d.id, d]));
  return [...paragraphs]
    .sort((a, b) => rank.get(a.document)! - rank.get(b.document)! || a.order - b.order)
    .map((p) => ({
      id: p.id,
      document: p.document,
      number: p.number,
      section: p.section,
      kind: p.kind,
      anchor: p.anchor,
      url: paragraphInContextUrl(p.document, p.anchor),
      permalink: paragraphUrl(p.document, p.anchor),
      citation: citation(p, byId.get(p.document)!),
      headings: p.headings,
      text: p.text,
      footnotes: p.footnotes,
      recommendations: p.recommendations,
      rights: p.rights,
      rightTags: p.rightTags,
      bodies: p.bodies,
      sourceLines: p.lines,
    }));
}

/** Footnote records of dist/data/footnotes.json, by document then number. */
export function footnoteRecords(docs: DocumentEntry[], footnotes: Footnote[]): Pick<Footnote, 'document' | 'n' | 'text' | 'paragraph'>[] {
  const rank = new Map(docs.map((d, i) => [d.id, i]));
  return [...footnotes]
    .sort((a, b) => rank.get(a.document)! - rank.get(b.document)! || a.n - b.n)
    .map((f) => ({ document: f.document, n: f.n, text: f.text, paragraph: f.paragraph }));
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a
 * leading apostrophe, which spreadsheets show as text; plain numbers ("-3", "95.41") stay as they are.
 */
export function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = ['id', 'document', 'number', 'section', 'kind', 'anchor', 'url', 'citation', 'headings', 'text', 'footnotes', 'recommendations', 'rights', 'bodies'] as const;

/** The paragraphs as CSV; list fields are joined with " | " (headings) or ";" (ids, numbers). */
export function paragraphsCsv(records: ParagraphRecord[]): string {
  const rows = records.map((r) =>
    [r.id, r.document, r.number, r.section, r.kind, r.anchor, r.url, r.citation, r.headings.join(' | '), r.text, r.footnotes.join(';'), r.recommendations.join(';'), r.rights.join(';'), r.bodies.join(';')]
      .map(csvField)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
