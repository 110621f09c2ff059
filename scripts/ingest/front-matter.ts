import type { Line } from './lines.ts';
import type { Anomaly } from './errors.ts';

/** Front matter of a plain extraction: the title block before the body. */
export function findFrontMatter(_lines: Line[], _claimed: Set<number>): { lines: Line[]; anomalies: Anomaly[] } {
  return { lines: [], anomalies: [] };
}
