/**
 * Clean, isolated copies of the project for builds that must not touch the working tree:
 * the reproducible-build test and the benchmark build here, side by side with developers' own
 * `dist/`, `content/generated/` and Astro cache.
 *
 * `root` may be the project (a git checkout) or an earlier workspace used as a frozen snapshot, so
 * that two builds see the same files even while the working tree changes.
 *
 * After `createWorkspace(root, dir)`:
 * - `dir` holds every tracked or untracked-but-not-ignored file of `root` (what a clean clone plus
 *   uncommitted work would hold) and nothing that `.gitignore` excludes (no dist/, no generated
 *   content, no caches);
 * - `dir/node_modules` is a real directory of symlinks into `root/node_modules`, so installed
 *   packages are shared but Astro's cache (`node_modules/.astro`) and Vite's stay private.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, unlinkSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

/** Cache directories inside node_modules that must not be shared between builds. */
const PRIVATE_CACHES = new Set(['.astro', '.vite', '.cache', '.vitest']);

/**
 * Lists the files a clean checkout of `root` plus its uncommitted work would contain. For a
 * directory that is not a git checkout (a snapshot made by createWorkspace), lists every file
 * except node_modules.
 */
export function projectFiles(root: string): string[] {
  if (!existsSync(join(root, '.git'))) {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
      .filter((f) => f !== 'node_modules' && !f.startsWith('node_modules/'))
      .sort();
  }
  const out = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`git ls-files failed in ${root}: ${out.stderr}`);
  const files = out.stdout.split('\0').filter((f) => f !== '' && existsSync(join(root, f)));
  return [...new Set(files)].sort();
}

/** Creates (or recreates) `dir` as an isolated copy of the project at `root`; returns `dir`. */
export async function createWorkspace(root: string, dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const file of projectFiles(root)) {
    if (file === 'node_modules' || file.startsWith('node_modules/')) continue;
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await copyFile(join(root, file), join(dir, file));
  }
  const modules = join(dir, 'node_modules');
  await mkdir(modules, { recursive: true });
  // A snapshot's node_modules holds symlinks already: link to what they point at.
  const installed = realpathSync(join(root, 'node_modules'));
  for (const name of await readdir(installed)) {
    if (PRIVATE_CACHES.has(name)) continue;
    await symlink(realpathSync(join(installed, name)), join(modules, name));
  }
  return dir;
}

/** One step of the build script with its wall time and peak resident memory. */
export interface StepResult {
  /** Shell command as written in package.json. */
  command: string;
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident set size of the step's largest process in MB, or null when unmeasured. */
  peakRssMb: number | null;
}

/** Splits an npm script into its `&&`-joined steps. */
export function scriptSteps(root: string, name: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.[name];
  if (!script) throw new Error(`package.json has no "${name}" script`);
  return script.split('&&').map((s) => s.trim()).filter(Boolean);
}

/** Options for running a command inside a workspace. */
export interface RunOptions {
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Receives the command's combined output (default: collected and shown only on failure). */
  onOutput?: (chunk: string) => void;
}

const HAVE_GNU_TIME = existsSync('/usr/bin/time');

/**
 * Runs one shell command in `cwd` the way `npm run` would (node_modules/.bin first on PATH),
 * measuring wall time and, where GNU time is installed, peak memory. Rejects with the command's
 * output when it exits non-zero.
 */
export function runStep(cwd: string, command: string, options: RunOptions = {}): Promise<StepResult> {
  const rssFile = join(tmpdir(), `atlas-step-rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const argv = HAVE_GNU_TIME
    ? ['/usr/bin/time', ['-q', '-f', '%M', '-o', rssFile, 'sh', '-c', command]]
    : ['sh', ['-c', command]];
  const env = {
    ...process.env,
    PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...options.env,
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] as string, argv[1] as string[], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (buf: Buffer) => {
      const s = buf.toString();
      if (options.onOutput) options.onOutput(s);
      output = (output + s).slice(-20000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      let peakRssMb: number | null = null;
      if (HAVE_GNU_TIME && existsSync(rssFile)) {
        const kb = Number.parseInt(readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '', 10);
        if (Number.isFinite(kb)) peakRssMb = Math.round(kb / 1024);
        unlinkSync(rssFile);
      }
      if (code !== 0) {
        reject(new Error(`"${command}" exited with ${code} in ${cwd}\n${output}`));
        return;
      }
      resolve({ command, seconds, peakRssMb });
    });
  });
}

/** A whole build: the steps as scripts/build.ts reports them, and the build process as measured. */
export interface BuildResult {
  /** One entry per build step (ingest, astro, …) with its wall time; memory is measured for the whole build only. */
  steps: StepResult[];
  /** The whole `npm run build` command: wall time and peak memory. */
  total: StepResult;
  /** Everything the build printed. */
  log: string;
}

/**
 * Runs the package.json `build` script (the one entry point, scripts/build.ts) in `cwd`, with
 * `args` appended (e.g. `--update-manifest`), and reads the per-step timings it prints.
 * Rejects with the build's output when it fails.
 */
export async function runBuild(cwd: string, options: RunOptions & { args?: string[] } = {}): Promise<BuildResult> {
  let log = '';
  const command = [...scriptSteps(cwd, 'build'), ...(options.args ?? [])].join(' ');
  const total = await runStep(cwd, command, {
    ...options,
    onOutput: (chunk) => {
      log += chunk;
      options.onOutput?.(chunk);
    },
  });
  const steps = [...log.matchAll(/^build: step (\S+) done in ([\d.]+) s/gm)].map((m) => ({
    command: m[1] as string,
    seconds: Number(m[2]),
    peakRssMb: null,
  }));
  return { steps, total, log };
}
