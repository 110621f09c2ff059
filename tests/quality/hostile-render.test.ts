/**
 * Hostile text renders literally through the real pipeline and the real Astro build: the fixture
 * tests/fixtures/hostile/hostile-report.txt is added to the corpus as one more document, the whole
 * site is built, and every paragraph of it must read on the built pages exactly as the ingest
 * extracted it — with the hostile fragments intact — and bring no script, handler or link.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Parser, StaticConfigLoader } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, runBuild } from '../../scripts/bench/workspace.ts';
import { builtSnapshot } from './lib/built-site.ts';
import { ownOrigin } from './lib/own-origin.ts';
import { crawl, cspViolations, parseCsp, type Site, thirdPartyReferences } from './lib/crawl.ts';
import { corpusDir, DEFAULT_CORPUS } from '../corpora.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/hostile/hostile-report.txt');
const ID = 'hostile-fixture';

/** Fragments that must survive ingest and rendering verbatim. */
const FRAGMENTS = [
  '<script>alert("owned")</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '{props.x}',
  '{/* comment */}',
  '${template}',
  'import evil from "./evil.js";',
  'export default function Owned() {}',
  '<Component prop={one} />',
  '</section></div>',
  '<!-- comment -->',
  '*emphasis* _underscore_ ~strike~ **strong** `code`',
  '[link](https://evil.example/)',
  '<https://auto.example/>',
  '&amp; &lt;b&gt; &#60;script&#62; &copy;',
  'backslash \\* and a pipe |',
  '# not a heading',
  '> not a quote',
  '| not | a table |',
];

/** Decodes the character references an HTML serializer emits. */
function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return named[e.toLowerCase()] ?? m;
  });
}
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

let base: string;
let dist: string;
let paragraphs: Array<{ anchor: string; text: string }>;
let site: Site;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'atlas-hostile-'));
  const ws = await createWorkspace(builtSnapshot() || ROOT, join(base, 'site'));
  const corpus = corpusDir(DEFAULT_CORPUS, ws);
  copyFileSync(FIXTURE, join(corpus.sources, 'hostile-fixture.txt'));
  const registry = join(corpus.registry, 'documents.json');
  const docs = JSON.parse(readFileSync(registry, 'utf8')) as Array<Record<string, unknown>>;
  const template = docs.find((d) => d.type === 'national-report') as Record<string, unknown>;
  docs.push({
    ...template,
    id: ID,
    symbol: 'A/HRC/WG.6/99/XYZ/1',
    title: 'Hostile fixture: text that markup languages would interpret',
    shortTitle: 'Hostile fixture',
    related: [],
    source: 'hostile-fixture.txt',
    sourceSha256: createHash('sha256').update(readFileSync(FIXTURE)).digest('hex'),
    sourceNote: 'Test fixture (tests/fixtures/hostile).',
    layout: { numbering: 'global', splicedFootnotes: false },
    answers: null,
  });
  writeFileSync(registry, JSON.stringify(docs, null, 2));
  // A new document publishes links nobody recorded yet: record them, as its author would.
  await runBuild(ws, { args: ['--update-manifest'], env: { SITE_URL: '' } });
  dist = join(ws, 'dist');
  paragraphs = JSON.parse(readFileSync(join(ws, 'content/generated/paragraphs', `${ID}.json`), 'utf8'));
  site = await crawl(dist);
}, 900_000);

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe('hostile text through the real build', () => {
  it('ingests all seven hostile paragraphs under their printed numbers', () => {
    expect(paragraphs.map((p) => p.anchor)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
  });

  it.each(FRAGMENTS)('keeps %s verbatim in the extracted text', (fragment) => {
    expect(paragraphs.map((p) => p.text).join('\n')).toContain(fragment);
  });

  it('renders every paragraph on the document page exactly as extracted', async () => {
    const html = readFileSync(join(dist, 'documents', ID, 'index.html'), 'utf8');
    const root = new Parser(await new StaticConfigLoader().getConfigFor('x.html')).parseHtml(html);
    const rendered = paragraphs.map((p) => {
      const text = root.querySelector(`#${p.anchor} .ptext`)?.textContent ?? '(missing)';
      return norm(decodeEntities(text));
    });
    expect(rendered).toEqual(paragraphs.map((p) => norm(p.text)));
  });

  it('renders every paragraph on its own page exactly as extracted', async () => {
    const missing: string[] = [];
    for (const p of paragraphs) {
      const html = readFileSync(join(dist, 'documents', ID, p.anchor, 'index.html'), 'utf8');
      const root = new Parser(await new StaticConfigLoader().getConfigFor('x.html')).parseHtml(html);
      const body = norm(decodeEntities(root.querySelector('main')?.textContent ?? ''));
      if (!body.includes(norm(p.text))) missing.push(`${p.anchor}: "${norm(p.text).slice(0, 80)}" not found in the page text`);
    }
    expect(missing).toEqual([]);
  });

  it('brings no inline script, event handler or off-site link into the pages that show it', () => {
    const pages = [...site.pages.values()].filter((p) => p.url.startsWith(`/documents/${ID}/`));
    expect(pages.length).toBe(paragraphs.length + 1);
    const only: Site = { files: site.files, pages: new Map(pages.map((p) => [p.url, p])) };
    expect(cspViolations(only, parseCsp("script-src 'self'; style-src 'self'"))).toEqual([]);
    expect(thirdPartyReferences(only, { ownOrigin: ownOrigin(dist) })).toEqual([]);
    for (const page of pages) {
      expect(page.refs.filter((r) => r.tag === 'script').every((r) => r.value.startsWith('/'))).toBe(true);
      expect(page.refs.filter((r) => r.tag === 'img')).toEqual([]);
    }
  });
});
