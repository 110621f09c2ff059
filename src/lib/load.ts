/**
 * Loads the content collections (registries) and the ingest's per-document data
 * (src/lib/generated-data.ts) once per build and returns the indexed atlas.
 */
import { getCollection, type CollectionKey } from 'astro:content';
import { buildAtlas, type Atlas } from './atlas.ts';
import { generatedData } from './generated-data.ts';
import type { Corpus } from '../schemas/corpus.ts';

let cached: Promise<Atlas> | null = null;

/** The atlas of this build (memoised: every page shares one). */
export function loadAtlas(): Promise<Atlas> {
  cached ??= (async () => {
    const data = async <T>(name: CollectionKey) =>
      (await getCollection(name)).map((e) => e.data as T);
    return buildAtlas({
      corpus: (await data<Corpus & { id: string }>('corpus'))[0],
      documents: await data('documents'),
      cycles: await data('cycles'),
      rights: await data('rights'),
      bodies: await data('bodies'),
      paragraphs: generatedData('paragraphs'),
      footnotes: generatedData('footnotes'),
      headings: generatedData('headings'),
      reports: generatedData('reports'),
    });
  })();
  return cached;
}
