/**
 * The manifest guard (scripts/manifest-guard.ts): an entry of the link manifest can only leave by
 * retirement. Scenarios run in throw-away git repositories (entry removed, file emptied, file
 * missing, committed or not, on main, on a branch, in a shallow clone); the last test runs the
 * guard on this project itself, which is what fails CI when the manifest lost an entry.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../scripts/ingest/manifest.ts';
import { guardAll, manifestLosses } from '../../scripts/manifest-guard.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const entry = (anchor: string, opening = `Paragraph ${anchor} opens here`): ManifestEntry => ({
  url: `/documents/doc-a/#${anchor}`,
  document: 'doc-a',
  anchor,
  number: anchor.slice(1),
  section: null,
  opening,
});
const three = [entry('p1'), entry('p2'), entry('p3')];
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function git(repo: string, ...args: string[]): string {
  const r = spawnSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Writes the manifest files of `repo` (null deletes the file). */
function write(repo: string, anchors: ManifestEntry[] | string | null, retired: unknown[] = []): void {
  mkdirSync(join(repo, 'content/manifest'), { recursive: true });
  const file = join(repo, 'content/manifest/anchors.json');
  if (anchors === null) rmSync(file, { force: true });
  else writeFileSync(file, typeof anchors === 'string' ? anchors : JSON.stringify(anchors, null, 1));
  writeFileSync(join(repo, 'content/manifest/retired.json'), JSON.stringify(retired));
}

function commit(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--allow-empty', '-m', message);
}

/** A repository on main with two commits, the manifest recording p1–p3 since the first. */
function repoOnMain(): string {
  const repo = mkdtempSync(join(tmpdir(), 'atlas-guard-'));
  dirs.push(repo);
  git(repo, 'init', '-q', '-b', 'main');
  write(repo, three);
  commit(repo, 'publish p1-p3');
  writeFileSync(join(repo, 'README'), 'x');
  commit(repo, 'unrelated');
  return repo;
}

const guard = (repo: string, env: NodeJS.ProcessEnv = {}) => guardAll(repo, join(repo, 'content'), env);

describe('manifest losses (pure)', () => {
  it('reports a removed entry, a changed entry and a removed retirement; accepts additions and retirements', () => {
    const retired = [{ url: '/documents/doc-a/#p2', to: '/documents/doc-a/#fn-1' }];
    expect(manifestLosses({ anchors: three, retired: [] }, { anchors: [...three, entry('p4')], retired: [] })).toEqual([]);
    expect(manifestLosses({ anchors: three, retired: [] }, { anchors: [three[0]!, three[2]!], retired })).toEqual([]);
    expect(manifestLosses({ anchors: three, retired: [] }, { anchors: [three[0]!, three[2]!], retired: [] })).toEqual([
      '/documents/doc-a/#p2 (paragraph 2) was removed from anchors.json',
    ]);
    expect(manifestLosses({ anchors: three, retired: [] }, { anchors: [three[0]!, entry('p2', 'Other words'), three[2]!], retired: [] })).toEqual([
      '/documents/doc-a/#p2 was changed in anchors.json (it recorded "Paragraph p2 opens here", now "Other words")',
    ]);
    expect(manifestLosses({ anchors: three, retired }, { anchors: three, retired: [] })).toEqual(['/documents/doc-a/#p2 was removed from retired.json']);
  });
});

describe('recommendation pages (pure)', () => {
  const recs = [
    { url: '/recommendations/upr-2/115-1/', key: 'upr-2/115.1', opening: 'Ratify the Convention' },
    { url: '/recommendations/95-1/', movedTo: '/recommendations/upr-1/95-1/' },
  ];
  it('reports a removed recommendation page, one showing another recommendation, and a moved page whose redirect changed', () => {
    const base = { anchors: [], retired: [], recommendations: recs };
    expect(manifestLosses(base, { anchors: [], retired: [], recommendations: [...recs, { url: '/recommendations/upr-2/115-2/', key: 'upr-2/115.2', opening: 'x' }] })).toEqual([]);
    expect(manifestLosses(base, { anchors: [], retired: [], recommendations: [recs[1]] })).toEqual(['/recommendations/upr-2/115-1/ was removed from recommendations.json']);
    expect(manifestLosses(base, { anchors: [], retired: [], recommendations: [{ ...recs[0], key: 'upr-2/115.2' }, recs[1]] })).toEqual([
      '/recommendations/upr-2/115-1/ was changed in recommendations.json (it recorded "upr-2/115.1", now "upr-2/115.2")',
    ]);
    expect(manifestLosses(base, { anchors: [], retired: [], recommendations: [recs[0], { ...recs[1], movedTo: '/recommendations/upr-1/95-2/' }] })).toHaveLength(1);
  });
});

