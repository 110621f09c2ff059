/**
 * SITE_URL is the only origin the site prints (src/lib/site-url.ts). Built without it (the test
 * build, as on a clean clone), no file of the site holds an absolute URL of the site's own: no
 * placeholder domain, no canonical or og:url origin, no sitemap; "Copy citation" completes the
 * site-relative address from the page's own (src/lib/citation.ts). The build with SITE_URL is
 * tested in build.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCitationUrl } from '../../src/lib/citation.ts';
import { siteUrl } from '../../src/lib/site-url.ts';
import { builtDist } from './lib/built-site.ts';
import { listFiles } from './lib/tree.ts';
import { corpusDir, corpusNames } from '../corpora.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('SITE_URL', () => {
  it('is optional and becomes an origin with a trailing slash', () => {
    expect(siteUrl(undefined)).toBeUndefined();
    expect(siteUrl('')).toBeUndefined();
    expect(siteUrl('  ')).toBeUndefined();
    expect(siteUrl('https://atlas.example.org')).toBe('https://atlas.example.org/');
    expect(siteUrl('https://atlas.example.org/')).toBe('https://atlas.example.org/');
    expect(siteUrl('http://localhost:8080')).toBe('http://localhost:8080/');
  });

  it.each([
    ['atlas.example.org', /not an absolute URL/],
    ['ftp://atlas.example.org', /scheme must be https:/],
    ['https://atlas.example.org/atlas/', /served at the root of its host, not under \/atlas\//],
    ['https://atlas.example.org/?x=1', /query or a fragment/],
    ['https://atlas.example.org/#top', /query or a fragment/],
    ['https://user:pw@atlas.example.org', /user name or password/],
  ])('refuses %s with a message naming SITE_URL', (value, problem) => {
    expect(() => siteUrl(value)).toThrow(problem);
    expect(() => siteUrl(value)).toThrow(/^SITE_URL=.*README, "Deploy"/);
  });
});

describe('"Copy citation" without SITE_URL', () => {
  const page = 'http://127.0.0.1:4321/documents/doc-a/p12/';
  it('completes a site-relative address with the origin of the page it is copied from', () => {
    expect(resolveCitationUrl('A/HRC/WG.6/7/XYZ/2, para. 12. /documents/doc-a/p12/', page)).toBe(
      'A/HRC/WG.6/7/XYZ/2, para. 12. http://127.0.0.1:4321/documents/doc-a/p12/',
    );
  });
  it('leaves an absolute address, a symbol with slashes and a protocol-relative path alone', () => {
    expect(resolveCitationUrl('A/HRC/1, para. 1. https://atlas.example.org/documents/a/p1/', page)).toBe('A/HRC/1, para. 1. https://atlas.example.org/documents/a/p1/');
    expect(resolveCitationUrl('A/HRC/WG.6/7/XYZ/2, para. 12', page)).toBe('A/HRC/WG.6/7/XYZ/2, para. 12');
    expect(resolveCitationUrl('x. //evil.example/p', page)).toBe('x. //evil.example/p');
  });
});

/** Hosts the texts and registries themselves name (quoted sources, official links): not the site's own. */
function contentHosts(): Set<string> {
  // XML namespaces; official document links derived from symbols; the local server the About page's offline instructions name.
  const hosts = new Set(['www.w3.org', 'www.sitemaps.org', 'undocs.org', 'localhost']);
  const dirs = [join(ROOT, 'content/registry'), ...corpusNames().flatMap((name) => [corpusDir(name).sources, corpusDir(name).registry])];
  for (const dir of dirs) {
    for (const file of readdirSync(dir)) {
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) hosts.add((m[1] as string).toLowerCase());
    }
  }
  return hosts;
}

describe('the site built without SITE_URL', () => {
  it('holds no absolute URL of its own in any page, script, style or data file', async () => {
    const dist = builtDist();
    const allowed = contentHosts();
    const problems: string[] = [];
    for (const file of await listFiles(dist)) {
      // Pagefind's own bundle is third-party code (it parses URLs against a dummy base).
      if (!/\.(html|xml|json|csv|js|css|txt|svg)$/.test(file) || file.startsWith('pagefind/')) continue;
      const text = readFileSync(join(dist, file), 'utf8');
      for (const m of text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) {
        const host = (m[1] as string).toLowerCase();
        if (!allowed.has(host)) problems.push(`${file}: ${m[0]}`);
      }
      if (file.endsWith('.html')) {
        const canonical = /<link rel="canonical" href="([^"]*)"/.exec(text)?.[1];
        if (canonical !== undefined && !canonical.startsWith('/')) problems.push(`${file}: canonical ${canonical}`);
        if (text.includes('property="og:url"')) problems.push(`${file}: og:url without SITE_URL`);
      }
    }
    expect([...new Set(problems)].slice(0, 20)).toEqual([]);
  });

  it('prints the citation address site-relative on paragraph and document pages', async () => {
    const dist = builtDist();
    const files = (await listFiles(dist)).filter((f) => /^documents\/[^/]+\/[^/]+\/index\.html$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const sample = files[0] as string;
    const path = `/${sample.slice(0, -'index.html'.length)}`;
    const html = readFileSync(join(dist, sample), 'utf8');
    expect(html).toContain(`>${path}</a>`);
    expect(html).toMatch(new RegExp(`data-copy="[^"]*\\. ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });
});
