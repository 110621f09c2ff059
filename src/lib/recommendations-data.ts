/**
 * Reads the recommendation step's output (content/generated/recommendations.json, or ATLAS_GENERATED) and the
 * shared State names, validated by their zod schemas, and joins them with the atlas once per build. Kept apart
 * from recommendations.ts so that module stays pure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { recommendationDataSchema } from '../schemas/recommendation.ts';
import { stateEntrySchema } from '../schemas/corpus.ts';
import { generatedDir } from './generated-dir.ts';
import { loadAtlas } from './load.ts';
import { buildRecommendationIndex, type RecommendationIndex } from './recommendations.ts';

let cached: Promise<RecommendationIndex> | null = null;

/** The recommendations of this build, indexed (memoised: every page shares one). */
export function loadRecommendations(): Promise<RecommendationIndex> {
  cached ??= (async () => {
    const file = path.join(generatedDir(), 'recommendations.json');
    if (!fs.existsSync(file)) throw new Error(`${file} does not exist: run \`npm run ingest\` first (or set ATLAS_GENERATED)`);
    const data = recommendationDataSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const states = z.array(stateEntrySchema).parse(JSON.parse(fs.readFileSync(path.resolve('content/registry/states.json'), 'utf8')));
    return buildRecommendationIndex(data, await loadAtlas(), states);
  })();
  return cached;
}
