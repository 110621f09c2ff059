/**
 * Reproducible installs: the committed package-lock.json is what a Linux `npm install` writes, so
 * `npm ci` (used by .ci/run) installs from it on a clean clone. Checked offline with the rules
 * `npm ci` applies first; .ci/run itself runs `npm ci` on every CI run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Lockfile, lockfileProblems, type PackageJson } from './lib/lockfile.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;

describe('package-lock.json', () => {
  it('records exactly the declared dependencies and every optional platform binary they need', () => {
    expect(lockfileProblems(pkg, lock)).toEqual([]);
  });

  it('finds what npm ci stops on: a missing platform binary, a dependency not in the lock', () => {
    const platform = Object.keys(lock.packages).find((k) => /node_modules\/@pagefind\/(darwin|windows)-/.test(k));
    expect(platform, 'the lock must hold other platforms\' Pagefind binaries').toBeTruthy();
    const without = { ...lock, packages: { ...lock.packages } };
    delete without.packages[platform as string];
    expect(lockfileProblems(pkg, without)).toEqual([`Missing: ${(platform as string).replace('node_modules/', '')} (optional dependency of pagefind) from the lock file`]);
    const more = { ...pkg, devDependencies: { ...pkg.devDependencies, 'left-pad': '1.3.0' } };
    expect(lockfileProblems(more, lock)[0]).toMatch(/devDependencies differ from the lock's root entry/);
  });

  it('is what .ci/run installs from (npm ci, not npm install), and CI runs the gates on every published corpus', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/ATLAS_CORPUS=\$name npx vitest run/);
    expect(ci).not.toMatch(/^npm install\b/m);
  });

  it('reports the lock committed before the Linux one (35ed510), on which npm ci failed', () => {
    const old = spawnSync('git', ['-C', ROOT, 'show', '35ed510:package-lock.json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (old.status !== 0) return; // history not available (shallow clone): nothing to compare
    const problems = lockfileProblems(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson, JSON.parse(old.stdout) as Lockfile);
    expect(problems.some((p) => /^Missing: @pagefind\/|^Missing: @astrojs\/compiler-binding-/.test(p))).toBe(true);
  });
});
