/**
 * The site plan: what a build publishes, decided from the corpus's size (README "Scale").
 *
 * A corpus of up to `largeCorpusParagraphs` paragraphs (content/atlas.json) is built in full: a
 * permanent page per paragraph, the offline copy of the whole site. A larger one is built as a large
 * site, because a page per paragraph does not fit the hosts (measured by `npm run bench`): paragraph
 * URLs are answered by the 404 page, which sends /documents/{doc}/{anchor}/ to
 * /documents/{doc}/#{anchor} (and `_redirects` does the same on hosts that read it); pages that
 * gather paragraphs of many documents list counts per document instead of excerpts, and the home
 * page's coverage matrix has a column per review, not per document; the paragraph dataset is
 * gzip-compressed; no offline zip and no precompressed copies (hosts compress).
 *
 * Independently, a corpus with more than `searchIndexParagraphs` paragraphs is searched one review at
 * a time: one Pagefind index per review (cycle), searched from /search/{review}/, because the bytes of
 * a first query grow with the index (its metadata lists every record) and Pagefind holds a whole
 * index in memory while writing it.
 *
 * scripts/build.ts writes the plan to `<generated>/site-plan.json` after the ingest; the pages read
 * it with `sitePlan()`; without that file (an `astro build` run by hand) the plan is the full one.
 */
import { z } from 'zod';
import { generatedDir, readGeneratedFile } from './generated-dir.ts';

/** One search index: its folder under the site and the review whose records it holds. */
export const searchShardSchema = z
  .object({
    /** '' for the one index of a site; else the review's id ("upr-2"). */
    id: z.string().regex(/^([a-z0-9-]+)?$/),
    /** Site path of the Pagefind bundle, ending in "/" ("/pagefind/" or "/pagefind/upr-2/"). */
    bundle: z.string().regex(/^\/pagefind\/([a-z0-9-]+\/)?$/),
    /** Review (cycle id) whose paragraphs and recommendations it holds; null: every record. */
    review: z.string().nullable(),
    /** Records (paragraphs and recommendations) in it. */
    records: z.number().int().nonnegative(),
  })
  .strict();
/** One search index of the plan. */
export type SearchShard = z.output<typeof searchShardSchema>;

/** What one build publishes. */
export const sitePlanSchema = z
  .object({
    /** 'full' (a page per paragraph, one index) or 'large' (see the module comment). */
    mode: z.enum(['full', 'large']),
    /** Paragraphs in the corpus, and the threshold it was compared with. */
    paragraphs: z.number().int().nonnegative(),
    largeCorpusParagraphs: z.number().int().positive(),
    /** The threshold above which a corpus is searched one review at a time. */
    searchIndexParagraphs: z.number().int().positive(),
    /** Whether /documents/{doc}/{anchor}/ is built as a page. */
    paragraphPages: z.boolean(),
    /** Whether the offline zip of the whole site is written. */
    offlineZip: z.boolean(),
    /** Whether `.br`/`.gz` copies of large files are written (scripts/precompress.ts). */
    precompress: z.boolean(),
    /**
     * Paragraphs a list on a page that gathers many documents (a right, a body, an article, a
     * recommendation) shows per document, with excerpts; null: all. 0: a count and a link only, so
     * such a page grows with the number of documents, not of paragraphs.
     */
    listLimit: z.number().int().nonnegative().nullable(),
    /** The search indexes (one for a full site). */
    searchShards: z.array(searchShardSchema).min(1),
    /** At most this many fragment files per index (Pagefind bundles the rest); null: one per record. */
    maxFragmentsPerShard: z.number().int().positive().nullable(),
  })
  .strict();
/** A site plan. */
export type SitePlan = z.output<typeof sitePlanSchema>;

/**
 * Fragment files a large site may hold in all: one per record would be 320,000 files at the
 * peers' scale; hosts count files (Cloudflare Pages' free plan: 20,000 per deployment).
 */
export const LARGE_SITE_FRAGMENT_FILES = 10_000;

/** The thresholds of content/atlas.json the plan follows. */
export interface PlanSettings {
  /** More paragraphs than this: a large site. */
  largeCorpusParagraphs: number;
  /** More paragraphs than this, in more than one review: one search index per review. */
  searchIndexParagraphs: number;
}

/** What a corpus holds per review (cycle id): its paragraphs, and its search records (paragraphs and recommendations). */
export type ReviewSizes = ReadonlyMap<string, { paragraphs: number; records: number }>;

/** The plan for a corpus of `byReview`. */
export function planSite(byReview: ReviewSizes, settings: PlanSettings): SitePlan {
  const sizes = [...byReview.values()];
  const paragraphs = sizes.reduce((a, b) => a + b.paragraphs, 0);
  const records = sizes.reduce((a, b) => a + b.records, 0);
  const large = paragraphs > settings.largeCorpusParagraphs;
  // A review whose documents hold nothing to search (a corrigendum alone) gets no index.
  const reviews = [...byReview.keys()].filter((id) => (byReview.get(id)?.records ?? 0) > 0).sort();
  const perReview = paragraphs > settings.searchIndexParagraphs && reviews.length > 1;
  const searchShards = perReview
    ? reviews.map((id) => ({ id, bundle: `/pagefind/${id}/`, review: id, records: byReview.get(id)?.records ?? 0 }))
    : [{ id: '', bundle: '/pagefind/', review: null, records }];
  return {
    mode: large ? 'large' : 'full',
    paragraphs,
    largeCorpusParagraphs: settings.largeCorpusParagraphs,
    searchIndexParagraphs: settings.searchIndexParagraphs,
    paragraphPages: !large,
    offlineZip: !large,
    precompress: !large,
    listLimit: large ? 0 : null,
    searchShards,
    maxFragmentsPerShard: large ? Math.max(1, Math.floor(LARGE_SITE_FRAGMENT_FILES / searchShards.length)) : null,
  };
}

/** File name of the plan inside the generated directory. */
export const SITE_PLAN_FILE = 'site-plan.json';

/** The plan of the build reading `generated` (default: this build's); the full plan when none was written. */
export function readSitePlan(generated: string = generatedDir()): SitePlan | null {
  return readGeneratedFile(SITE_PLAN_FILE, sitePlanSchema, generated);
}

let cached: SitePlan | null | undefined;

/** This build's plan (memoised); a full site when scripts/build.ts wrote none. */
export function sitePlan(): SitePlan {
  cached ??= readSitePlan();
  return cached ?? { mode: 'full', paragraphs: 0, largeCorpusParagraphs: 1, searchIndexParagraphs: 1, paragraphPages: true, offlineZip: true, precompress: true, listLimit: null, searchShards: [{ id: '', bundle: '/pagefind/', review: null, records: 0 }], maxFragmentsPerShard: null };
}
