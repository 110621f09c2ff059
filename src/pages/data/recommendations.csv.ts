import type { APIRoute } from 'astro';
import { loadRecommendations } from '../../lib/recommendations-data.ts';
import { recommendationRecords, recommendationsCsv } from '../../lib/recommendations.ts';

/** dist/data/recommendations.csv: the recommendation records as RFC 4180 CSV (lists joined with ";"). */
export const GET: APIRoute = async () => new Response(recommendationsCsv(recommendationRecords(await loadRecommendations())));
