import { z } from 'zod';
import { cycleId } from './document.ts';

/** One review of Kazakhstan (content/registry/cycles.json). */
export const cycleSchema = z
  .object({
    /** URL slug, stable forever: /cycles/{id}/ */
    id: cycleId,
    /** Review mechanism: Universal Periodic Review or the ICCPR reporting procedure. */
    mechanism: z.enum(['upr', 'iccpr']),
    /** Display label ("UPR cycle 1"). */
    label: z.string().min(3),
    /** Session of the reviewing body. */
    session: z.number().int().positive(),
    /** Date of the review, ISO (YYYY-MM or YYYY-MM-DD). */
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    /** Human-readable period of the session. */
    period: z.string(),
    /** Reviewing body id (content/registry/bodies.json). */
    body: z.string(),
    /** Symbol of the outcome document (UPR Working Group report, concluding observations), or null. */
    outcome: z.string().nullable(),
  })
  .strict();
export type Cycle = z.output<typeof cycleSchema>;
