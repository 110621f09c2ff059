import { z } from 'zod';
import { reissueSchema } from '../lib/redirects.ts';

/**
 * Review mechanisms: the Universal Periodic Review, or the reporting procedure of one of the nine core
 * treaties (by the treaty's usual abbreviation). A closed vocabulary of the UN system, not of a corpus.
 */
export const mechanism = z.enum(['upr', 'iccpr', 'icescr', 'cat', 'cedaw', 'cerd', 'crc', 'crpd', 'cmw', 'ced']);
export type Mechanism = z.output<typeof mechanism>;

/** Id of one review of one State: `upr-<cycle>` or `<treaty>-<periodic report number>` ("iccpr-2"). */
export const cycleId = z.string().regex(/^(?:upr|iccpr|icescr|cat|cedaw|cerd|crc|crpd|cmw|ced)-[1-9]\d?$/, 'expected "upr-<cycle>" or "<treaty>-<report number>", e.g. "upr-3" or "iccpr-2"');
export type CycleId = z.output<typeof cycleId>;

/**
 * Kinds of document in a review's family; the UN system's vocabulary, shared by registry, facets and dataset.
 * national-report: the State's report; un-compilation: OHCHR's compilation of UN information;
 * stakeholder-summary: OHCHR's summary of stakeholders' submissions; wg-report: the UPR Working Group's
 * report (the outcome, with numbered recommendations); addendum: the State's views on those recommendations;
 * corrigendum: a correction to another document; ngo-report: an NGO, coalition or alternative report.
 */
export const documentType = z.enum([
  'national-report',
  'un-compilation',
  'stakeholder-summary',
  'wg-report',
  'addendum',
  'corrigendum',
  'ngo-report',
]);
export type DocumentType = z.output<typeof documentType>;

/** Who speaks in a document: the State under review, the UN, or civil society. */
export const authorKind = z.enum(['state', 'un', 'ngo']);
export type AuthorKind = z.output<typeof authorKind>;

/** The State under review: ISO 3166-1 alpha-3 code and English short name. */
export const stateSchema = z
  .object({
    /** ISO 3166-1 alpha-3 code ("NOR"). */
    code: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code in capitals, e.g. "NOR"'),
    /** English short name as the UN prints it ("Norway"). */
    name: z.string().min(2),
  })
  .strict();
export type State = z.output<typeof stateSchema>;

/** How the parser should read the text; data on the document, written by `npm run add` and editable. */
export const layoutSchema = z
  .object({
    /** 'global': one paragraph sequence; 'per-section': numbering restarts per section. */
    numbering: z.enum(['global', 'per-section']).default('global'),
    /** Whether footnote texts are spliced into the body at page bottoms without page boundaries (plain extraction). */
    splicedFootnotes: z.boolean().default(false),
    /**
     * 'plain': one printed line per line, no page boundaries; 'paged': a layout-preserving extraction
     * (pdftotext-style: form feeds between pages, indentation kept, page furniture and notes in place).
     */
    extraction: z.enum(['plain', 'paged']).default('plain'),
    /** Whether flattened tables of treaties and mechanisms may appear (compilations); tables.json says how to read them. */
    tables: z.boolean().default(false),
  })
  .strict();
export type Layout = z.output<typeof layoutSchema>;

