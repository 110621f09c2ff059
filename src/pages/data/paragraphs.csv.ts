import type { APIRoute } from 'astro';
import { datasetInput } from '../../lib/dataset-data.ts';
import { paragraphRecords, paragraphsCsv } from '../../lib/dataset.ts';

/** dist/data/paragraphs.csv: the paragraphs as RFC 4180 CSV. */
export const GET: APIRoute = async () => {
  const { documents, paragraphs } = await datasetInput();
  return new Response(paragraphsCsv(paragraphRecords(documents, paragraphs)));
};
