import type { Line } from './lines.ts';
import type { Anomaly } from './errors.ts';
import type { LiftedNote } from './spliced-notes.ts';

/** End-note block of a plain extraction ("Notes" + numbered note texts). */
export function readEndnotes(_lines: Line[], _claimed: Set<number>): { notes: LiftedNote[]; noteLines: Set<number>; anomalies: Anomaly[] } {
  return { notes: [], noteLines: new Set(), anomalies: [] };
}
