/**
 * Content hashes of a directory tree and a readable description of the first difference between
 * two trees; used to prove that two builds wrote the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Lists every file under `dir` as a sorted, `/`-separated relative path. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Maps each file under `dir` (relative path) to the SHA-256 of its bytes. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(file, createHash('sha256').update(await readFile(join(dir, file))).digest('hex'));
  }
  return hashes;
}

/** Shows `width` characters either side of the first byte where two buffers differ. */
export function firstByteDifference(a: Buffer, b: Buffer, width = 80): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const excerpt = (buf: Buffer) =>
    JSON.stringify(buf.subarray(Math.max(0, i - width), i + width).toString('utf8'));
  return `first difference at byte ${i} (sizes ${a.length} and ${b.length})\n  a: ${excerpt(a)}\n  b: ${excerpt(b)}`;
}

/**
 * Compares two trees. Returns null when they hold the same files with the same bytes, else a
 * message naming the first differing path (sorted order) and how many paths differ in all.
 */
export async function compareTrees(a: string, b: string): Promise<string | null> {
  const [ha, hb] = await Promise.all([hashTree(a), hashTree(b)]);
  const paths = [...new Set([...ha.keys(), ...hb.keys()])].sort();
  const differing = paths.filter((p) => ha.get(p) !== hb.get(p));
  if (differing.length === 0) return null;
  const first = differing[0] as string;
  const head = `${differing.length} of ${paths.length} files differ; first: ${first}`;
  if (!ha.has(first)) return `${head}\n  only in ${b}`;
  if (!hb.has(first)) return `${head}\n  only in ${a}`;
  const [ba, bb] = await Promise.all([readFile(join(a, first)), readFile(join(b, first))]);
  const others = differing.slice(1, 11).join(', ');
  return `${head}\n  ${firstByteDifference(ba, bb)}${others ? `\n  also: ${others}${differing.length > 11 ? ', …' : ''}` : ''}`;
}
