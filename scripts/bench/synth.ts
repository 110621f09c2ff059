/**
 * Synthetic corpus for scale runs: `factor` copies of every registered document, each copy a
 * renumbered document (new id, new symbol, source file and hash), so the pipeline and the site
 * see `factor` times as many documents, paragraphs and pages as the real corpus.
 *
 * After `synthesizeCorpus(from, to, factor)`:
 * - `to/registry/documents.json` lists the originals plus copies `<id>-x<k>` (k = 1..factor-1);
 *   each copy's symbol has its country code renumbered ("/NOR/" -> "/KX<k>/") in the registry and
 *   in the copied text (running headers), so page furniture is still recognised;
 * - curated entries keyed by `document` (errata, tables) are duplicated for each copy;
 * - every other registry file is copied unchanged, and the anchor manifest starts empty (all
 *   paragraphs are additions).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface RegistryDocument {
  id: string;
  symbol: string | null;
  source: string;
  sourceSha256: string;
  [key: string]: unknown;
}

/** The symbol of copy `k`: the three-letter country segment becomes "KX<k>". */
export function renumberSymbol(symbol: string, k: number): string {
  return symbol.replace(/\/([A-Z]{3})\//, `/KX${k}/`);
}

/** Writes a synthetic corpus directory (registry, sources, manifest) `factor` times the size of the corpus `from`. */
export function synthesizeCorpus(from: string, to: string, factor: number): { documents: number; bytes: number } {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, got ${factor}`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(join(to, 'sources'), { recursive: true });
  mkdirSync(join(to, 'manifest'), { recursive: true });
  cpSync(join(from, 'registry'), join(to, 'registry'), { recursive: true });
  const originals = JSON.parse(readFileSync(join(from, 'registry/documents.json'), 'utf8')) as RegistryDocument[];
  const ids = new Set(originals.map((d) => d.id));
  const documents: RegistryDocument[] = [];
  let bytes = 0;
  for (let k = 0; k < factor; k++) {
    for (const doc of originals) {
      let text = readFileSync(join(from, 'sources', doc.source), 'utf8');
      let copy = doc;
      if (k > 0) {
        const symbol = doc.symbol === null ? null : renumberSymbol(doc.symbol, k);
        if (doc.symbol !== null && symbol !== null) text = text.replaceAll(doc.symbol, symbol);
        copy = {
          ...doc,
          id: `${doc.id}-x${k}`,
          symbol,
          source: doc.source.replace(/\.txt$/, `-x${k}.txt`),
          sourceSha256: createHash('sha256').update(text).digest('hex'),
        };
      }
      writeFileSync(join(to, 'sources', copy.source), text);
      bytes += Buffer.byteLength(text);
      documents.push(copy);
    }
  }
  writeFileSync(join(to, 'registry/documents.json'), `${JSON.stringify(documents, null, 2)}\n`);
  // Curated data keyed by document id follows each copy.
  for (const file of readdirSync(join(to, 'registry')).filter((f) => f.endsWith('.json') && f !== 'documents.json')) {
    const data = JSON.parse(readFileSync(join(to, 'registry', file), 'utf8')) as unknown;
    if (!Array.isArray(data) || !data.some((e) => typeof e === 'object' && e !== null && ids.has((e as { document?: string }).document ?? ''))) continue;
    const out: unknown[] = [];
    for (let k = 0; k < factor; k++) {
      for (const e of data as Array<{ document?: string }>) {
        if (k === 0) out.push(e);
        else if (e.document && ids.has(e.document)) out.push({ ...e, document: `${e.document}-x${k}` });
      }
    }
    writeFileSync(join(to, 'registry', file), `${JSON.stringify(out, null, 2)}\n`);
  }
  writeFileSync(join(to, 'manifest/anchors.json'), '[]\n');
  return { documents: documents.length, bytes };
}
