/**
 * The built site holds exactly one permanent page and one document-page anchor per paragraph,
 * and the pages link where the data says they should.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Paragraph } from '../../../src/schemas/paragraph.ts';

const dist = inject('atlasDist');
const data = join(dist, 'data', 'paragraphs.json');
/** The paragraphs the site was built from: the exported dataset, else the ingest output. */
function builtParagraphs(): Paragraph[] {
  if (existsSync(data)) return JSON.parse(readFileSync(data, 'utf8'));
  const dir = resolve(process.env.ATLAS_GENERATED ?? join(dist, '..', 'content', 'generated'), 'paragraphs');
  if (!existsSync(dir)) throw new Error(`neither ${data} nor ${dir} exists: build the site (npm run build) first`);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}
const paragraphs = builtParagraphs();
const docs = [...new Set(paragraphs.map((p) => p.document))];
const html = new Map(docs.map((d) => [d, readFileSync(join(dist, 'documents', d, 'index.html'), 'utf8')]));
const registered = JSON.parse(readFileSync(join(dist, 'data', 'documents.json'), 'utf8')) as Array<{ id: string; symbol: string | null; type: string }>;
/** The symbol the built site cites the cycle 4 compilation by (both corpora have one under this id). */
const COMPILATION = registered.find((d) => d.id === 'upr4-un-compilation')!.symbol!;

describe('paragraph pages and anchors', () => {
  it('has the whole corpus to check: every registered document with paragraphs, more than 1,000 paragraphs', () => {
    // The documents the build published (its resolved registry), whatever the corpus.
    const withText = registered.filter((d) => existsSync(join(dist, 'documents', d.id, 'index.html')));
    expect(paragraphs.length).toBeGreaterThan(1000);
    expect(withText.map((d) => d.id).sort()).toEqual(registered.map((d) => d.id).sort());
    expect(docs.every((d) => registered.some((r) => r.id === d))).toBe(true);
  });

  it('gives every paragraph exactly one anchor on its document page', () => {
    const problems: string[] = [];
    for (const p of paragraphs) {
      const page = html.get(p.document)!;
      const count = page.split(` id="${p.anchor}"`).length - 1;
      if (count !== 1) problems.push(`${p.id}: ${count} elements with id="${p.anchor}"`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every paragraph exactly one permanent page, and no page without a paragraph', () => {
    const expected = new Set(paragraphs.map((p) => `${p.document}/${p.anchor}`));
    const found = new Set<string>();
    for (const d of docs)
      for (const entry of readdirSync(join(dist, 'documents', d), { withFileTypes: true }))
        if (entry.isDirectory() && existsSync(join(dist, 'documents', d, entry.name, 'index.html'))) found.add(`${d}/${entry.name}`);
    expect([...expected].filter((x) => !found.has(x))).toEqual([]);
    expect([...found].filter((x) => !expected.has(x))).toEqual([]);
  });

  it('links each paragraph on its document page to its permanent page, whose citation the page can compose', () => {
    const p = paragraphs.find((x) => x.document === 'upr4-un-compilation' && x.number === '12')!;
    const page = html.get(p.document)!;
    // The permanent page, at its citation.
    expect(page).toContain(`<a class="cite-link" href="/documents/${p.document}/${p.anchor}/#cite-title" data-where="para. 12">`);
    expect(page).toContain(`data-cite-prefix="${COMPILATION}, "`);
    const permanent = readFileSync(join(dist, 'documents', p.document, p.anchor, 'index.html'), 'utf8');
    expect(permanent).toContain('<h2 id="cite-title"');
    expect(permanent).toContain(`${COMPILATION}, para. 12.`);
  });

  it.skipIf(!registered.some((d) => d.id === 'iccpr2-ngo-comments'))('cites the NGO report by title, article section and paragraph', () => {
    const page = readFileSync(join(dist, 'documents', 'iccpr2-ngo-comments', 'art7-p1', 'index.html'), 'utf8');
    expect(page).toContain(
      'Coalition of Kazakhstani non-governmental organizations, Comments on the Second Periodic Report of the Republic of Kazakhstan on the implementation of the International Covenant on Civil and Political Rights (2016), Article 7, para. 1.',
    );
  });

  it('indexes paragraph pages only: one data-pagefind-body per paragraph page, none on document pages', () => {
    for (const [d, page] of html) expect(page.includes('data-pagefind-body'), d).toBe(false);
    const sample = paragraphs.filter((_, i) => i % 97 === 0);
    for (const p of sample) {
      const page = readFileSync(join(dist, 'documents', p.document, p.anchor, 'index.html'), 'utf8');
      expect(page.split('data-pagefind-body').length - 1, p.id).toBe(1);
    }
  });

  it('needs no inline script or style (the CSP allows none)', () => {
    for (const [d, page] of html) {
      expect(page, d).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(page, d).not.toMatch(/<style[\s>]/);
      expect(page, d).not.toMatch(/\sstyle="/);
    }
  });
});
