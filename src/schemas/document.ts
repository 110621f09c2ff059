import { z } from 'zod';
import { reissueSchema } from '../lib/redirects.ts';

/** Review cycles the library covers; one id per review of the State. */
export const cycleId = z.enum(['upr-1', 'upr-2', 'upr-4', 'iccpr-2']);
export type CycleId = z.output<typeof cycleId>;

/** Kinds of document; closed vocabulary shared by registry, facets and dataset. */
export const documentType = z.enum(['national-report', 'un-compilation', 'ngo-report']);
export type DocumentType = z.output<typeof documentType>;

/** Who speaks in a document: the State under review, the UN, or civil society. */
export const authorKind = z.enum(['state', 'un', 'ngo']);
export type AuthorKind = z.output<typeof authorKind>;

/** One curated registry entry describing a source document (content/registry/documents.json). */
export const documentSchema = z
  .object({
    /** URL slug, stable forever: /documents/{id}/ */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** UN document symbol, or null where the document has none (NGO report). */
    symbol: z.string().nullable(),
    /** Whether the symbol is printed in the source text (false: known from elsewhere). */
    symbolPrinted: z.boolean(),
    /** Full title as published. */
    title: z.string().min(10),
    /** Short title for lists and citations. */
    shortTitle: z.string().min(3),
    /** Document type. */
    type: documentType,
    /** Author of the document. */
    author: z.object({
      /** State, UN or NGO. */
      kind: authorKind,
      /** Display name of the author. */
      name: z.string(),
      /** Member organisations (for coalitions), in the order the source lists them. */
      members: z.array(z.string()).default([]),
    }),
    /** Review mechanism. */
    mechanism: z.enum(['upr', 'iccpr']),
    /** Reviewing body id (content/registry/bodies.json). */
    reviewingBody: z.string(),
    /** Review cycle id. */
    cycle: cycleId,
    /** Session of the reviewing body. */
    session: z.number().int().positive(),
    /** Date of the review session, ISO (YYYY-MM or YYYY-MM-DD). */
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    /** BCP 47 language of the source text. */
    language: z.string(),
    /** Official document link, built from the symbol (null without a symbol). */
    officialUrl: z.string().url().nullable(),
    /** Related UN symbols (outcome report, concluding observations, State report). */
    related: z.array(z.object({ symbol: z.string(), label: z.string() })).default([]),
    /** File name under content/sources/. */
    source: z.string().regex(/^[a-z0-9-]+\.txt$/),
    /** SHA-256 (hex) of the source text, verified on every ingest. */
    sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Origin of the text: how it was extracted, and known damage. */
    sourceNote: z.string(),
    /** Earlier publications this entry replaces (re-issues under another id); their URLs redirect here. */
    replaces: z.array(reissueSchema).default([]),
    /** Layout hints for the parser: how numbering and notes work in this document. */
    layout: z.object({
      /** 'global': one paragraph sequence; 'per-section': numbering restarts per section. */
      numbering: z.enum(['global', 'per-section']),
      /** Whether footnote texts are spliced into the body at page bottoms. */
      splicedFootnotes: z.boolean().default(false),
    }),
  })
  .strict();

export type DocumentEntry = z.output<typeof documentSchema>;
