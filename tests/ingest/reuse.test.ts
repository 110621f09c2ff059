/**
 * Incremental ingest (scripts/ingest/reuse.ts): a document whose inputs did not change since the
 * last ingest into the same folder is copied from it, byte for byte; one whose errata changed is
 * parsed again; an output without its keys file is never trusted.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir, DEFAULT_CORPUS } from '../corpora.ts';
import { codeFingerprint, documentKey } from '../../scripts/ingest/reuse.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-reuse-'));
cpSync('content/registry', join(root, 'registry'), { recursive: true });
cpSync('content/atlas.json', join(root, 'atlas.json'));
cpSync(corpusDir().dir, join(root, 'corpora', DEFAULT_CORPUS), { recursive: true });
const out = join(root, 'generated');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function ingest(): string {
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', '--content', root, '--out', out], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return /\((\d+) unchanged, taken from the last ingest\)/.exec(r.stdout)?.[1] ?? 'none';
}

/** Every file of the output with its bytes, by relative path. */
function snapshot(): Map<string, string> {
  return new Map(
    readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(out, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

describe('incremental ingest', () => {
  it('parses every document the first time and none the second, writing the same bytes', () => {
    expect(ingest()).toBe('0');
    const first = snapshot();
    const count = JSON.parse(readFileSync(join(root, 'corpora', DEFAULT_CORPUS, 'registry/documents.json'), 'utf8')).length as number;
    expect(ingest()).toBe(String(count));
    expect(snapshot()).toEqual(first);
  });

  it('parses again the document whose errata changed, and that one only', () => {
    const errataFile = join(root, 'corpora', DEFAULT_CORPUS, 'registry/errata.json');
    const errata = JSON.parse(readFileSync(errataFile, 'utf8')) as Array<{ document: string; note?: string }>;
    const count = JSON.parse(readFileSync(join(root, 'corpora', DEFAULT_CORPUS, 'registry/documents.json'), 'utf8')).length as number;
    errata[0]!.note = `${errata[0]!.note ?? ''} (reviewed again)`;
    writeFileSync(errataFile, JSON.stringify(errata, null, 1));
    expect(ingest()).toBe(String(count - 1));
  });

  it('trusts no earlier output without its keys', () => {
    rmSync(join(out, 'ingest-keys.json'));
    expect(ingest()).toBe('0');
  });
});

describe('documentKey', () => {
  it('changes with the code, the inputs or the text', () => {
    const code = codeFingerprint(process.cwd());
    const base = documentKey(code, 'text', { document: { id: 'a' } });
    expect(documentKey(code, 'text', { document: { id: 'a' } })).toBe(base);
    expect(documentKey(`${code}x`, 'text', { document: { id: 'a' } })).not.toBe(base);
    expect(documentKey(code, 'text', { document: { id: 'b' } })).not.toBe(base);
    expect(documentKey(code, 'text.', { document: { id: 'a' } })).not.toBe(base);
  });
});
