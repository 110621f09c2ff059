/**
 * Build step of a large site (scripts/build.ts, in place of the offline zip): the paragraph dataset
 * as /data/paragraphs.json.gz and /data/paragraphs.csv.gz (src/lib/dataset-files.ts), written as
 * gzip streams one document at a time, so memory stays that of one document's paragraphs.
 *
 * Guarantees afterwards: the two files decompress to exactly the bytes the dataset endpoints of a full
 * site write (src/pages/data/paragraphs.{json,csv}.ts: documents by date then id, paragraphs in
 * order, JSON indented by one space, CSV with CRLF); gzip level 9, no timestamp (deterministic).
 */
import { createWriteStream } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip, constants, gzipSync } from 'node:zlib';
import { documentSchema, type DocumentEntry } from '../src/schemas/document.ts';
import { paragraphSchema, type Paragraph } from '../src/schemas/paragraph.ts';
import { paragraphRecords, paragraphsCsv } from '../src/lib/dataset.ts';
import { LARGE_SITE_GZIPPED } from '../src/lib/dataset-files.ts';

/** A gzip file written chunk by chunk, waiting when the stream asks to. */
function gzipFile(file: string) {
  const gz = createGzip({ level: constants.Z_BEST_COMPRESSION });
  const out = createWriteStream(file);
  gz.pipe(out);
  let bytes = 0;
  return {
    async write(text: string) {
      bytes += Buffer.byteLength(text);
      if (!gz.write(text)) await once(gz, 'drain');
    },
    async close(): Promise<number> {
      gz.end();
      await once(out, 'close');
      return bytes;
    },
  };
}

/** Writes the two compressed dataset files into `<site>/data/`; returns the uncompressed bytes of each. */
export async function writeCompressedDataset(site: string, generated: string): Promise<{ paragraphs: number; jsonBytes: number; csvBytes: number }> {
  const raw = JSON.parse(await readFile(join(generated, 'registry/documents.json'), 'utf8')) as unknown[];
  // The endpoints' order: chronological, then by id.
  const documents: DocumentEntry[] = raw.map((d) => documentSchema.parse(d)).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const json = gzipFile(join(site, 'data/paragraphs.json.gz'));
  const csv = gzipFile(join(site, 'data/paragraphs.csv.gz'));
  let count = 0;
  let header = false;
  await json.write('[');
  for (const document of documents) {
    const list = JSON.parse(await readFile(join(generated, 'paragraphs', `${document.id}.json`), 'utf8')) as unknown[];
    const paragraphs: Paragraph[] = list.map((p) => paragraphSchema.parse(p));
    const records = paragraphRecords([document], paragraphs);
    for (const r of records) {
      // JSON.stringify(all, null, 1), one record at a time: "[\n" + " record" joined by ",\n" + "\n]".
      await json.write(`${count === 0 ? '\n' : ',\n'} ${JSON.stringify(r, null, 1).replace(/\n/g, '\n ')}`);
      count++;
    }
    if (records.length === 0) continue;
    const rows = paragraphsCsv(records);
    // The header once, at the top; every chunk's rows end with CRLF.
    await csv.write(header ? rows.slice(rows.indexOf('\r\n') + 2) : rows);
    header = true;
  }
  if (!header) await csv.write(paragraphsCsv([]));
  await json.write(count === 0 ? ']\n' : '\n]\n');
  return { paragraphs: count, jsonBytes: await json.close(), csvBytes: await csv.close() };
}

/**
 * The other data files of a large site (`LARGE_SITE_GZIPPED`, written plain by Astro's endpoints):
 * each replaced by its `.gz` (level 9, no timestamp), whose bytes decompress to the plain file's.
 * Returns the files compressed and their bytes before and after.
 */
export async function gzipDataFiles(site: string): Promise<{ files: number; before: number; after: number }> {
  let files = 0;
  let before = 0;
  let after = 0;
  for (const name of LARGE_SITE_GZIPPED) {
    const file = join(site, 'data', name);
    if (!existsSync(file)) continue;
    const plain = await readFile(file);
    const packed = gzipSync(plain, { level: constants.Z_BEST_COMPRESSION });
    await writeFile(`${file}.gz`, packed);
    await rm(file);
    files++;
    before += plain.length;
    after += packed.length;
  }
  return { files, before, after };
}
