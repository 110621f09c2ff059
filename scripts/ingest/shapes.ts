/**
 * Line shapes shared by several passes: what a printed line of a UN document can look like. One place,
 * so that furniture, notes, headings and numbering agree on what a bare number or a roman label is.
 * Every pattern applies to a trimmed line (lines.ts) unless it says otherwise.
 */

/** A number alone on its line: a page number, a marker printed on its own line, or a note number. */
export const BARE_NUMBER = /^\d{1,3}$/;
/** A roman chapter label alone on its line ("IV."). */
export const ROMAN_ALONE = /^[IVX]{1,5}\.$/;
/** A roman chapter heading ("II. Scope of international obligations"). */
export const ROMAN_HEADING = /^([IVX]{1,5})\.\s+(\S.*)$/;
/** A lettered section heading ("B. Interactive dialogue"), or the letter alone ("B."). */
export const LETTER_HEADING = /^([A-Z])\.\s*((?:[A-Z“"‘'].*)?)$/;
/** A numbered sub-heading ("1. Right to life, liberty and security of person"). */
export const NUMBER_HEADING = /^(\d{1,2})\.\s+([A-Z].*)$/;
/** A treaty article section heading ("Article 7", "Articles 2, 3 and 26"). */
export const ARTICLE_HEADING = /^Articles?\s*(\d+)((?:(?:,\s*|\s+and\s+)(?:paragraph\s+)?\d+)*)$/;
/** A printed paragraph number with its text ("12. The Committee…", "12 The" in OCR, "32. 67-year old"). */
export const NUMBERED_PARAGRAPH = /^(\d{1,3})(?:[.,]\s*|\s+)(?=[A-Z“"‘'(\[])(.*)$|^(\d{1,3})\.\s+(?=\d+[-\s][a-z])(.*)$/;
/** A printed paragraph number alone on its line, its text on the next ("13."). */
export const NUMBER_ALONE = /^(\d{1,3})\.$/;

/** A UN document symbol alone on a line (running header): "A/HRC/WG.6/48/NOR/2", "CCPR/C/NOR/CO/7", an outcome report "A/HRC/<session>/<n>/Add.1". */
export const SYMBOL = /^(?:A|E|CCPR|CAT|CERD|CEDAW|CRC|CRPD|CMW|CED|HRI)(?:\/[A-Za-z0-9.()-]+){2,}$/;
/** "Page 12" (older UN documents print it under the running header). */
export const PAGE_LABEL = /^Page \d{1,3}$/;
/**
 * A GE job line at a page foot, optionally with the page number before or after it:
 * "GE.09-17130 5", "12 GE.14-16238", "GE.24-19779 (E)   061124 061124", "GE.24-02345(E)", "GE:09-17825".
 */
export const JOB = /^(?:\d{1,3}\s+)?GE[.:]\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\d{1,3})?$/;
/** The machine-readable job barcode under the title page's job line: "*1413493*", or the same in a symbol font. */
export const BARCODE = /^(?:\*\d{7}\*|[\uF020-\uF0FF]{5,})$/;
/** A horizontal rule printed as characters (end of text, note separator): "____", "-----". */
export const RULE = /^[_\-–—=]{3,}$/;

/** A closed sentence at the end of a line (optionally followed by a marker). */
export const TERMINAL = /[.!?]["”’)]?$|[.!?]["”’)]?\s*\d{0,3}$/;
/** A line that ends on a word that cannot end a title ("of", "and", a comma). */
export const FUNCTION_END = /(?:\b(?:of|and|the|with|for|to|in|on|into|taking into|account|a|an|or|by)|,)$/i;

/**
 * A note as printed in a notes zone of a layout-preserving extraction: its number, then (after at least one
 * space) its text, or the number alone with the text on the next lines. Paragraph numbers carry a full stop
 * ("12."), note numbers never do.
 */
export const NOTE_START = /^(\d{1,3})(?:\s+(\S.*))?$/;

/** Value of a roman numeral (I–XXXIX). */
export function romanValue(r: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < r.length; i++) n += v[r[i]] < (v[r[i + 1]] ?? 0) ? -v[r[i]] : v[r[i]];
  return n;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Number of an English ordinal as UN title blocks print sessions: "Forty-eighth" → 48, "Seventh" → 7, "20th" → 20. */
export function ordinalValue(word: string): number | null {
  const w = word.toLowerCase().trim();
  const digits = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(w);
  if (digits) return Number(digits[1]);
  if (w in ORDINAL_WORDS) return ORDINAL_WORDS[w];
  const m = /^([a-z]+)[-\s]([a-z]+)$/.exec(w);
  if (m && m[1] in TENS && m[2] in ORDINAL_WORDS && ORDINAL_WORDS[m[2]] < 10) return TENS[m[1]] + ORDINAL_WORDS[m[2]];
  return null;
}
