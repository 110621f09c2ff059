import { z } from 'zod';

/** A heading of a document with its place in the hierarchy. */
export const headingSchema = z
  .object({
    /** Document id. */
    document: z.string(),
    /** HTML id on the document page. */
    anchor: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** 1 = chapter (I.), 2 = section (A.), 3 = sub-section (1.), 4 = unnumbered thematic heading. */
    level: z.number().int().min(1).max(4),
    /** Printed label ("II", "A", "3") or null for unnumbered headings. */
    label: z.string().nullable(),
    /** Heading text without its label. */
    title: z.string().min(1),
    /** Anchors of enclosing headings, outermost first. */
    parents: z.array(z.string()),
    /** Source lines (1-based). */
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  })
  .strict();
export type Heading = z.output<typeof headingSchema>;
