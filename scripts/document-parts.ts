/**
 * Build step helper (scripts/build.ts, after the ingest and the site plan): decides which documents
 * are too long for one page and where their parts are cut (src/lib/document-parts.ts), and writes
 * the result to `<generated>/document-parts.json`, where the pages and the search records read it.
 *
 * Guarantees afterwards: the file exists and validates against `documentPartsSchema`; it lists
 * exactly the documents whose estimated page exceeds content/atlas.json's `documentPageBytes`, and
 * every paragraph of such a document is in exactly one of its parts.
 *
 * Each body is read from its MDX as HTML (src/lib/mdx-body-html.ts), as a large site renders it
 * and, element for element, as the MDX rendering of a full site is (tests/quality/large-site.test.ts),
 * with the tools its page adds, so a full and a large site cut a document in the same places.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atlasSettingsSchema } from '../src/schemas/corpus.ts';
import { documentSchema, type DocumentEntry } from '../src/schemas/document.ts';
import { headingSchema, type Heading } from '../src/schemas/heading.ts';
import { paragraphSchema, type Paragraph } from '../src/schemas/paragraph.ts';
import { readDocumentBodyHtml } from '../src/lib/mdx-body-html.ts';
import { documentBodyHtml } from '../src/lib/paragraph-tools.ts';
import { headingText, tocEntries } from '../src/lib/toc.ts';
import { DOCUMENT_PARTS_FILE, documentPartsSchema, parseBody, partUrl, splitDocument, type DocumentParts } from '../src/lib/document-parts.ts';

/** Estimated bytes of a document's contents on a part page (each entry a link into a part). */
export function contentsBytes(doc: string, entries: Pick<Heading, 'anchor' | 'label' | 'title'>[]): number {
  const href = Buffer.byteLength(partUrl(doc, 99));
  return entries.reduce((n, e) => n + 40 + href + Buffer.byteLength(e.anchor) + Buffer.byteLength(headingText(e)) * 1.1, 0);
}

async function readList<T>(file: string, parse: (x: unknown) => T): Promise<T[]> {
  if (!existsSync(file)) return [];
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a JSON array; run the ingest again`);
  return raw.map(parse);
}

/** The parts of every document of the ingest output in `generated` over `budget` bytes. */
export async function decideDocumentParts(generated: string, budget: number): Promise<DocumentParts> {
  const documents: DocumentEntry[] = await readList(join(generated, 'registry/documents.json'), (x) => documentSchema.parse(x));
  const out: DocumentParts = { budget, documents: {} };
  for (const doc of [...documents].sort((a, b) => a.id.localeCompare(b.id))) {
    const rendered = readDocumentBodyHtml(doc.id, generated);
    if (rendered === null) continue;
    const paragraphs: Paragraph[] = await readList(join(generated, 'paragraphs', `${doc.id}.json`), (x) => paragraphSchema.parse(x));
    const headings: Heading[] = await readList(join(generated, 'headings', `${doc.id}.json`), (x) => headingSchema.parse(x));
    const { html } = documentBodyHtml(rendered, paragraphs, doc);
    const split = splitDocument({ body: parseBody(html), contentsBytes: Math.round(contentsBytes(doc.id, tocEntries(headings, paragraphs))), budget });
    if (!split) continue;
    const placed = split.parts.flatMap((p) => p.paragraphs);
    if (placed.length !== paragraphs.length || new Set(placed).size !== placed.length)
      throw new Error(`${join(generated, 'documents', `${doc.id}.mdx`)}: ${placed.length} paragraphs placed in parts for ${paragraphs.length} paragraphs; run the ingest again`);
    out.documents[doc.id] = split;
  }
  return documentPartsSchema.parse(out);
}

/** Decides the parts for the ingest output in `generated` (budget from `<content>/atlas.json`) and writes them there. */
export async function writeDocumentParts(generated: string, content: string): Promise<DocumentParts> {
  const settingsFile = join(content, 'atlas.json');
  const raw: unknown = existsSync(settingsFile) ? JSON.parse(await readFile(settingsFile, 'utf8')) : {};
  const parsed = atlasSettingsSchema.partial({ defaultCorpus: true }).safeParse(raw);
  if (!parsed.success) throw new Error(`${settingsFile}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}; correct the setting`);
  const parts = await decideDocumentParts(generated, parsed.data.documentPageBytes);
  await writeFile(join(generated, DOCUMENT_PARTS_FILE), `${JSON.stringify(parts, null, 1)}\n`);
  return parts;
}
