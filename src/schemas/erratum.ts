import { z } from 'zod';

/** One curated correction of the printed (OCR) text; published with its printed reading. */
export const erratumSchema = z
  .object({
    /** Document id. */
    document: z.string(),
    /** Source line (1-based) it applies to; omit to apply to every occurrence in the document. */
    line: z.number().int().positive().optional(),
    /** Text as printed in the source. */
    printed: z.string().min(1),
    /** Corrected reading. */
    correction: z.string(),
    /** What kind of damage it repairs. */
    kind: z.enum(['ocr-character', 'ocr-split-word', 'ocr-run-together', 'ocr-heading-label', 'ocr-number']),
    /** Why, where the correction is not self-evident. */
    note: z.string().optional(),
  })
  .strict();
export type Erratum = z.output<typeof erratumSchema>;
