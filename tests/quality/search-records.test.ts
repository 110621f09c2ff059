/**
 * The search records are built from the ingest's data (src/lib/search-record-html.ts), not read
 * from the paragraph pages; on a full site those pages still carry the same record in their
 * `data-pagefind-body` region. This indexes the built paragraph (and recommendation) pages the way
 * Pagefind read them before and checks that every record — URL, text, filters, metadata, sort key, word positions and
 * weights — is the one the build wrote from data, so the two cannot drift apart unnoticed.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { EXCLUDED_FROM_TEXT, RECOMMENDATION_PAGES } from '../../scripts/postbuild.ts';
import { builtDist } from './lib/built-site.ts';

/** Every record of a Pagefind bundle (its fragment files, one record each on a full site), by URL. */
async function records(bundle: string): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const name of await readdir(join(bundle, 'fragment'))) {
    const raw = gunzipSync(await readFile(join(bundle, 'fragment', name))).toString('utf8');
    const record = JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string };
    out.set(record.url, record);
  }
  return out;
}

let scratch = '';
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('search records built from data', () => {
  it('are the records Pagefind reads from the paragraph pages, one for one', async () => {
    const dist = builtDist();
    scratch = await mkdtemp(join(tmpdir(), 'atlas-records-'));
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: EXCLUDED_FROM_TEXT });
      if (!index) throw new Error(errors.join('; '));
      for (const glob of ['documents/*/*/index.html', RECOMMENDATION_PAGES]) {
        const added = await index.addDirectory({ path: dist, glob });
        expect(added.errors).toEqual([]);
      }
      await index.writeFiles({ outputPath: join(scratch, 'pagefind') });
    } finally {
      await pagefind.close();
    }
    const fromPages = await records(join(scratch, 'pagefind'));
    const fromData = await records(join(dist, 'pagefind'));
    expect(fromData.size).toBeGreaterThan(0);
    expect([...fromData.keys()].sort()).toEqual([...fromPages.keys()].sort());
    const differing = [...fromData].filter(([url, record]) => JSON.stringify(record) !== JSON.stringify(fromPages.get(url))).map(([url]) => url);
    expect(differing).toEqual([]);
  });
});
