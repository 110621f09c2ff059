/**
 * Published links never break: the link manifest (`<content>/manifest/anchors.json`) and the list
 * of retired links (`retired.json`) only ever grow. The build checks that every published
 * paragraph is recorded (scripts/ingest/manifest.ts); this guard checks, with git, that no
 * recorded entry was lost on the way, so that deleting an entry (with the paragraph or erratum
 * that made it) cannot pass.
 *
 * Baselines, compared with the working tree:
 * - ATLAS_MANIFEST_BASE=<rev> when set (e.g. the last commit CI passed, as a CI system knows it);
 * - on a branch other than main: the merge base with main (what the branch started from);
 * - on main: HEAD's first parent (main before the last commit);
 * - and always HEAD itself (uncommitted edits).
 * In a shallow clone without the parent commit, or without a main branch, only HEAD is compared —
 * the output says so (fetch the history, e.g. `fetch-depth: 0`, for the full check). Outside a git
 * checkout there is nothing to compare with, which is said too.
 *
 * Fails for: a baseline URL missing now and not retired now; a URL whose paragraph identity
 * (document, number, section, opening words) changed; a retired link that is no longer listed.
 * Retiring (retired.json) is the only way out.
 *
 * Usage: node scripts/manifest-guard.ts [--content DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ManifestEntry } from './ingest/manifest.ts';

/** One retired link as listed in retired.json (the fields this guard needs). */
export interface RetiredLink {
  url: string;
  to: string;
}

/** The two manifest files of one version of the content. */
export interface ManifestFiles {
  anchors: ManifestEntry[];
  retired: RetiredLink[];
}

/** The identity of a recorded paragraph: what the URL must keep pointing at. */
const identity = (e: ManifestEntry) => JSON.stringify([e.document, e.number, e.section, e.opening]);

/** What `now` lost or changed compared with `base`, one line per problem (empty when nothing). */
export function manifestLosses(base: ManifestFiles, now: ManifestFiles): string[] {
  const problems: string[] = [];
  const current = new Map(now.anchors.map((e) => [e.url, e]));
  const retired = new Set(now.retired.map((r) => r.url));
  for (const old of base.anchors) {
    const entry = current.get(old.url);
    if (!entry) {
      if (!retired.has(old.url)) problems.push(`${old.url} (paragraph ${old.number ?? old.anchor}) was removed from anchors.json`);
    } else if (identity(entry) !== identity(old)) {
      problems.push(`${old.url} was changed in anchors.json (it recorded "${old.opening}", now "${entry.opening}")`);
    }
  }
  for (const r of base.retired) if (!retired.has(r.url)) problems.push(`${r.url} was removed from retired.json`);
  return problems;
}

/** Parses one version of a manifest file; null when absent; throws on text that is not a JSON array. */
export function parseList<T>(text: string | null, what: string): T[] | null {
  if (text === null) return null;
  if (text.trim() === '') return [];
  const raw: unknown = JSON.parse(text);
  if (!Array.isArray(raw)) throw new Error(`${what}: not a JSON array`);
  return raw as T[];
}

/** Runs git in `repo`; stdout, or null when git fails (not a checkout, unknown revision). */
function git(repo: string, args: string[]): string | null {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : null;
}

/** A revision to compare with and why it was chosen. */
export interface Baseline {
  rev: string;
  label: string;
}

