import { z } from 'zod';

/** Checks that a string compiles as a JavaScript regular expression (with the `u` flag off, as used). */
const pattern = z.string().superRefine((s, ctx) => {
  try {
    new RegExp(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${(e as Error).message}); fix the pattern` });
  }
});

/**
 * A curated description of one flattened table of a document (content/corpora/<corpus>/registry/tables.json):
 * how to find it and how to split its lines into columns.
 */
export const tableSpecSchema = z
  .object({
    /** Document id. */
    document: z.string(),
    /** Table id, unique within the document (anchor `table-{id}`). */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** Caption shown above the table. */
    caption: z.string().min(3),
    /** Text that opens the table's first (header) line. */
    begin: z.string().min(1),
    /** Text that opens the last header line, or null when the table prints no header row. */
    headerEnd: z.string().nullable(),
    /** Column headings. */
    columns: z.array(z.string()).min(1),
    /** Regex with named groups c0…cN matching a line that opens a row. */
    row: pattern,
    /** Regex of a line that is a note under the table rather than a row. */
    note: pattern.nullable(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const groups = [...t.row.matchAll(/\(\?<(c\d+)>/g)].map((m) => m[1]);
    const expected = t.columns.map((_, i) => `c${i}`);
    if (groups.join() !== expected.join())
      ctx.addIssue({ code: 'custom', path: ['row'], message: `row pattern must have the named groups ${expected.join(', ')} in order (one per column); it has ${groups.join(', ') || 'none'}` });
  });
export type TableSpec = z.output<typeof tableSpecSchema>;
