/**
 * Recommendation references as national reports print them at the head of a section:
 * "Recommendations 95.41, 97.15–97.18" (ids as the outcome report prints them) or
 * "(Recommendations 1, 5, 7–9, 11–12, 158–160)" (numbers of a list). Which list a number belongs to is
 * not decided here: the registry's `answers` says how a document numbers them.
 */

/** A line that is nothing but a recommendation reference, optionally in parentheses. */
export const RECOMMENDATION_LINE = /^\(?Recommendations?\s+\d{1,3}(?:\.\d{1,3})?(?:\s*(?:[,;–—-]|and)\s*\d{1,3}(?:\.\d{1,3})?)*\.?\)?\.?$/;

/**
 * Parses "Recommendations 95.5, 95.6, 95.15–95.20" or "(Recommendations 1, 7–9)" into the numbers it cites,
 * expanding ranges (en dash, em dash or hyphen; "95.15–95.20", "95.15–20", "7–9").
 * Guarantees: input order kept, ranges expanded inclusively; throws a message (the caller adds file and
 * line) when a range runs backwards, spans two paragraphs of the outcome report, or a part is unreadable.
 */
export function parseRecommendationRefs(text: string): string[] {
  const body = text.trim().replace(/^\(/, '').replace(/\)\.?$/, '').replace(/^Recommendations?\s+/, '');
  const out: string[] = [];
  for (const part of body.split(/\s*[,;]\s*|\s+and\s+/)) {
    const p = part.trim().replace(/\.$/, '');
    if (!p) continue;
    const dotted = /^(\d+)\.(\d+)\s*[–—-]\s*(?:(\d+)\.)?(\d+)$/.exec(p);
    if (dotted) {
      const [, a, from, b, to] = dotted;
      if (b && b !== a) throw new Error(`recommendation range "${p}" spans two paragraphs of the outcome report`);
      if (Number(to) < Number(from)) throw new Error(`recommendation range "${p}" runs backwards`);
      for (let k = Number(from); k <= Number(to); k++) out.push(`${a}.${k}`);
      continue;
    }
    const plain = /^(\d+)\s*[–—-]\s*(\d+)$/.exec(p);
    if (plain) {
      if (Number(plain[2]) < Number(plain[1])) throw new Error(`recommendation range "${p}" runs backwards`);
      for (let k = Number(plain[1]); k <= Number(plain[2]); k++) out.push(String(k));
      continue;
    }
    const single = /^(\d+(?:\.\d+)?)$/.exec(p);
    if (!single) throw new Error(`cannot read recommendation reference "${p}"; expected forms like 95.41, 95.15–95.20 or 7–9`);
    out.push(single[1]);
  }
  return out;
}
