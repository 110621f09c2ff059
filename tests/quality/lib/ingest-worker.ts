/**
 * Worker for the hostile-input fuzz: runs the pure ingest of one (mutated) source text and the MDX
 * emit off the test thread, so a pathological input that loops or backtracks can be stopped by a
 * timeout instead of hanging the suite. Posts a CaseOutcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toMdx } from '../../../scripts/ingest/emit.ts';
import { IngestError } from '../../../scripts/ingest/errors.ts';
import { ingestDocument, type IngestContext } from '../../../scripts/ingest/pipeline.ts';
import type { DocumentEntry } from '../../../src/schemas/document.ts';
import { footnoteSchema } from '../../../src/schemas/footnote.ts';
import { headingSchema } from '../../../src/schemas/heading.ts';
import { paragraphSchema } from '../../../src/schemas/paragraph.ts';

/** What happened to one input. */
export type CaseOutcome =
  | { kind: 'ok'; paragraphs: number; texts: string[]; mdx: string }
  | { kind: 'ingest-error'; message: string; file: string; line: number | null }
  | { kind: 'crash'; name: string; message: string; stack: string };

const { entry, text, ctx } = workerData as { entry: DocumentEntry; text: string; ctx: IngestContext };
let outcome: CaseOutcome;
try {
  const result = ingestDocument(entry, text, ctx);
  // Output of an accepted input must still satisfy the published schemas.
  for (const p of result.paragraphs) paragraphSchema.parse(p);
  for (const f of result.footnotes) footnoteSchema.parse(f);
  for (const h of result.headings) headingSchema.parse(h);
  outcome = { kind: 'ok', paragraphs: result.paragraphs.length, texts: result.paragraphs.map((p) => p.text), mdx: toMdx(entry.id, result) };
} catch (e) {
  const err = e as Error;
  outcome =
    e instanceof IngestError
      ? { kind: 'ingest-error', message: err.message, file: e.file, line: e.line }
      : { kind: 'crash', name: err.name, message: err.message, stack: String(err.stack).split('\n').slice(0, 6).join('\n') };
}
parentPort?.postMessage(outcome);
