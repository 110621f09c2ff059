import { z } from 'zod';

/** A footnote or endnote of a document; text is null when the source lacks it. */
export const footnoteSchema = z
  .object({
    /** Document id. */
    document: z.string(),
    /** Printed marker number. */
    n: z.number().int().positive(),
    /** Clean text, or null when the source text does not contain it. */
    text: z.string().nullable(),
    /** Anchor of the paragraph that cites it (null if only cited outside paragraphs, e.g. a table). */
    paragraph: z.string().nullable(),
    /** Source lines (1-based) the text was read from; null without text. */
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).nullable(),
  })
  .strict();
export type Footnote = z.output<typeof footnoteSchema>;
