/** Data access for the dataset endpoints (kept apart so dataset.ts stays pure). */
import { getCollection } from 'astro:content';
import { generatedData } from './generated-data.ts';
import type { DocumentEntry } from '../schemas/document.ts';
import type { Paragraph } from '../schemas/paragraph.ts';
import type { Footnote } from '../schemas/footnote.ts';

/** Registry documents, paragraphs and footnotes of this build. */
export async function datasetInput(): Promise<{ documents: DocumentEntry[]; paragraphs: Paragraph[]; footnotes: Footnote[] }> {
  return {
    // Chronological, then by id: the order readers expect and the same bytes on every build.
    documents: (await getCollection('documents'))
      .map((e) => e.data as DocumentEntry)
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    paragraphs: generatedData('paragraphs') as Paragraph[],
    footnotes: generatedData('footnotes') as Footnote[],
  };
}
