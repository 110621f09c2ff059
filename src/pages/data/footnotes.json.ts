import type { APIRoute } from 'astro';
import { datasetInput } from '../../lib/dataset-data.ts';
import { footnoteRecords } from '../../lib/dataset.ts';

/** dist/data/footnotes.json: every footnote number, with text or null. */
export const GET: APIRoute = async () => {
  const { documents, footnotes } = await datasetInput();
  return new Response(JSON.stringify(footnoteRecords(documents, footnotes), null, 1) + '\n');
};
