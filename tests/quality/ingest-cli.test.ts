/**
 * The ingest CLI on bad input: exit code 1, exactly one message line naming the file (and line),
 * no stack trace, and no partial output — the previous generated content stays as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusDir, DEFAULT_CORPUS } from '../corpora.ts';

const SLOW = 60_000;

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let content: string;
let out: string;

/** Copies the committed content (shared registry, corpora) into a scratch directory. */
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  content = join(dir, 'content');
  out = join(dir, 'generated');
  cpSync(join(ROOT, 'content'), content, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'content/generated')) });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'sentinel.txt'), 'previous build');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function ingest() {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/ingest.ts'), '--content', content, '--out', out, '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '') };
}

/** Rewrites a registry entry's hash to match an edited source, so the edit itself is what is tested. */
function rehash(source: string) {
  const registry = join(corpusDir(DEFAULT_CORPUS, dir).registry, 'documents.json');
  const docs = JSON.parse(readFileSync(registry, 'utf8')) as Array<{ source: string; sourceSha256: string }>;
  for (const d of docs) if (d.source === source) d.sourceSha256 = createHash('sha256').update(readFileSync(join(corpusDir(DEFAULT_CORPUS, dir).sources, source))).digest('hex');
  writeFileSync(registry, JSON.stringify(docs, null, 2));
}

function expectCleanFailure(r: ReturnType<typeof ingest>, pattern: RegExp) {
  expect(r.status).toBe(1);
  expect(r.lines, r.lines.join('\n')).toHaveLength(1);
  expect(r.lines[0]).toMatch(pattern);
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at /m);
  expect(readFileSync(join(out, 'sentinel.txt'), 'utf8')).toBe('previous build');
  expect(existsSync(join(out, 'paragraphs'))).toBe(false);
  expect(existsSync(`${out}.tmp`)).toBe(false);
}

describe('ingest CLI on bad input', () => {
  it('stops on an edited source with one line naming the file and the hash mismatch, keeping the previous output', () => {
    writeFileSync(join(content, 'corpora/kazakhstan/sources/kaz-upr4-un-compilation.txt'), 'tampered\n', { flag: 'a' });
    expectCleanFailure(ingest(), /content\/corpora\/kazakhstan\/sources\/kaz-upr4-un-compilation\.txt: SHA-256 is [0-9a-f]{64}, registry says/);
  }, SLOW);

  it('stops on a registry that is not JSON with one line naming the registry file', () => {
    writeFileSync(join(content, 'corpora/kazakhstan/registry/documents.json'), '[{"id": ');
    expectCleanFailure(ingest(), /registry\/documents\.json: not valid JSON/);
  }, SLOW);

  it('stops on an empty source with one line naming the file', () => {
    writeFileSync(join(content, 'corpora/kazakhstan/sources/kaz-upr2-national-report.txt'), '');
    rehash('kaz-upr2-national-report.txt');
    expectCleanFailure(ingest(), /content\/corpora\/kazakhstan\/sources\/kaz-upr2-national-report\.txt(:\d+)?: /);
  }, SLOW);

  it('stops on a paragraph number printed twice with one line naming the file and its line', () => {
    const file = join(content, 'corpora/kazakhstan/sources/kaz-upr2-national-report.txt');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => /^5\. The present report/.test(l));
    expect(at).toBeGreaterThan(0);
    lines[at] = (lines[at] as string).replace(/^5\./, '4.');
    writeFileSync(file, lines.join('\n'));
    rehash('kaz-upr2-national-report.txt');
    expectCleanFailure(ingest(), new RegExp(`content/corpora/kazakhstan/sources/kaz-upr2-national-report\\.txt:${at + 1}: `));
  }, SLOW);

  it('writes the generated content when the input is good (the failures above are not environmental)', () => {
    const r = ingest();
    expect(r.status, r.lines.join('\n')).toBe(0);
    expect(existsSync(join(out, 'paragraphs/upr2-national-report.json'))).toBe(true);
    expect(existsSync(join(out, 'sentinel.txt'))).toBe(false);
  }, SLOW);
});
