import { z } from 'zod';
import { cycleId } from './document.ts';

/**
 * The State's position on a recommendation, as the documents state it:
 * accepted ("accepts", "supports", "enjoy the support"); partially-accepted (one response accepts part and
 * declines or leaves open another part); noted ("notes", "takes note of", "did not enjoy the support", and
 * the older "cannot accept" / "does not accept" / "rejects"); no-position (a response that takes none:
 * "cannot, at this point in time, make a definitive statement"); pending (the outcome report says the list
 * "will be examined" and no later answer is in the library).
 */
export const positionSchema = z.enum(['accepted', 'partially-accepted', 'noted', 'no-position', 'pending']);
export type Position = z.output<typeof positionSchema>;

/** A place in a document of the corpus: its paragraph's anchor (/documents/{document}/{anchor}/). */
export const placeSchema = z
  .object({
    /** Document id. */
    document: z.string(),
    /** Paragraph anchor in that document. */
    anchor: z.string(),
  })
  .strict();
export type Place = z.output<typeof placeSchema>;

/** A recommending State as printed at the end of the recommendation, with its ISO code when known. */
export const recommendingStateSchema = z
  .object({
    /** The name as the outcome report prints it ("Iran (Islamic Republic of)", "United Kingdom"). */
    name: z.string().min(2),
    /** ISO 3166-1 alpha-3 code (content/registry/states.json, names and aliases); null when unknown. */
    code: z.string().regex(/^[A-Z]{3}$/).nullable(),
  })
  .strict();
export type RecommendingState = z.output<typeof recommendingStateSchema>;

/** Why a recommendation carries a right: a keyword of its own text, or the section heading of a paragraph answering it. */
export const recommendationRightSchema = z
  .object({
    /** Right id (content/registry/rights.json). */
    right: z.string(),
    /** 'text': the recommendation's words; 'answer': the heading of a national-report section answering it (text not in the library). */
    basis: z.enum(['text', 'answer']),
    /** The keyword or heading that gave it. */
    evidence: z.string(),
  })
  .strict();

/**
 * One recommendation of a review's outcome report (content/generated/recommendations.json, /data/recommendations.json).
 * Either read from the outcome report in the corpus (`text` set), or known only because a document of the
 * corpus cites its printed id while the outcome report is not in the library (`text` null: never invented).
 */
export const recommendationSchema = z
  .object({
    /** Unique in the corpus and stable forever: `${review}/${id}` ("upr-2/115.1"). */
    key: z.string().regex(/^[a-z]+-\d+\/\d+\.\d+$/),
    /**
     * The id as the outcome report prints it, "<paragraph>.<item>" ("115.1"); where a report numbers the items
     * of its recommendations paragraph 1., 2., … (paragraph 111 of a cycle 1 report), "111.1", "111.2", ….
     */
    id: z.string().regex(/^\d+\.\d+$/),
    /** Review whose outcome report holds it ("upr-2"). */
    review: cycleId,
    /** Symbol of the outcome report, when known (in the corpus, or curated in cycles.json); else null. */
    outcome: z.string().nullable(),
    /** Document id of the outcome report when it is in the corpus, else null. */
    outcomeDocument: z.string().nullable(),
    /** Position in the outcome report's recommendations, 1-based, across all its lists; null when the report is not in the library. */
    sequence: z.number().int().positive().nullable(),
    /** The label as printed before the text ("115.1", "1."); null when the report is not in the library. */
    label: z.string().nullable(),
    /** Full text as printed (joined across lines and pages, recommending States included); null when the report is not in the library. */
    text: z.string().min(3).nullable(),
    /** Recommending States, in the order printed (one or several; "(France) (Lithuania)" or "(Spain, Argentina)"). */
    states: z.array(recommendingStateSchema),
    /** The outcome report's paragraph that lists it; null when the report is not in the library. */
    source: placeSchema.nullable(),
    /** What the outcome report itself says of the list it is in ("will be examined" → pending); null when it says nothing or is not in the library. */
    reportPosition: positionSchema.nullable(),
    /** Final position: the State's views (addendum) where in the library, else the outcome report's; null when neither is in the library. */
    position: positionSchema.nullable(),
    /** The words that state the position ("accepts", "takes note of", "cannot accept", "will be examined"). */
    positionWording: z.string().nullable(),
    /** Whether the State says it is already implemented or being implemented ("considers already implemented"). */
    alreadyImplemented: z.boolean(),
    /** The paragraph that states the final position (addendum, or the outcome report's list). */
    positionSource: placeSchema.nullable(),
    /** Paragraphs of the State's views that answer it individually ("Rec. 18 …", "140.11-14 …", "5., 6., 7. …"), in order. */
    responses: z.array(placeSchema),
    /** Paragraphs of later documents (the next national report) that cite it by number, in document order. */
    answeredBy: z.array(placeSchema),
    /** Right ids, from its own text (or, without text, from the sections answering it). */
    rights: z.array(z.string()),
    /** Why each right was given. */
    rightTags: z.array(recommendationRightSchema),
  })
  .strict();
