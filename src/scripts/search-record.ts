/**
 * Build-time helpers that turn a paragraph into its Pagefind search record (filters, metadata,
 * sort key, synonym terms) and the facet labels the search page shows. Pure functions over the
 * registries, shared by ParagraphSearchRecord.astro, the search page and the browser tests.
 */
import type { Paragraph } from '../schemas/paragraph.ts';
import type { DocumentEntry } from '../schemas/document.ts';
import type { Right } from '../schemas/right.ts';
import type { Body } from '../schemas/body.ts';
import { placeUrl, type DocumentParts } from '../lib/document-parts.ts';

/** A review cycle entry (content/registry/cycles.json). */
export interface CycleEntry {
  id: string;
  label: string;
  date: string;
}

/** The registries a record is resolved against. */
export interface SearchRegistries {
  documents: DocumentEntry[];
  cycles: CycleEntry[];
  rights: Right[];
  bodies: Body[];
  /** Documents published in parts (src/lib/document-parts.ts); absent: every document is one page. */
  parts?: DocumentParts;
}

import type { FacetKey } from './search-state.ts';
import { paragraphLabel } from '../lib/citation.ts';
import { articlesInHeading } from '../lib/iccpr.ts';
import { TYPE_LABELS } from '../lib/document-kinds.ts';

/** Facet headings shown on the search page. */
export const FACET_TITLES: Readonly<Record<FacetKey, string>> = {
  right: 'Right or theme',
  body: 'Body cited',
  doc: 'Document',
  type: 'Document type',
  author: 'Author',
  cycle: 'Review cycle',
  article: 'ICCPR article',
};


const AUTHOR_LABELS: Readonly<Record<DocumentEntry['author']['kind'], string>> = {
  state: 'State',
  un: 'UN',
  ngo: 'NGO',
};

/** Everything Pagefind needs to know about one paragraph. */
export interface SearchRecord {
  /** Filter values by facet key (ids, not labels, so URLs stay stable when names change). */
  filters: Record<FacetKey, string[]>;
  /** Metadata returned with each result. */
  meta: {
    /** Result title: document symbol, paragraph label and innermost heading ("… ¶ 53 — Women"). */
    title: string;
    /** Document symbol, or its short title when it has none. */
    doc: string;
    /** Short title of the document. */
    docTitle: string;
    /** Review cycle label with year, e.g. "UPR cycle 4 (2025)". */
    cycle: string;
    /** Paragraph label as the site prints it: "¶ 12", "Article 7 ¶ 3", "unnumbered ¶". */
    number: string;
    /** URL of the paragraph in the context of its document page (of its part, for a document in parts). */
    context: string;
    /** Date of the review session (YYYY-MM). */
    date: string;
  };
  /** Sort keys: `date` orders by review date, then document, then position. */
  sort: { date: string };
  /**
   * Index-only synonym text: names, aliases and abbreviations of the cited bodies; names, UHRI
   * themes and single-word keywords of the rights; so that "CAT" or "ill-treatment" find
   * paragraphs tagged with them even when the paragraph words them differently.
   */
  terms: string[];
}

/** ICCPR article number of a provision ("2(3)" → "2"). */
export function articleOf(provision: string): string {
  return provision.replace(/\(.*$/, '');
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function lookup<T extends { id: string }>(items: T[], id: string, what: string, where: string): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`${where}: unknown ${what} "${id}"; add it to content/registry/ or fix the tag`);
  return item;
}

/** Builds the search record of `paragraph`; throws naming the paragraph when an id is unknown. */
export function buildSearchRecord(
  paragraph: Paragraph,
  registries: SearchRegistries,
  base = '/',
): SearchRecord {
  const where = `paragraph ${paragraph.id}`;
  const document = lookup(registries.documents, paragraph.document, 'document', where);
  const cycle = lookup(registries.cycles, document.cycle, 'cycle', where);
  const rights = paragraph.rights.map((id) => lookup(registries.rights, id, 'right', where));
  const bodies = paragraph.bodies.map((id) => lookup(registries.bodies, id, 'body', where));
  const root = base.endsWith('/') ? base : `${base}/`;

  // Articles of the rights tagged, and of the article section (NGO report) the paragraph sits in.
  const articles = unique([
    ...rights.flatMap((right) => right.iccpr.map(articleOf)),
    ...paragraph.headings.flatMap((heading) => articlesInHeading(heading).map(String)),
  ]).sort((a, b) => Number(a) - Number(b));

  const docLabel = document.symbol ?? document.shortTitle;
  const number = paragraphLabel(paragraph);
  const heading = paragraph.headings.at(-1);
  const shortHeading = heading && heading.length > 80 ? `${heading.slice(0, 79).trimEnd()}…` : heading;
  // The NGO report's label already names its article section ("Article 7 ¶ 3"): no repeat.
  const letters = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const repeats = shortHeading !== undefined && letters(number).startsWith(letters(shortHeading));
  const title = `${docLabel} ${number}${shortHeading && !repeats ? ` — ${shortHeading}` : ''}`;

  const terms = unique([
    ...bodies.flatMap((body) => [body.name, body.shortName, ...body.aliases, ...body.abbreviations]),
    ...rights.flatMap((right) => [
      right.name,
      ...right.uhriThemes,
      // Single whole words only: a multi-word keyword ("national preventive mechanism") in the
      // synonym text would make a quoted phrase search match paragraphs that lack the phrase.
      ...right.keywords.filter((keyword) => !keyword.includes('*') && !/\s/.test(keyword)),
    ]),
  ]);

  return {
    filters: {
      right: unique(paragraph.rights),
      body: unique(paragraph.bodies),
      doc: [document.id],
      type: [document.type],
      author: [document.author.kind],
      cycle: [document.cycle],
      article: articles,
    },
    meta: {
      title,
      doc: docLabel,
      docTitle: document.shortTitle,
      cycle: `${cycle.label} (${cycle.date.slice(0, 4)})`,
      number,
      context: `${root}${placeUrl(document.id, paragraph.anchor, registries.parts ?? { budget: 1, documents: {} }).slice(1)}`,
      date: document.date,
    },
    sort: { date: `${document.date}/${document.id}/${String(paragraph.order).padStart(5, '0')}` },
    terms,
  };
}

/** Display labels of every facet value, by facet key; the search page ships this as JSON. */
export function facetLabels(registries: SearchRegistries): Record<FacetKey, Record<string, string>> {
  const articles: Record<string, string> = {};
  for (let n = 1; n <= 53; n += 1) articles[String(n)] = `Article ${n}`;
  return {
    right: Object.fromEntries(registries.rights.map((right) => [right.id, right.name])),
    body: Object.fromEntries(registries.bodies.map((body) => [body.id, body.shortName])),
    doc: Object.fromEntries(
      registries.documents.map((document) => [
        document.id,
        document.symbol ? `${document.shortTitle} (${document.symbol})` : document.shortTitle,
      ]),
    ),
    type: { ...TYPE_LABELS },
    author: { ...AUTHOR_LABELS },
    cycle: Object.fromEntries(
      registries.cycles.map((cycle) => [cycle.id, `${cycle.label} (${cycle.date.slice(0, 4)})`]),
    ),
    article: articles,
  };
}
