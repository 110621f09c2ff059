import { z } from 'zod';

/** The audit trail of one document's ingest: what was removed, corrected and resolved. */
export const reportSchema = z
  .object({
    /** Document id. */
    document: z.string(),
    /** Source lines in the file. */
    sourceLines: z.number().int().nonnegative(),
    /** Page furniture removed, one record per line. */
    furniture: z.array(z.object({ line: z.number().int(), kind: z.string(), text: z.string() }).strict()),
    /** Errata applied, with the line where each was applied. */
    corrections: z.array(
      z.object({ line: z.number().int(), printed: z.string(), correction: z.string(), kind: z.string() }).strict(),
    ),
    /** Line-end hyphens kept or dropped. */
    hyphenation: z.array(z.object({ line: z.number().int(), joined: z.string(), kept: z.boolean() }).strict()),
    /** Anomalies the parser resolved (reported, never silently absorbed). */
    anomalies: z.array(z.object({ line: z.number().int(), kind: z.string(), message: z.string() }).strict()),
    /** Where each source line went: counts per destination. */
    accounting: z.record(z.string(), z.number().int()),
  })
  .strict();
export type Report = z.output<typeof reportSchema>;
