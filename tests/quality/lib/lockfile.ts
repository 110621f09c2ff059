/**
 * What `npm ci` checks before installing anything, read from package.json and package-lock.json
 * without the network: the lock records exactly the declared dependencies, and every dependency
 * (optional ones included: other platforms' binaries) of every locked package resolves to a
 * locked entry the way Node resolves it (nearest node_modules upwards).
 */

interface LockPackage {
  version?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The parts of package-lock.json (lockfileVersion 3) this check reads. */
export interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockPackage>;
}

/** The parts of package.json this check reads. */
export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Where Node would look for `name` from the package at lock key `from` (nearest first). */
function candidates(from: string, name: string): string[] {
  const out: string[] = [];
  let key = from;
  for (;;) {
    out.push(key === '' ? `node_modules/${name}` : `${key}/node_modules/${name}`);
    if (key === '') return out;
    const cut = key.lastIndexOf('/node_modules/');
    key = cut < 0 ? '' : key.slice(0, cut);
  }
}

/** Problems `npm ci` would stop on, as readable lines (empty when the lock is consistent). */
export function lockfileProblems(pkg: PackageJson, lock: Lockfile): string[] {
  const problems: string[] = [];
  if (lock.lockfileVersion < 2) problems.push(`lockfileVersion ${lock.lockfileVersion}: npm 7+ writes 3; run npm install`);
  const root = lock.packages[''] ?? {};
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
    const declared = JSON.stringify(Object.entries(pkg[field] ?? {}).sort());
    const locked = JSON.stringify(Object.entries(root[field] ?? {}).sort());
    if (declared !== locked) problems.push(`package.json ${field} differ from the lock's root entry: run npm install and commit package-lock.json`);
  }
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (entry.link) continue;
    const deps = key === '' ? { ...root.dependencies, ...root.devDependencies, ...root.optionalDependencies } : { ...entry.dependencies };
    const optional = key === '' ? {} : { ...entry.optionalDependencies };
    for (const [name, kind] of [...Object.keys(deps).map((n) => [n, 'dependency'] as const), ...Object.keys(optional).map((n) => [n, 'optional dependency'] as const)]) {
      if (!candidates(key, name).some((c) => c in lock.packages)) {
        problems.push(`Missing: ${name} (${kind} of ${key === '' ? 'the project' : key.replace(/^.*node_modules\//, '')}) from the lock file`);
      }
    }
  }
  return problems;
}
