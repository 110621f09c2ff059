import type { APIRoute } from 'astro';
import { loadRecommendations } from '../../lib/recommendations-data.ts';
import { recommendationRecords } from '../../lib/recommendations.ts';

/** dist/data/recommendations.json: one record per recommendation (schema in README.md, "Dataset"). */
export const GET: APIRoute = async () => new Response(JSON.stringify(recommendationRecords(await loadRecommendations()), null, 1) + '\n');
