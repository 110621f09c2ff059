import { z } from 'zod';
import { cycleId, mechanism } from './document.ts';

/**
 * Curated facts about one review (content/corpora/<corpus>/registry/cycles.json), all optional: the
 * ingest derives the rest from the documents (label from the mechanism and number, session and date
 * from the documents, period from the date, outcome from a Working Group report in the corpus).
 */
export const cycleInputSchema = z
  .object({
    /** Review id ("upr-2", "iccpr-2"). */
    id: cycleId,
    /** Display label ("UPR cycle 1"). */
    label: z.string().min(3).optional(),
    /** Session of the reviewing body. */
    session: z.number().int().positive().optional(),
    /** Date of the review, ISO (YYYY-MM or YYYY-MM-DD). */
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected an ISO date, YYYY-MM or YYYY-MM-DD').optional(),
    /** Human-readable period of the session ("October–November 2014"). */
    period: z.string().optional(),
    /** Symbol of the outcome document when it is not in the corpus (Working Group report, concluding observations). */
    outcome: z.string().nullable().optional(),
  })
  .strict();
export type CycleInput = z.input<typeof cycleInputSchema>;

/** One review of the State, resolved (content/generated/registry/cycles.json). */
export const cycleSchema = z
  .object({
    /** URL slug, stable forever: /cycles/{id}/ */
    id: cycleId,
    /** Review mechanism: the Universal Periodic Review or a treaty's reporting procedure. */
    mechanism,
    /** Cycle of the UPR or number of the periodic report. */
    number: z.number().int().positive(),
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
    /** Id of the outcome document when it is in the corpus, else null. */
    outcomeDocument: z.string().nullable(),
  })
  .strict();
export type Cycle = z.output<typeof cycleSchema>;
