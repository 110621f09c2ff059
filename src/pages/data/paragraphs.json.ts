import type { APIRoute } from 'astro';
import { datasetInput } from '../../lib/dataset-data.ts';
import { paragraphDatasetUrls } from '../../lib/dataset-files.ts';
import { paragraphRecords } from '../../lib/dataset.ts';

/** dist/data/paragraphs.json: one record per paragraph. */
export const GET: APIRoute = async () => {
  // A large site publishes this file gzip-compressed only (scripts/dataset-gz.ts); no body, no file.
  if (paragraphDatasetUrls().compressed) return new Response(null);
  const { documents, paragraphs } = await datasetInput();
  return new Response(JSON.stringify(paragraphRecords(documents, paragraphs), null, 1) + '\n');
};
