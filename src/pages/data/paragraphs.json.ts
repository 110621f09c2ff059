import type { APIRoute } from 'astro';
import { datasetInput } from '../../lib/dataset-data.ts';
import { paragraphRecords } from '../../lib/dataset.ts';

/** dist/data/paragraphs.json: one record per paragraph. */
export const GET: APIRoute = async () => {
  const { documents, paragraphs } = await datasetInput();
  return new Response(JSON.stringify(paragraphRecords(documents, paragraphs), null, 1) + '\n');
};