/** Chooses the baselines for `repo` (see the module comment); notes say what could not be compared. */
export function chooseBaselines(repo: string, env: NodeJS.ProcessEnv = process.env): { baselines: Baseline[]; notes: string[] } {
  const notes: string[] = [];
  const head = git(repo, ['rev-parse', '--verify', '-q', 'HEAD'])?.trim();
  if (!head) return { baselines: [], notes: ['not a git checkout (or no commit yet): nothing to compare the manifest with'] };
  const baselines: Baseline[] = [];
  const short = (rev: string) => rev.slice(0, 12);
  // A CI system's "no previous commit" (GitHub's all-zero `before` on a first push) means: choose as usual.
  const explicit = env.ATLAS_MANIFEST_BASE?.trim().replace(/^0+$/, '');
  if (explicit) {
    const rev = git(repo, ['rev-parse', '--verify', '-q', `${explicit}^{commit}`])?.trim();
    if (!rev) throw new Error(`ATLAS_MANIFEST_BASE=${explicit}: no such commit in ${repo}; fetch it or unset the variable`);
    baselines.push({ rev, label: `ATLAS_MANIFEST_BASE (${short(rev)})` });
  } else {
    const branch = git(repo, ['symbolic-ref', '--short', '-q', 'HEAD'])?.trim() ?? '';
    const main = ['refs/heads/main', 'refs/remotes/origin/main'].map((ref) => git(repo, ['rev-parse', '--verify', '-q', ref])?.trim()).find(Boolean);
    const shallow = git(repo, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
    if (branch !== 'main' && main && main !== head) {
      const mergeBase = git(repo, ['merge-base', 'HEAD', main])?.trim();
      if (mergeBase) baselines.push({ rev: mergeBase, label: `merge base with main (${short(mergeBase)})` });
      else notes.push(`no merge base with main${shallow ? ' (shallow clone)' : ''}: compared the working tree with HEAD only; fetch the history (fetch-depth: 0) for the full check`);
    } else {
      const parent = git(repo, ['rev-parse', '--verify', '-q', 'HEAD^1'])?.trim();
      if (parent) baselines.push({ rev: parent, label: `main before the last commit (${short(parent)})` });
      else notes.push(shallow ? 'shallow clone without the parent commit: compared the working tree with HEAD only; fetch the history (fetch-depth: 0) for the full check' : 'HEAD has no parent: compared the working tree with HEAD only');
    }
  }
  baselines.push({ rev: head, label: `HEAD (${short(head)})` });
  return { baselines, notes };
}

/** Result of one guard run. */
export interface GuardResult {
  /** Problems, each prefixed with the baseline that shows it. */
  problems: string[];
  /** What was compared, and what could not be. */
  notes: string[];
}

/** Compares the manifest files under `contentDir` (inside `repo`) with every baseline. */
export function guardManifest(repo: string, contentDir: string, env: NodeJS.ProcessEnv = process.env): GuardResult {
  const anchorsFile = join(contentDir, 'manifest/anchors.json');
  const retiredFile = join(contentDir, 'manifest/retired.json');
  const readNow = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8') : null);
  const { baselines, notes } = chooseBaselines(repo, env);
  const top = git(repo, ['rev-parse', '--show-toplevel'])?.trim() ?? repo;
  const inRepo = (file: string) => relative(top, resolve(repo, file)).split('\\').join('/');
  const problems: string[] = [];
  const nowAnchorsText = readNow(anchorsFile);
  let now: ManifestFiles;
  try {
    now = {
      anchors: parseList<ManifestEntry>(nowAnchorsText, anchorsFile) ?? [],
      retired: parseList<RetiredLink>(readNow(retiredFile), retiredFile) ?? [],
    };
  } catch (e) {
    return { problems: [`${(e as Error).message}; restore it from git`], notes };
  }
  if (nowAnchorsText === null) problems.push(`${inRepo(anchorsFile)} is missing`);
  else if (nowAnchorsText.trim() === '') problems.push(`${inRepo(anchorsFile)} is empty`);
  for (const { rev, label } of baselines) {
    const at = (file: string) => git(repo, ['show', `${rev}:${inRepo(file)}`]);
    let base: ManifestFiles;
    try {
      base = { anchors: parseList<ManifestEntry>(at(anchorsFile), `${label}:anchors.json`) ?? [], retired: parseList<RetiredLink>(at(retiredFile), `${label}:retired.json`) ?? [] };
    } catch (e) {
      notes.push(`${label}: ${(e as Error).message}; not compared`);
      continue;
    }
    notes.push(`compared with ${label}: ${base.anchors.length} recorded, ${base.retired.length} retired`);
    for (const p of manifestLosses(base, now)) problems.push(`${p} (recorded in ${label})`);
  }
  return { problems: [...new Set(problems)], notes };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' } } });
  const content = resolve(values.content as string);
  try {
    const { problems, notes } = guardManifest(process.cwd(), content);
    for (const note of notes) console.log(`manifest guard: ${note}`);
    if (problems.length) {
      for (const p of problems.slice(0, 50)) console.error(`error: ${p}`);
      console.error(
        `manifest guard: ${problems.length} published link(s) lost; published links must never break — restore the entries (git checkout <rev> -- ${relative(process.cwd(), content)}/manifest/), or retire a link that was never a paragraph in retired.json`,
      );
      process.exitCode = 1;
    } else console.log('manifest guard: no published link lost');
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
