import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { Paragraph } from '../../schemas/paragraph.ts';
import { buildSearchRecord } from '../../scripts/search-record.ts';
import { registries } from '../../scripts/search-registries.ts';
import { countWords, vocabularyText } from '../../scripts/search-typo.ts';

/**
 * dist/search/vocabulary.txt: every word the search records hold (paragraph text and index
 * terms), most frequent first. The search page fetches it only when a query word is missing,
 * to name the closest word the library does contain.
 */
export const GET: APIRoute = async () => {
  const paragraphs = (await getCollection('paragraphs')).map((entry) => entry.data as Paragraph);
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    countWords([paragraph.text, ...buildSearchRecord(paragraph, registries).terms], counts);
  }
  return new Response(vocabularyText(counts));
};
