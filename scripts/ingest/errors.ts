/** An input problem the build cannot resolve: names the file and line and says what to do. */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, line: number | null, problem: string) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'IngestError';
    this.file = file;
    this.line = line;
  }
}

/** A problem the parser resolved on its own; reported in the build output, never silently absorbed. */
export interface Anomaly {
  /** Source line (1-based). */
  line: number;
  /** Short machine-readable kind, e.g. "marker-gap". */
  kind: string;
  /** What happened and how it was resolved. */
  message: string;
}
