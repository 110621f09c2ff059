import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A private copy of content/ (registry, sources, manifest) to break on purpose. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  for (const sub of ['registry', 'sources', 'manifest']) cpSync(join('content', sub), join(dir, sub), { recursive: true });
  return dir;
}
function ingest(dir: string) {
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', '--content', dir, '--out', join(dir, 'generated'), '--quiet'], { encoding: 'utf8' });
  return { status: r.status, err: r.stderr.trim(), wrote: existsSync(join(dir, 'generated')) };
}

describe('ingest CLI on broken registries and sources', () => {
  it('stops on a missing source, naming the path', () => {
    const dir = contentCopy();
    rmSync(join(dir, 'sources/kaz-upr4-un-compilation.txt'));
    const r = ingest(dir);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^error: .*sources\/kaz-upr4-un-compilation\.txt: source for document "upr4-un-compilation" is missing/);
    expect(r.wrote).toBe(false);
  });
  it('stops on an unknown source that no registry entry describes', () => {
    const dir = contentCopy();
    writeFileSync(join(dir, 'sources/stray.txt'), '1. A paragraph.\n');
    const r = ingest(dir);
    expect(r.err).toMatch(/sources\/stray\.txt: unknown source: no entry in registry\/documents\.json has "source": "stray\.txt"/);
  });
  it('stops on a registry entry that breaks the schema, naming the file, line and field', () => {
    const dir = contentCopy();
    const file = join(dir, 'registry/documents.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"cycle": "upr-2"', '"cycle": "upr-3"'));
    const r = ingest(dir);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/registry\/documents\.json:\d+: entry 3 field "cycle": .*correct the registry entry/);
  });
  it('stops on an erratum for a document that does not exist', () => {
    const dir = contentCopy();
    const file = join(dir, 'registry/errata.json');
    const errata = JSON.parse(readFileSync(file, 'utf8'));
    errata.push({ document: 'nope', printed: 'x', correction: 'y', kind: 'ocr-character' });
    writeFileSync(file, JSON.stringify(errata));
    expect(ingest(dir).err).toMatch(/errata\.json: erratum for unknown document "nope"/);
  });
  it('prints one line and no stack trace', () => {
    const dir = contentCopy();
    rmSync(join(dir, 'registry/tables.json'));
    writeFileSync(join(dir, 'registry/documents.json'), '{ not json');
    const r = ingest(dir);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
