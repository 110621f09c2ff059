/**
 * Stage 1: source text -> numbered lines.
 * Guarantees afterwards: one Line per source line, `n` is the 1-based source line number,
 * `text` has no trailing whitespace and no leading whitespace, `indent` counts the leading spaces
 * (a single leading space marks the first line of a printed page in these PDF extractions).
 */
export interface Line {
  /** 1-based source line number. */
  n: number;
  /** Line content, trimmed on both sides. */
  text: string;
  /** Number of leading whitespace characters in the source. */
  indent: number;
}

/** Splits a source text into numbered, trimmed lines (LF or CRLF). */
export function toLines(source: string): Line[] {
  const raw = source.split(/\r?\n/);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((r, i) => {
    const t = r.replace(/\s+$/u, '');
    const text = t.replace(/^\s+/u, '');
    return { n: i + 1, text, indent: t.length - text.length };
  });
}
