/**
 * Resolution of the recommendation numbers later documents cite ("(recommendations 30–31, 54–57)",
 * "Recommendations 95.41, 97.15–97.18") against the outcome report of the review they answer. The registry's
 * `answers` says which review and how the document numbers them; nothing is guessed:
 *   printed   "95.41" is the id the outcome report prints; outcome report in the corpus → that record;
 *             outcome report not in the corpus → a record without text (the number, honestly, with the
 *             official link), status text-not-in-library;
 *   sequence  "30" is the 30th recommendation of the outcome report; only with the report in the corpus;
 *   own       a numbering of the document's own: every number stays unresolved.
 * Guarantees afterwards: one citation per cited number per paragraph, in document order; a citation is
 * resolved only to a record of the review the registry names; every unresolved one says why. Pure.
 */
import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { Citation } from '../../src/schemas/recommendation.ts';

/** The records of one review, for lookup by printed id and by sequence. */
export interface ReviewIndex {
  review: string;
  /** Outcome report symbol, if known. */
  outcome: string | null;
  /** Whether the outcome report is in the corpus (records have text). */
  inCorpus: boolean;
  byId: Map<string, string>;
  bySequence: Map<number, string>;
}

/** Resolves the cited numbers of one document's paragraphs. `reviews` holds every review with records. */
export function resolveCitations(doc: DocumentEntry, paragraphs: Paragraph[], reviews: Map<string, ReviewIndex>): Citation[] {
  const out: Citation[] = [];
  const answers = doc.answers;
  for (const p of paragraphs) {
    for (const cited of p.recommendations) {
      const base = { document: doc.id, anchor: p.anchor, cited, review: answers?.review ?? null, numbering: answers?.numbering ?? null };
      const unresolved = (reason: string): Citation => ({ ...base, status: 'unresolved', key: null, reason });
      if (!answers) {
        out.push(unresolved('the registry does not say which review this document answers (add "answers" to its entry)'));
        continue;
      }
      if (answers.numbering === 'own') {
        out.push(unresolved(`the document numbers the recommendations of ${answers.review} its own way; its numbers cannot be matched to the outcome report`));
        continue;
      }
      const index = reviews.get(answers.review);
      const dotted = /^\d+\.\d+$/.test(cited);
      if (answers.numbering === 'printed') {
        if (!dotted) {
          out.push(unresolved(`"${cited}" is not a printed recommendation id ("<paragraph>.<item>"), though the registry says the document cites printed ids`));
          continue;
        }
        if (index?.inCorpus) {
          const key = index.byId.get(cited);
          out.push(key ? { ...base, status: 'resolved', key, reason: null } : unresolved(`the outcome report ${index.outcome ?? ''} lists no recommendation ${cited}`.replace('  ', ' ')));
        } else {
          out.push({ ...base, status: 'text-not-in-library', key: `${answers.review}/${cited}`, reason: null });
        }
        continue;
      }
      // Sequence numbers mean something only against the list itself.
      if (!index?.inCorpus) {
        out.push(unresolved(`the document numbers the recommendations of ${answers.review} in list order, and that review's outcome report is not in the library`));
        continue;
      }
      const key = dotted ? index.byId.get(cited) : index.bySequence.get(Number(cited));
      out.push(key ? { ...base, status: 'resolved', key, reason: null } : unresolved(`the outcome report ${index.outcome ?? ''} has no recommendation numbered ${cited}`.replace('  ', ' ')));
    }
  }
  return out;
}
