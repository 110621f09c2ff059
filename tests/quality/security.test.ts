/**
 * Security of the built site under static hosting: the headers in public/_headers forbid inline
 * code, eval and other origins; every built page satisfies that policy (and its own meta CSP, if
 * any); no page or stylesheet loads anything from another origin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../scripts/serve.ts';
import { builtDist } from './lib/built-site.ts';
import { ownOrigin } from './lib/own-origin.ts';
import {
  crawl,
  type Csp,
  cspExternalSources,
  cspViolations,
  cssExternalUrls,
  parseCsp,
  type Site,
  OFFICIAL_UN_HOSTS,
  thirdPartyReferences,
} from './lib/crawl.ts';
import { corpusDir, corpusNames } from '../corpora.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const show = (problems: string[]) => `${problems.length} problem(s):\n${problems.slice(0, 40).join('\n')}`;
/**
 * Hosts the site may link to: official UN document hosts, plus the official sites that the
 * curated registries name (bodies' home pages) — reviewed data, not text from the sources.
 */
function allowedLinkHosts(): string[] {
  const hosts = new Set(OFFICIAL_UN_HOSTS);
  const visit = (v: unknown, key = ''): void => {
    if (typeof v === 'string' && /^(url|officialUrl)$/.test(key) && /^https:\/\//.test(v)) hosts.add(new URL(v).hostname);
    else if (Array.isArray(v)) v.forEach((x) => visit(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  const dirs = [join(ROOT, 'content/registry'), ...corpusNames().map((name) => corpusDir(name).registry)];
  for (const dir of dirs) for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    visit(JSON.parse(readFileSync(join(dir, file), 'utf8')), '');
  }
  // Official links are derived from symbols (officialUrl is not written in the registry).
  hosts.add('undocs.org');
  return [...hosts].sort();
}

const rules = parseHeadersFile(readFileSync(join(ROOT, 'public/_headers'), 'utf8'));

/** The policy public/_headers sends with a path. */
function headerCsp(path: string): Csp {
  const value = headersFor(rules, path).find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
  expect(value, `public/_headers sends no Content-Security-Policy for ${path}`).toBeTruthy();
  return parseCsp(value as string);
}

describe('security headers', () => {
  it.each(['/', '/documents/upr1-un-compilation/', '/search/', '/pagefind/pagefind.js'])(
    'sends %s a policy that allows only same-origin code, no inline code and no eval except WebAssembly',
    (path) => {
      const csp = headerCsp(path);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(cspExternalSources(csp)).toEqual([]);
    },
  );

  it('forbids sniffing and framing on every path', () => {
    const names = headersFor(rules, '/any/page/').map(([n, v]) => `${n}: ${v}`);
    expect(names).toContain('X-Content-Type-Options: nosniff');
    expect(names).toContain('X-Frame-Options: DENY');
  });
});

describe('built pages under the security policy', () => {
  let dist: string;
  let site: Site;
  beforeAll(async () => {
    dist = builtDist();
    site = await crawl(dist);
  }, 120_000);

  it('ships public/_headers unchanged in dist/', () => {
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(readFileSync(join(ROOT, 'public/_headers'), 'utf8'));
  });

  it('has no inline script, inline style, style attribute or event handler that the header policy blocks', () => {
    const problems = cspViolations(site, headerCsp('/'));
    expect(problems, show(problems)).toEqual([]);
  });

  it('satisfies its own meta Content-Security-Policy where a page declares one', () => {
    const problems: string[] = [];
    for (const page of site.pages.values()) {
      if (page.metaCsp === null) continue;
      const single: Site = { files: site.files, pages: new Map([[page.url, page]]) };
      problems.push(...cspViolations(single, parseCsp(page.metaCsp)), ...cspExternalSources(parseCsp(page.metaCsp)).map((s) => `${page.url}: meta CSP allows ${s}`));
    }
    expect(problems, show(problems)).toEqual([]);
  });

  it('loads nothing from another origin and links off-site only to official UN documents and registry-named sites', async () => {
    const problems = thirdPartyReferences(site, { ownOrigin: ownOrigin(dist), allowedLinkHosts: allowedLinkHosts() });
    for (const file of [...site.files].filter((f) => f.endsWith('.css'))) {
      for (const url of cssExternalUrls(await readFile(join(dist, file), 'utf8'))) problems.push(`${file}: fetches ${url}`);
    }
    expect(problems, show(problems)).toEqual([]);
  });
});
