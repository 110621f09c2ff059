import type { Line } from './lines.ts';

/** Private-use characters that wrap a footnote marker printed on a line of its own. */
export const OWN_LINE_OPEN = '\uE000';
export const OWN_LINE_CLOSE = '\uE001';

/** A hyphenation decision at a line end, recorded for the audit trail. */
export interface HyphenDecision {
  line: number;
  joined: string;
  kept: boolean;
}

/** Vocabulary of a document: which words appear with and without hyphens. */
export function vocabulary(lines: Line[]): Set<string> {
  const v = new Set<string>();
  for (const l of lines) for (const w of l.text.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? []) v.add(w);
  return v;
}

const COMPOUND_PREFIX = /^(?:non|ill|self|co|anti|pre|post|well|law|long|short|high|low|cross|multi|inter|semi|socio|state|child|gender|follow|decision|policy|re|mid|under|over|so|far|counter|human|age|cost|front|one|two|three|four|five|full|part|time|year|long|drug|court|rights|peace|health|community|treaty|government|country|e)$/i;

/**
 * Joins the lines of one block into running text, repairing line-end hyphenation.
 * A line-end hyphen is dropped only when the document itself spells the joined word without it
 * ("recom-" + "mendation" when "recommendation" occurs) and never for known compound prefixes
 * ("non-governmental", "ill-treatment").
 * Bare number lines become own-line marker candidates (resolved by the markers stage).
 * Guarantees afterwards: no line breaks; single spaces; every non-blank source line contributed its text.
 */
export function joinLines(lines: Line[], vocab: Set<string>, decisions: HyphenDecision[]): string {
  let out = '';
  for (const l of lines) {
    if (l.text === '') continue;
    if (/^\d{1,3}$/.test(l.text)) {
      out += OWN_LINE_OPEN + l.text + OWN_LINE_CLOSE;
      continue;
    }
    if (out === '') {
      out = l.text;
      continue;
    }
    const hy = /([A-Za-z]+)-$/.exec(out);
    const nextWord = /^([a-z]+)/.exec(l.text);
    if (hy && nextWord && !out.endsWith(' -') && !out.endsWith('--')) {
      const joined = (hy[1] + nextWord[1]).toLowerCase();
      const hyphenated = `${hy[1]}-${nextWord[1]}`.toLowerCase();
      const drop = vocab.has(joined) && !vocab.has(hyphenated) && !COMPOUND_PREFIX.test(hy[1]);
      decisions.push({ line: l.n, joined: drop ? hy[1] + nextWord[1] : `${hy[1]}-${nextWord[1]}`, kept: !drop });
      out = drop ? out.slice(0, -1) + l.text : out + l.text;
      continue;
    }
    out += (out.endsWith(OWN_LINE_CLOSE) && /^[,.;:)]/.test(l.text) ? '' : ' ') + l.text;
  }
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}