export type Recommendation = z.output<typeof recommendationSchema>;

/**
 * One number cited by a paragraph ("(recommendations 30–31, 54–57)" gives six), and what it was resolved to.
 * resolved: a recommendation whose text is in the library; text-not-in-library: a printed id of an outcome
 * report that is not in the library (a record without text exists); unresolved: not matched (`reason` says why).
 */
export const citationSchema = z
  .object({
    /** Citing document id. */
    document: z.string(),
    /** Citing paragraph anchor. */
    anchor: z.string(),
    /** The number as cited, ranges expanded ("30", "95.41"). */
    cited: z.string(),
    /** Review the document answers (registry `answers.review`), or null when the registry does not say. */
    review: cycleId.nullable(),
    /** How the document numbers recommendations (registry `answers.numbering`), or null. */
    numbering: z.enum(['printed', 'sequence', 'own']).nullable(),
    /** Outcome of the resolution. */
    status: z.enum(['resolved', 'text-not-in-library', 'unresolved']),
    /** Key of the recommendation it resolved to, else null. */
    key: z.string().nullable(),
    /** Why it stayed unresolved (null when resolved). */
    reason: z.string().nullable(),
  })
  .strict();
export type Citation = z.output<typeof citationSchema>;

/** Counts per position. */
const positionCounts = z.record(z.string(), z.number().int().nonnegative());

/** What the library holds of one review's recommendations, and what it found in them. */
export const recommendationReviewSchema = z
  .object({
    /** Review id ("upr-2"). */
    review: cycleId,
    /** Outcome report symbol, when known. */
    outcome: z.string().nullable(),
    /** Outcome report document id, when in the corpus. */
    outcomeDocument: z.string().nullable(),
    /** The State's views (addendum) in the corpus, if any. */
    views: z.string().nullable(),
    /** Recommendations recorded (with text, or cited only). */
    recommendations: z.number().int().nonnegative(),
    /** Of them, with text from the outcome report. */
    withText: z.number().int().nonnegative(),
    /** Recommendations per final position ("unknown" for none). */
    positions: positionCounts,
    /** Counts the documents print ("accepts 142 recommendations", "217 are supported and 37 noted"), by position, for comparison. */
    statedCounts: positionCounts,
  })
  .strict();
export type RecommendationReview = z.output<typeof recommendationReviewSchema>;

/** A problem the recommendation step found in the texts, at a source line, with what to check. */
export const recommendationAnomalySchema = z
  .object({
    document: z.string(),
    /** Source line (1-based) of the paragraph concerned. */
    line: z.number().int().positive(),
    kind: z.string(),
    message: z.string(),
  })
  .strict();
export type RecommendationAnomaly = z.output<typeof recommendationAnomalySchema>;

/** An old recommendation URL that now lives elsewhere (content/corpora/<name>/manifest/recommendations.json `movedTo`). */
export const recommendationRedirectSchema = z.object({ from: z.string(), to: z.string() }).strict();

/** content/generated/recommendations.json: everything the recommendation step found in a corpus. */
export const recommendationDataSchema = z
  .object({
    /** Records in review order, then outcome-report order (sequence; printed id for records without text). */
    records: z.array(recommendationSchema),
    /** Every cited number of every paragraph, in document order. */
    citations: z.array(citationSchema),
    /** One summary per review that has recommendations or is cited. */
    reviews: z.array(recommendationReviewSchema),
    /** Published recommendation URLs that moved, from the manifest. */
    redirects: z.array(recommendationRedirectSchema),
    /** Anomalies, in document and line order. */
    anomalies: z.array(recommendationAnomalySchema),
  })
  .strict();
export type RecommendationData = z.output<typeof recommendationDataSchema>;
