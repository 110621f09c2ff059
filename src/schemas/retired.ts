import { z } from 'zod';

/**
 * A published paragraph link whose "paragraph" a parser repair found not to be one (e.g. footnote
 * text that had been read as body text). Its URL keeps working: the old anchor is kept as an alias
 * at `to`, and its permanent page redirects there (content/manifest/retired.json).
 */
export const retiredSchema = z
  .object({
    /** The published URL, as in the anchor manifest ("/documents/{doc}/#{anchor}"). */
    url: z.string().regex(/^\/documents\/[a-z0-9-]+\/#[a-z][a-z0-9-]*$/),
    /** Where its text lives now, in the same document ("/documents/{doc}/#fn-74" or "#{anchor}"). */
    to: z.string().regex(/^\/documents\/[a-z0-9-]+\/#[a-z][a-z0-9-]*$/),
    /** Why it was retired, shown on the redirect page. */
    reason: z.string().min(10),
  })
  .strict();
export type Retired = z.output<typeof retiredSchema>;
