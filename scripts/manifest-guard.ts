/**
 * Published links never break: the link manifest (`<content>/manifest/anchors.json`), the list
 * of retired links (`retired.json`) and the recommendation pages (`recommendations.json`) only ever grow. The build checks that every published
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
 * Every corpus is guarded (content/corpora/<name>/manifest/, and content/manifest/ of the layout before
 * corpora): all entries of a baseline, wherever they were recorded, must be recorded or retired
 * somewhere now, so deleting a whole corpus fails too while moving the files passes.
 *
 * Usage: node scripts/manifest-guard.ts [--content DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ManifestEntry } from './ingest/manifest.ts';

/** One retired link as listed in retired.json (the fields this guard needs). */
export interface RetiredLink {
  url: string;
  to: string;
}

/** A recommendation page as recommendations.json records it (published, or moved with a redirect). */
export interface RecommendationLink {
  url: string;
  key?: string;
  opening?: string | null;
  movedTo?: string;
}

/** The manifest files of one version of the content. */
export interface ManifestFiles {
  anchors: ManifestEntry[];
  retired: RetiredLink[];
  /** Recommendation pages (recommendations.json); absent in versions before recommendations were published. */
  recommendations?: RecommendationLink[];
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
  // Recommendation pages: a published page keeps its recommendation, a moved one keeps its redirect.
  const pages = new Map((now.recommendations ?? []).map((r) => [r.url, r]));
  for (const old of base.recommendations ?? []) {
    const page = pages.get(old.url);
    if (!page) problems.push(`${old.url} was removed from recommendations.json`);
    else if (old.movedTo !== undefined ? page.movedTo !== old.movedTo : page.key !== old.key || (old.opening != null && page.opening !== old.opening)) {
      problems.push(`${old.url} was changed in recommendations.json (it recorded ${JSON.stringify(old.movedTo ?? old.key)}, now ${JSON.stringify(page.movedTo ?? page.key)})`);
    }
  }
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
  /** Problems, each naming the baseline that shows it. */
  problems: string[];
  /** What was compared, and what could not be. */
  notes: string[];
}

/** `/`-separated paths of every manifest/anchors.json and manifest/retired.json under `content` (a path relative to the repository). */
function manifestFilesAt(repo: string, rev: string, content: string): string[] {
  const out = git(repo, ['ls-tree', '-r', '--name-only', rev, '--', content]) ?? '';
  return out.split('\n').filter((f) => /(^|\/)manifest\/(anchors|retired|recommendations)\.json$/.test(f)).sort();
}

/** The same files in the working tree. */
function manifestFilesNow(root: string, content: string): string[] {
  const dir = join(root, content);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^(anchors|retired|recommendations)\.json$/.test(e.name) && basename(e.parentPath) === 'manifest')
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((f) => !f.split('/').includes('generated'))
    .sort();
}

/** The corpus a manifest file belongs to: content/corpora/<name>/manifest/…, or the default corpus for the layout before corpora. */
function corpusOf(file: string, fallback: string): string {
  return /(?:^|\/)corpora\/([^/]+)\/manifest\//.exec(file)?.[1] ?? fallback;
}

/** Reads manifest files into one set per corpus (each corpus is a site of its own: the same URL may exist in two). */
function mergeFiles(files: string[], read: (file: string) => string | null, what: string, fallback: string): Map<string, ManifestFiles> {
  const byCorpus = new Map<string, ManifestFiles>();
  for (const file of files) {
    const corpus = corpusOf(file, fallback);
    if (!byCorpus.has(corpus)) byCorpus.set(corpus, { anchors: [], retired: [], recommendations: [] });
    const merged = byCorpus.get(corpus)!;
    const list = parseList<ManifestEntry & RetiredLink & RecommendationLink>(read(file), `${what}:${file}`) ?? [];
    if (file.endsWith('anchors.json')) merged.anchors.push(...list);
    else if (file.endsWith('recommendations.json')) merged.recommendations!.push(...list);
    else merged.retired.push(...list);
  }
  return byCorpus;
}

const EMPTY: ManifestFiles = { anchors: [], retired: [], recommendations: [] };

