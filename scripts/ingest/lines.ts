/**
 * Stage 1: source text -> numbered lines.
 * Guarantees afterwards: one Line per source line, `n` is the 1-based source line number,
 * `text` has no leading or trailing whitespace and no form feed, `indent` counts the leading spaces
 * (after a form feed), `page` is the 1-based printed page: a form feed (U+000C, printed by
 * layout-preserving extractors at every page break) starts a new page. Texts without form feeds are
 * one page (plain extractions mark page starts otherwise: a single leading space in some).
 */
export interface Line {
  /** 1-based source line number. */
  n: number;
  /** Line content, trimmed on both sides. */
  text: string;
  /** Number of leading whitespace characters in the source (after a form feed). */
  indent: number;
  /** 1-based page (form feeds counted); 1 for texts without form feeds. */
  page?: number;
}

/** Splits a source text into numbered, trimmed lines (LF or CRLF); form feeds start pages. */
export function toLines(source: string): Line[] {
  const raw = source.split(/\r?\n/);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  let page = 1;
  return raw.map((r, i) => {
    let line = r;
    if (line.includes('\f')) {
      page += line.split('\f').length - 1;
      line = line.replace(/\f/g, '');
    }
    const t = line.replace(/\s+$/u, '');
    const text = t.replace(/^\s+/u, '');
    return { n: i + 1, text, indent: t.length - text.length, page };
  });
}

/** Whether a text has form feeds: a layout-preserving extraction with page boundaries. */
export function hasPageBreaks(source: string): boolean {
  return source.includes('\f');
}
