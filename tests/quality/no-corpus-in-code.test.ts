/**
 * Nothing in code names a State, a UN symbol or a document of a corpus: all of that is data. Built from the
 * corpora themselves, so a corpus added later is checked too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusNames, loadedCorpus, ROOT } from '../corpora.ts';

function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|astro|css)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('code names no corpus', () => {
  const files = [...codeFiles('scripts'), ...codeFiles('src')];
  const words = new Set<string>();
  const codes = new Set<string>();
  for (const name of corpusNames()) {
    const c = loadedCorpus(name);
    for (const d of c.documents) {
      words.add(d.state.name);
      codes.add(d.state.code);
      if (d.symbol) words.add(d.symbol);
      words.add(d.sourceSha256);
    }
  }
  it('finds no State name, document symbol or outcome-report symbol of any corpus in scripts/ or src/', () => {
    const hits: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const w of words) if (text.includes(w)) hits.push(`${f}: ${w}`);
      // Outcome reports cited but not in a corpus, and the States' three-letter codes as symbols print them.
      for (const m of text.matchAll(new RegExp(`A/HRC/\\d+/\\d+|/(?:${[...codes].join('|')})/`, 'g'))) hits.push(`${f}: ${m[0]}`);
    }
    expect(hits).toEqual([]);
  });
});
