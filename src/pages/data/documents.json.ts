import type { APIRoute } from 'astro';
import { datasetInput } from '../../lib/dataset-data.ts';

/** dist/data/documents.json: the registry entries, in registry order. */
export const GET: APIRoute = async () => new Response(JSON.stringify((await datasetInput()).documents, null, 1) + '\n');
