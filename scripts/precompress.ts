/**
 * Build step: writes `.br` and `.gz` copies of the large text files of a built site (the dataset,
 * the long document pages), which scripts/serve.ts (sirv) sends as they are instead of compressing
 * a megabyte per request; smaller files are compressed per response. Static hosts compress on
 * their own and simply never ask for these files.
 *
 * Guarantees afterwards: every text file of at least `minBytes` has `<file>.br` (brotli quality 9)
 * and `<file>.gz` (gzip level 9) beside it, each decompressing to its bytes; nothing else changes.
 * Deterministic (zlib writes no timestamp), idempotent (an existing `.br`/`.gz` is never compressed again).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Extensions of the text files worth compressing. */
export const COMPRESSIBLE = new Set(['.html', '.json', '.csv', '.js', '.mjs', '.css', '.xml', '.svg', '.txt', '.map']);

/** Size from which a file gets precompressed copies (smaller files cost little to compress per response). */
export const PRECOMPRESS_MIN_BYTES = 32 * 1024;

/** Summary of one run. */
export interface PrecompressSummary {
  /** Files that got `.br` and `.gz` copies. */
  files: number;
  /** Their total size. */
  bytes: number;
  /** Total size of the copies written. */
  written: number;
}

/** Writes `.br`/`.gz` beside every compressible file of `dir` of at least `minBytes`. */
export async function precompress(dir: string, minBytes = PRECOMPRESS_MIN_BYTES): Promise<PrecompressSummary> {
  const summary: PrecompressSummary = { files: 0, bytes: 0, written: 0 };
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name).toLowerCase()))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of entries) {
    if ((await stat(file)).size < minBytes) continue;
    const bytes = await readFile(file);
    const [br, gzipped] = await Promise.all([
      brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gz(bytes, { level: 9 }),
    ]);
    await writeFile(`${file}.br`, br);
    await writeFile(`${file}.gz`, gzipped);
    summary.files += 1;
    summary.bytes += bytes.length;
    summary.written += br.length + gzipped.length;
  }
  return summary;
}
