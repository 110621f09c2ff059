import type { Line } from './lines.ts';
import type { Anomaly } from './errors.ts';
import { titleBlockEnd } from './pages.ts';

/** Lines only a UN title block prints. */
const TITLE_MARK = /^(?:United Nations|UNITED NATIONS|General Assembly|Distr\.|Original:|Human Rights Council|HUMAN RIGHTS COUNCIL|Working Group on the Universal Periodic Review|[A-Z][a-z]+(?:-[a-z]+)? session|Geneva, \d|Agenda item \d)/;

/**
 * Front-matter pass (plain extractions): the title block a document opens with — "United Nations",
 * "General Assembly", "Distr.: General", the date, "Original", the Council and session, the State and the
 * title — up to the first chapter heading, "Introduction", paragraph 1 or the first lines of prose. Kept as
 * metadata, never as paragraphs. A text that does not open with a title block (two of its marks among the
 * first 30 lines) has no front matter.
 * Guarantees afterwards: front matter is a prefix of the text's unclaimed lines; no body line is in it.
 */
export function findFrontMatter(lines: Line[], claimed: Set<number>): { lines: Line[]; anomalies: Anomaly[] } {
  const open = lines.filter((l) => !claimed.has(l.n));
  const head = open.filter((l) => l.text !== '').slice(0, 30);
  // Lines laid out in columns carry several marks ("United Nations      A/HRC/…").
  const marks = head.flatMap((l) => l.text.split(/\s{3,}/)).filter((c) => TITLE_MARK.test(c)).length;
  if (marks < 2) return { lines: [], anomalies: [] };
  const end = titleBlockEnd(open);
  const block = open.slice(0, end);
  const anomalies: Anomaly[] = block.length
    ? [{ line: block[0].n, kind: 'front-matter', message: `lines ${block[0].n}–${block.at(-1)!.n} read as the title block (kept as metadata, not as paragraphs); check that no paragraph starts before line ${open[end]?.n ?? block.at(-1)!.n + 1}` }]
    : [];
  return { lines: block, anomalies };
}
