/**
 * The built site fits the hosts the README's "Deploy" section names, and the GitHub Pages workflow
 * builds what `npm run build` builds, with SITE_URL, after the manifest guard.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDist } from './lib/built-site.ts';
import { parseHeadersFile } from '../../scripts/serve.ts';
import { listFiles } from './lib/tree.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The limits quoted in the README (the tightest host for each). */
const LIMITS = {
  /** Cloudflare Pages, free plan: files per deployment. */
  files: 20_000,
  /** Cloudflare Pages: bytes per file (25 MiB). */
  fileBytes: 25 * 1024 * 1024,
  /** GitHub Pages: bytes per published site (1 GB). */
  siteBytes: 1_000_000_000,
  /** Cloudflare Pages: header rules in _headers. */
  headerRules: 100,
};

describe('host limits', () => {
  it('stays within every host limit the README lists', async () => {
    const dist = builtDist();
    const files = await listFiles(dist);
    const sizes = files.map((f) => ({ f, bytes: statSync(join(dist, f)).size }));
    const total = sizes.reduce((a, b) => a + b.bytes, 0);
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`[deploy] ${files.length} files, ${(total / 1e6).toFixed(1)} MB; largest ${largest.f} ${(largest.bytes / 1e6).toFixed(1)} MB`);
    expect(files.length).toBeLessThan(LIMITS.files);
    expect(largest.bytes, largest.f).toBeLessThan(LIMITS.fileBytes);
    expect(total).toBeLessThan(LIMITS.siteBytes);
    expect(parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')).length).toBeLessThanOrEqual(LIMITS.headerRules);
  });
});

describe('the GitHub Pages workflow', () => {
  const workflow = readFileSync(join(ROOT, '.github/workflows/pages.yml'), 'utf8');
  it('installs from the lock, guards the manifest with history, builds with SITE_URL and deploys dist/', () => {
    expect(workflow).toMatch(/fetch-depth: 0/);
    expect(workflow).toMatch(/run: npm ci\b/);
    expect(workflow).toMatch(/run: npm run check:manifest\n\s+env:\n\s+ATLAS_MANIFEST_BASE: \$\{\{ github\.event\.before \}\}/);
    expect(workflow).toMatch(/run: npm run build\n\s+env:\n\s+SITE_URL: \$\{\{ vars\.SITE_URL \}\}/);
    expect(workflow).toMatch(/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist\n/);
    expect(workflow.indexOf('check:manifest')).toBeLessThan(workflow.indexOf('npm run build'));
  });
  it('names scripts that exist in package.json', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const m of workflow.matchAll(/npm run ([\w:-]+)/g)) expect(scripts[m[1] as string], m[1]).toBeTruthy();
  });
});