describe('manifest guard with git', () => {
  it('passes when nothing was lost, and says what it compared with', () => {
    const repo = repoOnMain();
    const r = guard(repo);
    expect(r.problems).toEqual([]);
    expect(r.notes.join('\n')).toMatch(/compared with main before the last commit \(\w+\): 3 recorded/);
    expect(r.notes.join('\n')).toMatch(/compared with HEAD \(\w+\): 3 recorded/);
  });

  it('fails for an entry removed in the working tree, or in the last commit on main', () => {
    const repo = repoOnMain();
    write(repo, [three[0]!, three[2]!]);
    const parent = git(repo, 'rev-parse', 'HEAD^').trim().slice(0, 12);
    const head = git(repo, 'rev-parse', 'HEAD').trim().slice(0, 12);
    expect(guard(repo).problems).toEqual([
      `/documents/doc-a/#p2 (paragraph 2) was removed from anchors.json (recorded in main before the last commit (${parent}))`,
      `/documents/doc-a/#p2 (paragraph 2) was removed from anchors.json (recorded in HEAD (${head}))`,
    ]);
    commit(repo, 'drop p2 with its erratum');
    expect(guard(repo).problems.join('\n')).toMatch(/#p2 \(paragraph 2\) was removed from anchors\.json \(recorded in main before the last commit/);
  });

  it('fails when the manifest file was emptied or deleted (committed)', () => {
    const emptied = repoOnMain();
    write(emptied, '');
    commit(emptied, 'empty it');
    const e = guard(emptied).problems;
    expect(e).toContain('content/manifest/anchors.json is empty');
    expect(e.filter((p) => p.includes('was removed from anchors.json'))).toHaveLength(3);
    const deleted = repoOnMain();
    write(deleted, null);
    commit(deleted, 'delete it');
    const d = guard(deleted).problems;
    expect(d.some((p) => /^content\/manifest\/anchors\.json is missing \(it is in main before the last commit/.test(p))).toBe(true);
    expect(d.filter((p) => p.includes('was removed from anchors.json'))).toHaveLength(3);
  });

  it('accepts a removal that retires the link', () => {
    const repo = repoOnMain();
    write(repo, [three[0]!, three[2]!], [{ url: '/documents/doc-a/#p2', to: '/documents/doc-a/#fn-1', reason: 'footnote text' }]);
    commit(repo, 'retire p2');
    expect(guard(repo).problems).toEqual([]);
  });

  it('compares a branch with its merge base, so an early commit on the branch cannot hide a loss', () => {
    const repo = repoOnMain();
    git(repo, 'checkout', '-q', '-b', 'feature');
    write(repo, [three[0]!, three[2]!]);
    commit(repo, 'drop p2');
    writeFileSync(join(repo, 'README'), 'y');
    commit(repo, 'later, unrelated');
    const r = guard(repo);
    expect(r.notes.join('\n')).toMatch(/compared with merge base with main/);
    expect(r.problems.join('\n')).toMatch(/#p2 \(paragraph 2\) was removed from anchors\.json \(recorded in merge base with main/);
  });

  it('uses ATLAS_MANIFEST_BASE when CI knows the last commit it passed', () => {
    const repo = repoOnMain();
    const published = git(repo, 'rev-parse', 'HEAD').trim();
    write(repo, [three[0]!, three[2]!]);
    commit(repo, 'drop p2');
    writeFileSync(join(repo, 'README'), 'z');
    commit(repo, 'later, unrelated');
    expect(guard(repo).problems).toEqual([]); // HEAD^ already lacks p2: only the known base shows it
    expect(guard(repo, { ATLAS_MANIFEST_BASE: published }).problems.join('\n')).toMatch(/#p2 .* \(recorded in ATLAS_MANIFEST_BASE/);
    // GitHub's `before` on a first push is all zeros: the usual choice applies.
    expect(guard(repo, { ATLAS_MANIFEST_BASE: '0'.repeat(40) }).notes.join('\n')).toMatch(/compared with main before the last commit/);
  });

  it('in a shallow clone falls back to HEAD against the working tree, and says so', () => {
    const origin = repoOnMain();
    const clone = mkdtempSync(join(tmpdir(), 'atlas-guard-shallow-'));
    dirs.push(clone);
    const r = spawnSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const clean = guard(clone);
    expect(clean.problems).toEqual([]);
    expect(clean.notes.join('\n')).toMatch(/shallow clone without the parent commit: compared the working tree with HEAD only/);
    write(clone, [three[0]!]);
    expect(guard(clone).problems).toHaveLength(2);
  });

  it('guards every corpus, and fails when a whole corpus was deleted', () => {
    const repo = mkdtempSync(join(tmpdir(), 'atlas-guard-corpora-'));
    dirs.push(repo);
    git(repo, 'init', '-q', '-b', 'main');
    for (const name of ['alpha', 'beta']) {
      mkdirSync(join(repo, 'content/corpora', name, 'manifest'), { recursive: true });
      const entries = three.map((e) => ({ ...e, document: name, url: e.url.replace('doc-a', name) }));
      writeFileSync(join(repo, 'content/corpora', name, 'manifest/anchors.json'), JSON.stringify(entries));
    }
    commit(repo, 'two corpora');
    writeFileSync(join(repo, 'README'), 'x');
    commit(repo, 'unrelated');
    expect(guardAll(repo, join(repo, 'content')).problems).toEqual([]);
    rmSync(join(repo, 'content/corpora/beta'), { recursive: true });
    const problems = guardAll(repo, join(repo, 'content')).problems;
    expect(problems.filter((p) => p.startsWith('content/corpora/beta/manifest/anchors.json is missing'))).toHaveLength(2);
    // Each corpus is a site of its own: losses name the corpus.
    expect(problems.filter((p) => p.startsWith('beta: /documents/beta/#p1 (paragraph 1) was removed'))).toHaveLength(2);
    expect(problems.some((p) => p.includes('/documents/alpha/'))).toBe(false);
  });

  it('lets the manifest files move (a new layout) as long as every entry is still recorded', () => {
    const repo = repoOnMain();
    mkdirSync(join(repo, 'content/corpora/main/manifest'), { recursive: true });
    git(repo, 'mv', 'content/manifest/anchors.json', 'content/corpora/main/manifest/anchors.json');
    git(repo, 'mv', 'content/manifest/retired.json', 'content/corpora/main/manifest/retired.json');
    commit(repo, 'corpora layout');
    expect(guard(repo).problems).toEqual([]);
  });

  it('compares corpora one by one: the same URL in two corpora is two links', () => {
    const repo = mkdtempSync(join(tmpdir(), 'atlas-guard-same-url-'));
    dirs.push(repo);
    git(repo, 'init', '-q', '-b', 'main');
    for (const [name, opening] of [['alpha', 'Alpha text'], ['beta', 'Beta text']]) {
      mkdirSync(join(repo, 'content/corpora', name, 'manifest'), { recursive: true });
      writeFileSync(join(repo, 'content/corpora', name, 'manifest/anchors.json'), JSON.stringify([entry('p1', opening)]));
    }
    commit(repo, 'two corpora with the same document id');
    writeFileSync(join(repo, 'README'), 'x');
    commit(repo, 'unrelated');
    expect(guardAll(repo, join(repo, 'content')).problems).toEqual([]);
    writeFileSync(join(repo, 'content/corpora/beta/manifest/anchors.json'), JSON.stringify([entry('p1', 'Alpha text')]));
    expect(guardAll(repo, join(repo, 'content')).problems[0]).toMatch(/^beta: \/documents\/doc-a\/#p1 was changed in anchors\.json/);
  });

  it('finds nothing lost in any corpus of this project (fails CI when a manifest lost an entry)', () => {
    const r = guardAll(ROOT, join(ROOT, 'content'));
    expect(r.notes.some((n) => /^compared with .*: [1-9]\d* recorded/.test(n))).toBe(true);
    expect(r.problems).toEqual([]);
  });
});
