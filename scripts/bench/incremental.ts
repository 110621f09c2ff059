/**
 * The incremental-build measurement: one more document in a synthetic corpus that has been built.
 *
 * After `addOneDocument(content, corpusDir)`: the corpus holds one more document — a renumbered
 * copy of its first document (new id, symbol, source file and hash; its errata and table specs),
 * about the same State — and nothing else changed; the anchor manifest is left as it is (the build records the new links).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The document added. */
export interface AddedDocument {
  id: string;
  /** State code of the document (its search index is the one that changes on a large site). */
  state: string;
  /** Documents in the corpus afterwards. */
  documents: number;
}

/** Adds a renumbered copy of the corpus's first document to the corpus at `corpusDir`. */
export function addOneDocument(content: string, corpusDir: string): AddedDocument {
  void content;
  const file = join(corpusDir, 'registry/documents.json');
  const documents = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown> & { id: string; symbol: string | null; source: string; state: { code: string } }>;
  const original = documents[0];
  if (!original) throw new Error(`${file}: no document to copy`);
  const n = documents.length + 1;
  const id = `${original.id}-added`;
  if (documents.some((d) => d.id === id)) throw new Error(`${file}: ${id} was added already`);
  let text = readFileSync(join(corpusDir, 'sources', original.source), 'utf8');
  let symbol = original.symbol;
  if (symbol !== null) {
    // The copy's symbol: the original's with its synthetic number replaced, printed in its running headers.
    // Its synthetic number ("/X12/" or a final "/X12") replaced by a new one.
    const fresh = symbol.replace(/\/X\d+(?=\/|$)/, `/X${n}`);
    text = text.replaceAll(symbol, fresh);
    symbol = fresh;
  }
  const source = `${id}.txt`;
  writeFileSync(join(corpusDir, 'sources', source), text);
  documents.push({ ...original, id, symbol, source, sourceSha256: createHash('sha256').update(text).digest('hex') });
  writeFileSync(file, `${JSON.stringify(documents, null, 1)}\n`);
  // Curated entries of the original (errata, table specs) apply to its copy too.
  for (const name of ['errata.json', 'tables.json']) {
    const keyed = join(corpusDir, 'registry', name);
    if (!existsSync(keyed)) continue;
    const entries = JSON.parse(readFileSync(keyed, 'utf8')) as Array<{ document: string }>;
    writeFileSync(keyed, `${JSON.stringify([...entries, ...entries.filter((e) => e.document === original.id).map((e) => ({ ...e, document: id }))], null, 1)}\n`);
  }
  return { id, state: original.state.code, documents: documents.length };
}
