import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Paragraph, Run } from '../../src/schemas/paragraph.ts';
import type { Footnote } from '../../src/schemas/footnote.ts';
import type { Heading } from '../../src/schemas/heading.ts';
import type { Erratum } from '../../src/schemas/erratum.ts';
import type { Report } from '../../src/schemas/report.ts';
import type { TableSpec } from '../../src/schemas/table-spec.ts';
import type { Anomaly } from './errors.ts';
import type { Line } from './lines.ts';
import type { FurnitureRecord } from './furniture.ts';
import type { LiftedNote } from './spliced-notes.ts';
import type { Item } from './structure.ts';
import type { HyphenDecision } from './repair.ts';

/** Curated data the pipeline needs besides the source text. */
export interface IngestContext {
  /** Path of the source shown in messages (e.g. content/corpora/x/sources/y.txt). */
  file: string;
  /** Path of the errata file shown in messages. */
  errataFile: string;
  errata: Erratum[];
  tables: TableSpec[];
}

/** A table of a document, ready for emitting. */
export interface TableOut {
  id: string;
  caption: Run[];
  columns: string[];
  rows: Run[][][];
  notes: Run[][];
}

/** One entry of the document body in reading order. */
export type BodyEntry =
  | { kind: 'heading'; heading: Heading; runs: Run[] }
  | { kind: 'paragraph'; paragraph: Paragraph }
  | { kind: 'table'; table: TableOut }
  | { kind: 'recref'; text: string; recommendations: string[]; anchor: string };

/**
 * The state of one document on its way through the passes. Each pass returns a new state with its own
 * results and its anomalies appended; nothing is filled in place by a caller's list.
 */
export interface DocState {
  readonly entry: DocumentEntry;
  readonly ctx: IngestContext;
  readonly source: string;
  /** Source lines (errata applied once the errata pass ran). */
  lines: Line[];
  /** Errata applications. */
  corrections: Report['corrections'];
  /** Page furniture removed, one record per line. */
  furniture: FurnitureRecord[];
  /** Title block, contents, abbreviation lists: metadata, never paragraphs. */
  frontMatter: Line[];
  /** Blank lines at page breaks (paged layouts). */
  pageBlanks: Set<number>;
  /** Note texts lifted out of the body, with printed numbers where shown. */
  notes: LiftedNote[];
  /** Lines of lifted notes (and of their zones). */
  noteLines: Set<number>;
  /** Structural items of the body. */
  items: Item[];
  paragraphs: Paragraph[];
  headings: Heading[];
  body: BodyEntry[];
  /** End-note text found without a number. */
  fragments: { lines: [number, number]; text: string }[];
  /** Footnote markers accepted in the body, in order. */
  markers: number[];
  /** Source line of each body marker. */
  markerLines: Map<number, number>;
  footnotes: Footnote[];
  hyphenation: HyphenDecision[];
  anomalies: Anomaly[];
  /** Where each source line went: counts per destination. */
  accounting: Record<string, number>;
}

/** One pass of the pipeline: a pure function of the state, and a check of what it guarantees. */
export interface Pass {
  name: string;
  /** Whether the pass applies to this document (default: always). */
  applies?(s: DocState): boolean;
  run(s: DocState): DocState;
  /** Throws when the pass's guarantees do not hold on `s` (run by the test suite on every corpus document). */
  check?(s: DocState): void;
}

/** The state before any pass ran. */
export function initialState(entry: DocumentEntry, source: string, ctx: IngestContext): DocState {
  return {
    entry, ctx, source,
    lines: [], corrections: [], furniture: [], frontMatter: [], pageBlanks: new Set(), notes: [], noteLines: new Set(),
    items: [], paragraphs: [], headings: [], body: [], fragments: [], markers: [], markerLines: new Map(), footnotes: [],
    hyphenation: [], anomalies: [], accounting: {},
  };
}

/** Runs the passes in order; with `checking`, each pass's check runs on its result. */
export function runPasses(passes: Pass[], state: DocState, checking = false): DocState {
  let s = state;
  for (const pass of passes) {
    if (pass.applies && !pass.applies(s)) continue;
    s = pass.run(s);
    if (checking && pass.check) {
      try {
        pass.check(s);
      } catch (e) {
        throw new Error(`${s.ctx.file}: pass "${pass.name}" broke its guarantee: ${(e as Error).message}`);
      }
    }
  }
  return s;
}

/** Lines the passes so far took out of the body. */
export function claimedLines(s: DocState): Set<number> {
  return new Set([...s.furniture.map((f) => f.line), ...s.frontMatter.map((l) => l.n), ...s.pageBlanks, ...s.noteLines]);
}