/** Fields shared by the registry entry and the resolved document. */
const common = {
  /** URL slug, stable forever: /documents/{id}/ */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case words joined by hyphens, e.g. "upr3-national-report"'),
  /** UN document symbol, or null where the document has none (NGO report). */
  symbol: z.string().regex(/^[A-Z][A-Za-z0-9.]*(?:\/[A-Za-z0-9.()-]+)+$/, 'expected a UN symbol such as "A/HRC/WG.6/34/NOR/1"').nullable(),
  /** Full title as published. */
  title: z.string().min(10),
  /** Short title for lists and citations. */
  shortTitle: z.string().min(3),
  /** Document kind. */
  type: documentType,
  /** Author of the document. */
  author: z
    .object({
      /** State, UN or NGO. */
      kind: authorKind,
      /** Display name of the author. */
      name: z.string(),
      /** Member organisations (for coalitions), in the order the source lists them. */
      members: z.array(z.string()).default([]),
    })
    .strict(),
  /** The State under review. */
  state: stateSchema,
  /** Review mechanism. */
  mechanism,
  /** Reviewing body id (content/registry/bodies.json). */
  reviewingBody: z.string(),
  /**
   * Session of the review: the UPR Working Group session for every UPR document (a Working Group report
   * issued for a Council session still belongs to the Working Group session that reviewed the State),
   * the treaty body's session otherwise.
   */
  session: z.number().int().positive(),
  /** Date of the review session, ISO (YYYY-MM or YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected an ISO date, YYYY-MM or YYYY-MM-DD'),
  /** Date printed under "Distr.:" (ISO), when known. */
  issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD').nullable().default(null),
  /** BCP 47 language of the source text. */
  language: z.string().default('en'),
  /** Related UN symbols (outcome report, concluding observations, State report). */
  related: z.array(z.object({ symbol: z.string(), label: z.string() }).strict()).default([]),
  /** File name under the corpus's sources/. */
  source: z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.txt$/, 'expected a lower-case file name ending in .txt'),
  /** SHA-256 (hex) of the source text, verified on every ingest. */
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits (sha256sum of the source file)'),
  /** Origin of the text: how it was extracted, and known damage. */
  sourceNote: z.string(),
  /** Earlier publications this entry replaces (re-issues under another id); their URLs redirect here. */
  replaces: z.array(reissueSchema).default([]),
  /** Layout hints for the parser. */
  layout: layoutSchema.default({ numbering: 'global', splicedFootnotes: false, extraction: 'plain', tables: false }),
  /**
   * For national reports and addenda: the review whose recommendations this document answers (its
   * previous cycle for a national report, its own for an addendum), and how it numbers them:
   * 'printed' (as the outcome report prints them, "95.41"), 'sequence' (1, 2, 3 … in list order), or
   * 'own' (a numbering of its own that matches neither: references stay unresolved, never guessed).
   */
  answers: z
    .object({
      /** Review id whose outcome report's recommendations are cited. */
      review: cycleId,
      /** How the citations number recommendations. */
      numbering: z.enum(['printed', 'sequence', 'own']),
      /** How the numbering was checked (e.g. which cited numbers were read side by side with the outcome report). */
      note: z.string().optional(),
      /** Symbol of that review's outcome report when it is not in the corpus (shown with its official link). */
      outcome: z.string().regex(/^[A-Z][A-Za-z0-9.]*(?:\/[A-Za-z0-9.()-]+)+$/, 'expected a UN symbol such as "A/HRC/<session>/<n>"').optional(),
    })
    .strict()
    .nullable()
    .default(null),
};

/**
 * One curated registry entry (content/corpora/<corpus>/registry/documents.json). Fields the ingest can
 * derive may be left out: `cycle` (from the UPR session), `symbolPrinted` (from the text), `officialUrl`
 * (from the symbol).
 */
export const documentInputSchema = z
  .object({
    ...common,
    /** Review id; derived for UPR documents from the session, required for treaty reviews ("iccpr-2"). */
    cycle: cycleId.optional(),
    /** Whether the symbol is printed in the source text; derived when omitted. */
    symbolPrinted: z.boolean().optional(),
    /** Official document link; derived from the symbol when omitted (must equal the derived one). */
    officialUrl: z.string().url().nullable().optional(),
  })
  .strict();
export type DocumentInput = z.input<typeof documentInputSchema>;

/** A resolved document (content/generated/registry/documents.json): every derived field filled in. */
export const documentSchema = z
  .object({
    ...common,
    /** Review id ("upr-1", "iccpr-2"); /cycles/{id}/. */
    cycle: cycleId,
    /** Whether the symbol is printed in the source text (false: known from elsewhere). */
    symbolPrinted: z.boolean(),
    /** Official document link, built from the symbol (null without a symbol). */
    officialUrl: z.string().url().nullable(),
  })
  .strict();

export type DocumentEntry = z.output<typeof documentSchema>;