/** Losses of every corpus of `base` in `now`. */
function lossesByCorpus(base: Map<string, ManifestFiles>, now: Map<string, ManifestFiles>): string[] {
  return [...base].flatMap(([corpus, files]) => manifestLosses(files, now.get(corpus) ?? EMPTY).map((p) => (base.size > 1 || now.size > 1 ? `${corpus}: ${p}` : p)));
}

/**
 * Compares every manifest under the content root `content` (every corpus, content/corpora/<name>/,
 * and content/ itself in the layout before corpora) with every baseline. Entries are compared as
 * one set of published URLs, so moving the files (a new layout, a corpus renamed) passes while a
 * deleted corpus, an emptied or missing file, or a removed entry fails.
 */
export function guardAll(repo: string, content: string, env: NodeJS.ProcessEnv = process.env): GuardResult {
  const { baselines, notes } = chooseBaselines(repo, env);
  const top = git(repo, ['rev-parse', '--show-toplevel'])?.trim() ?? resolve(repo);
  const rel = relative(top, resolve(repo, content)).split('\\').join('/') || '.';
  const problems: string[] = [];
  const nowFiles = manifestFilesNow(top, rel);
  // Manifests of the layout before corpora (content/manifest/) belong to the default corpus.
  const settings = join(top, rel, 'atlas.json');
  const corporaNow = [...new Set(nowFiles.map((f) => corpusOf(f, '')).filter(Boolean))];
  const fallback =
    (existsSync(settings) ? (JSON.parse(readFileSync(settings, 'utf8')) as { defaultCorpus?: string }).defaultCorpus : undefined) ??
    (corporaNow.length === 1 ? corporaNow[0] : 'default');
  let now: Map<string, ManifestFiles>;
  try {
    now = mergeFiles(nowFiles, (f) => readFileSync(join(top, f), 'utf8'), 'working tree', fallback);
  } catch (e) {
    return { problems: [`${(e as Error).message}; restore it from git`], notes };
  }
  for (const f of nowFiles) if (f.endsWith('anchors.json') && readFileSync(join(top, f), 'utf8').trim() === '') problems.push(`${f} is empty`);
  for (const { rev, label } of baselines) {
    const files = manifestFilesAt(repo, rev, rel);
    const show = (f: string) => git(repo, ['show', `${rev}:${f}`]);
    let base: Map<string, ManifestFiles>;
    try {
      base = mergeFiles(files, show, label, fallback);
      // A file gone from where it was, with entries recorded nowhere else now: say which file.
      for (const f of files.filter((x) => x.endsWith('anchors.json') && !existsSync(join(top, x)))) {
        if (lossesByCorpus(mergeFiles([f], show, label, fallback), now).length) problems.push(`${f} is missing (it is in ${label})`);
      }
    } catch (e) {
      notes.push(`${label}: ${(e as Error).message}; not compared`);
      continue;
    }
    const all = [...base.values()];
    notes.push(`compared with ${label}: ${all.reduce((n, b) => n + b.anchors.length, 0)} recorded, ${all.reduce((n, b) => n + b.retired.length, 0)} retired, ${all.reduce((n, b) => n + (b.recommendations?.length ?? 0), 0)} recommendation pages in ${files.filter((f) => f.endsWith('anchors.json')).join(', ') || 'no manifest'}`);
    for (const p of lossesByCorpus(base, now)) problems.push(`${p} (recorded in ${label})`);
  }
  return { problems: [...new Set(problems)], notes };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' } } });
  const content = resolve(values.content as string);
  try {
    const { problems, notes } = guardAll(process.cwd(), content);
    for (const note of notes) console.log(`manifest guard: ${note}`);
    if (problems.length) {
      for (const p of problems.slice(0, 50)) console.error(`error: ${p}`);
      console.error(
        `manifest guard: ${problems.length} published link(s) lost; published links must never break — restore the entries (git checkout <rev> -- content/corpora/<name>/manifest/), or retire a link that was never a paragraph in retired.json`,
      );
      process.exitCode = 1;
    } else console.log('manifest guard: no published link lost');
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
