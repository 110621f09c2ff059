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

/** One number or range as printed in a list of recommendations ("140.82-85", "14– 16", "150 – 152", "87"). */
const LIST_TOKEN = /(\d{1,3}(?:\.\d{1,3})?)(?:\s*[–—-]\s*(\d{1,3}(?:\.\d{1,3})?))?(?![\d.]?\d|[A-Za-z])/y;
/** What may separate two numbers of one list: comma, semicolon, "and", "&", or a full stop misprinted for a comma ("140.35. 140.36"). */
const LIST_SEPARATOR = /\s*(?:[,;&]|\band\b)\s*(?:and\s+)?|\.\s+(?=\d{1,3}\.\d)/y;

/** A list of recommendation numbers read from running text, and where it ended. */
export interface NumberList {
  /** Numbers in printed order, ranges expanded; a bare number after a printed id takes its prefix ("140.82-85, 87" → 140.87). */
  numbers: string[];
  /** Offset just after the last number read. */
  end: number;
  /** Ranges that could not be expanded (backwards, or across two prefixes), as printed. */
  errors: string[];
}

/**
 * Reads the run of recommendation numbers that starts at `start` in running text: "1–5, 14– 16, 20–23",
 * "140.7, 140.8 … 140.35. 140.36", "140.11-14", "140.120, 209", "150 – 152". Stops at the first thing that is
 * not a separator followed by a number (a word, a sentence end). Guarantees: printed order kept, ranges expanded
 * inclusively, never a number that is not printed or implied by a printed range; unreadable ranges in `errors`.
 */
export function readNumberList(text: string, start: number): NumberList {
  const numbers: string[] = [];
  const errors: string[] = [];
  let prefix: string | null = null;
  let at = start;
  let end = start;
  for (;;) {
    LIST_TOKEN.lastIndex = at;
    const m = LIST_TOKEN.exec(text);
    if (!m) break;
    const [printed, from, to] = m;
    const dotted = /^(\d+)\.(\d+)$/.exec(from);
    if (dotted) prefix = dotted[1];
    const head = prefix === null ? '' : `${prefix}.`;
    const first = Number(dotted ? dotted[2] : from);
    if (to === undefined) {
      numbers.push(`${head}${first}`);
    } else {
      const toDotted = /^(\d+)\.(\d+)$/.exec(to);
      const last = Number(toDotted ? toDotted[2] : to);
      if ((toDotted && `${toDotted[1]}.` !== head) || last < first) errors.push(printed.trim());
      else for (let k = first; k <= last; k++) numbers.push(`${head}${k}`);
    }
    end = m.index + printed.length;
    LIST_SEPARATOR.lastIndex = end;
    const sep = LIST_SEPARATOR.exec(text);
    if (!sep || sep[0].length === 0) break;
    at = end + sep[0].length;
  }
  return { numbers, end, errors };
}
