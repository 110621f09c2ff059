import { z } from 'zod';

/** A run of inline content: plain text, or a footnote marker. */
export const runSchema = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ fn: z.number().int().positive() }).strict(),
]);
export type Run = z.output<typeof runSchema>;

/** One block of a paragraph: running text, or a list whose items keep their printed labels. */
export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), runs: z.array(runSchema) }).strict(),
  z
    .object({
      type: z.literal('list'),
      /** Printed label style: (a), (i), "-" bullets, 1) numbers. */
      style: z.enum(['alpha', 'roman', 'bullet', 'numeric']),
      items: z.array(z.object({ label: z.string(), runs: z.array(runSchema) }).strict()),
    })
    .strict(),
]);
export type Block = z.output<typeof blockSchema>;

/** Why a paragraph carries a right: section heading, ICCPR article section, or keyword rule. */
export const rightTagSchema = z
  .object({
    right: z.string(),
    basis: z.enum(['heading', 'article', 'keyword']),
    /** The heading, article or keyword that triggered the tag. */
    evidence: z.string(),
  })
  .strict();
export type RightTag = z.output<typeof rightTagSchema>;

/** One paragraph of a document: the unit of citation, search and linking. */
export const paragraphSchema = z
  .object({
    /** Globally unique id: `${document}/${anchor}`. */
    id: z.string(),
    /** Document id (registry). */
    document: z.string(),
    /** Printed number as a string ("12"); null when the source prints none. */
    number: z.string().nullable(),
    /** HTML id on the document page; derived from printed numbering, unique per document. */
    anchor: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Numbering section for documents whose numbering restarts (e.g. "art7"); null otherwise. */
    section: z.string().nullable(),
    /** Numbered paragraph, unnumbered paragraph, or a quoted recommendation of a treaty body. */
    kind: z.enum(['numbered', 'unnumbered', 'quotation']),
    /** Position in the document, 0-based, for ordering and prev/next. */
    order: z.number().int().nonnegative(),
    /** Heading titles, outermost first. */
    headings: z.array(z.string()),
    /** Anchors of those headings, outermost first. */
    headingAnchors: z.array(z.string()),
    /** Content blocks in reading order. */
    blocks: z.array(blockSchema).min(1),
    /** Clean plain text, footnote markers removed. */
    text: z.string().min(1),
    /** Footnote marker numbers in reading order. */
    footnotes: z.array(z.number().int().positive()),
    /** Recommendations the section answers, as cited ("95.41", "7"), else empty; the document's `answers` says which review and how they are numbered. */
    recommendations: z.array(z.string()),
    /** Right ids (content/registry/rights.json). */
    rights: z.array(z.string()),
    /** Basis of each right tag. */
    rightTags: z.array(rightTagSchema),
    /** Body ids cited (content/registry/bodies.json). */
    bodies: z.array(z.string()),
    /** First and last source line (1-based) the paragraph was read from. */
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  })
  .strict();
export type Paragraph = z.output<typeof paragraphSchema>;
