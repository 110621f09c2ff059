/**
 * A whole project copy whose default corpus is one short report (tests/fixtures/mini-corpus), so the
 * build entry point itself can be run, broken and run again in seconds. Everything else (code,
 * shared vocabularies, the other corpora) is the project's own.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createWorkspace, scriptSteps } from '../../../scripts/bench/workspace.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURE = join(ROOT, 'tests/fixtures/mini-corpus/mini-report.txt');

/** The mini corpus's one document id. */
export const MINI_DOC = 'mini-report';

/** Output of one command run in a workspace. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a shell command in `cwd` as npm would (node_modules/.bin first on PATH). */
export function runIn(cwd: string, command: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync('sh', ['-c', command], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PATH: `${join(cwd, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the package.json `build` script (the one build entry point) in `cwd`, `args` appended. */
export function buildIn(cwd: string, env: Record<string, string> = {}, args: string[] = []): RunResult {
  return runIn(cwd, [...scriptSteps(cwd, 'build'), ...args].join(' '), { SITE_URL: '', ...env });
}

/** Name of the mini corpus under content/corpora/. */
export const MINI_CORPUS = 'mini';

/**
 * Creates the mini project at `dir` from `from` (the test run's snapshot, or the working tree): a
 * corpus `mini` (content/corpora/mini/) holding the fixture only, its registry entry derived from
 * the default corpus's first national report, no errata or table specs, its link manifest recorded
 * (`--update-manifest`); content/atlas.json makes it the default corpus. Returns `dir`.
 */
export async function createMiniSite(from: string, dir: string): Promise<string> {
  const ws = await createWorkspace(from, dir);
  const content = join(ws, 'content');
  const settings = JSON.parse(readFileSync(join(content, 'atlas.json'), 'utf8')) as { defaultCorpus: string };
  const docs = JSON.parse(readFileSync(join(content, 'corpora', settings.defaultCorpus, 'registry/documents.json'), 'utf8')) as Array<Record<string, unknown>>;
  const template = docs.find((d) => d.type === 'national-report');
  if (!template) throw new Error(`content/corpora/${settings.defaultCorpus}/registry/documents.json has no national report to derive the mini document from`);
  const corpus = join(content, 'corpora', MINI_CORPUS);
  for (const sub of ['sources', 'registry', 'manifest']) mkdirSync(join(corpus, sub), { recursive: true });
  copyFileSync(FIXTURE, join(corpus, 'sources/mini-report.txt'));
  const entry: Record<string, unknown> = {
    ...template,
    id: MINI_DOC,
    symbol: 'A/HRC/WG.6/7/ISL/2',
    title: 'Mini report: a corpus of one short document for tests of the build',
    shortTitle: 'Mini report',
    state: { code: 'ISL', name: 'Iceland' },
    related: [],
    source: 'mini-report.txt',
    sourceSha256: createHash('sha256').update(readFileSync(FIXTURE)).digest('hex'),
    sourceNote: 'Test fixture (tests/fixtures/mini-corpus).',
    layout: { numbering: 'global', splicedFootnotes: false },
  };
  delete entry.replaces;
  writeFileSync(join(corpus, 'registry/documents.json'), `${JSON.stringify([entry], null, 2)}\n`);
  writeFileSync(join(corpus, 'manifest/retired.json'), '[]\n');
  writeFileSync(join(content, 'atlas.json'), `${JSON.stringify({ ...settings, defaultCorpus: MINI_CORPUS })}\n`);
  const recorded = runIn(ws, 'node scripts/ingest.ts --update-manifest --quiet');
  if (recorded.status !== 0) throw new Error(`recording the mini corpus's manifest failed:\n${recorded.stdout}${recorded.stderr}`);
  return ws;
}
