import type { Line } from './lines.ts';
import type { Anomaly } from './errors.ts';
import { bodyView } from './view.ts';
import { findHeadings, relabelHeadings } from './headings.ts';
import { numberParagraphs } from './numbering.ts';
import { segment } from './segments.ts';

/** A structural item of a document, still holding its source lines. */
export type Item =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; label: string | null; title: string; lines: Line[] }
  | {
      kind: 'paragraph';
      pkind: 'numbered' | 'unnumbered' | 'quotation';
      /** Printed number ("12"; "5, 6, 7" when one paragraph answers several numbers), or null. */
      number: string | null;
      /** Numbering section key (per-section numbering only). */
      section: string | null;
      lines: Line[];
      /** Source lines that open items of a numbered list inside the paragraph ("1. To ratify …", "115.3 …"). */
      listLines?: number[];
    }
  | { kind: 'table'; lines: Line[] }
  | { kind: 'recref'; lines: Line[] }
  | { kind: 'note-fragments'; lines: Line[] };

/** Layout hints from the registry. */
export interface StructureOptions {
  file: string;
  numbering: 'global' | 'per-section';
  /** Whether flattened tables may appear (layout.tables). */
  tables: boolean;
  /** Whether the extraction is paged (indentation is layout). */
  paged?: boolean;
  /** Errata file named in advice. */
  errataFile?: string;
  /** Source lines of page furniture (page breaks in plain extractions). */
  breaks?: Set<number>;
}

/**
 * Structure: body lines -> items, by three passes over one view of the body — headings (labelled ones),
 * numbering (which lines open numbered paragraphs and list items), segmentation (the walk that cuts items,
 * with unnumbered headings) — then heading labels repaired by their sequence.
 * Guarantees afterwards: every body line belongs to exactly one item; paragraph numbers strictly ascend within
 * each numbering section (a printed repeat or descent stops the build); printed gaps stay gaps and are reported.
 */
export function buildStructure(all: Line[], skip: Set<number>, opts: StructureOptions): { items: Item[]; anomalies: Anomaly[] } {
  const view = bodyView(all, skip, opts.paged ?? false, opts.breaks);
  const labelled = findHeadings(view);
  const numbering = numberParagraphs(view, labelled, { file: opts.file, numbering: opts.numbering, errataFile: opts.errataFile ?? 'the errata file' });
  const segmented = segment(view, labelled, numbering, opts);
  const relabelled = relabelHeadings(segmented.items);
  return { items: relabelled.items, anomalies: [...numbering.anomalies, ...segmented.anomalies, ...relabelled.anomalies] };
}
