import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dirs.ts';
import { corpusDir, DEFAULT_CORPUS } from '../corpora.ts';

/** A private copy of content/ (shared registry, atlas.json, the default corpus) to break on purpose; returns the corpus folder. */
let root = '';
function contentCopy(): string {
  root = tempDir('atlas-cli-');
  cpSync('content/registry', join(root, 'registry'), { recursive: true });
  cpSync('content/atlas.json', join(root, 'atlas.json'));
  cpSync(corpusDir().dir, join(root, 'corpora', DEFAULT_CORPUS), { recursive: true });
  return join(root, 'corpora', DEFAULT_CORPUS);
}
function ingest(_dir: string) {
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', '--content', root, '--out', join(root, 'generated'), '--quiet'], { encoding: 'utf8' });
  return { status: r.status, err: r.stderr.trim(), wrote: existsSync(join(root, 'generated')) };
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
    expect(r.err).toMatch(/sources\/stray\.txt: unknown source: no entry in .*registry\/documents\.json has "source": "stray\.txt"/);
  });
  it('stops on a registry entry that breaks the schema, naming the file, line and field', () => {
    const dir = contentCopy();
    const file = join(dir, 'registry/documents.json');
    const text = readFileSync(file, 'utf8');
    const third = text.indexOf('"type": "national-report"', text.indexOf('"id": "upr2-national-report"'));
    writeFileSync(file, text.slice(0, third) + '"type": "national-reprot"' + text.slice(third + '"type": "national-report"'.length));
    const r = ingest(dir);
    expect(r.status).toBe(1);
    const line = text.slice(0, third).split('\n').length;
    expect(r.err).toMatch(new RegExp(`registry/documents\\.json:${line}: entry 3 \\("upr2-national-report"\\) field "type": .*"national-report".*correct the registry entry`));
  });
  it('stops on an erratum for a document that does not exist', () => {
    const dir = contentCopy();
    const file = join(dir, 'registry/errata.json');
    const errata = JSON.parse(readFileSync(file, 'utf8'));
    errata.push({ document: 'nope', printed: 'x', correction: 'y', kind: 'ocr-character' });
    writeFileSync(file, JSON.stringify(errata));
    expect(ingest(dir).err).toMatch(/errata\.json:\d+: entry for unknown document "nope"; use an id from/);
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

describe('one State per corpus', () => {
  it('stops when a corpus mixes States, naming the entry and saying to use a corpus of its own', () => {
    const dir = contentCopy();
    const file = join(dir, 'registry/documents.json');
    const text = readFileSync(file, 'utf8');
    const at = text.lastIndexOf('"state": {"code": "KAZ", "name": "Kazakhstan"}');
    writeFileSync(file, text.slice(0, at) + '"state": {"code": "NOR", "name": "Norway"}' + text.slice(at + '"state": {"code": "KAZ", "name": "Kazakhstan"}'.length));
    const r = ingest(dir);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/registry\/documents\.json:\d+: document "[a-z0-9-]+" is about Norway, the corpus's first document about Kazakhstan: a corpus holds one State's reviews — add it to a corpus of its own/);
  });
});
