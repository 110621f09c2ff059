import { z } from 'zod';

/** A published recommendation page: the record it must keep showing. */
export const publishedRecommendationSchema = z
  .object({
    /** The page's URL ("/recommendations/upr-2/115-1/"). */
    url: z.string().regex(/^\/recommendations\/[a-z]+-\d+\/\d+-\d+\/$/),
    /** The record's key ("upr-2/115.1"). */
    key: z.string().regex(/^[a-z]+-\d+\/\d+\.\d+$/),
    /** First 60 characters of its text; null while its outcome report is not in the library. */
    opening: z.string().nullable(),
  })
  .strict();
export type PublishedRecommendation = z.output<typeof publishedRecommendationSchema>;

/** A published recommendation URL that moved; its old address keeps working as a redirect page. */
export const movedRecommendationSchema = z
  .object({
    /** The old URL, one path segment under /recommendations/ ("/recommendations/95-41/"); its redirect page is built there. */
    url: z.string().regex(/^\/recommendations\/[a-z0-9-]+\/$/),
    /** Where it lives now: a URL of a published recommendation. */
    movedTo: z.string().regex(/^\/recommendations\/[a-z]+-\d+\/\d+-\d+\/$/),
    /** Why, shown on the redirect page. */
    reason: z.string().min(10),
  })
  .strict();

/**
 * content/corpora/<name>/manifest/recommendations.json: every recommendation URL ever published. The ingest
 * fails when one disappears or comes to show another recommendation; additions are recorded with
 * `--update-manifest`.
 */
export const recommendationManifestSchema = z.array(z.union([publishedRecommendationSchema, movedRecommendationSchema]));
export type RecommendationManifest = z.output<typeof recommendationManifestSchema>;
