/** Unit tests of the static crawler that the integrity gates rely on: each check must be able to fail. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenInternalLinks,
  crawl,
  cssExternalUrls,
  duplicateIds,
  type Site,
  sitemapLocations,
  sitemapProblems,
  thirdPartyReferences,
  cspViolations,
  parseCsp,
  parsePage,
} from './lib/crawl.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

const FIXTURE: Record<string, string> = {
  'index.html': page(
    '<a href="/documents/a/#p1">ok</a><a href="documents/a/#p9">missing anchor</a>' +
      '<a href="/documents/b/">missing page</a><a href="/documents/a">no slash</a><a href="#top">top</a>' +
      '<img src="/img/x.png" srcset="/img/x.png 1x, /img/y.png 2x" alt="">',
    '<link rel="stylesheet" href="/_astro/site.css"><link rel="canonical" href="https://atlas.example/">',
  ),
  'documents/a/index.html': page(
    '<section id="p1"><a href="#p1">1.</a></section><p id="p1">dup</p>' +
      '<a href="https://undocs.org/en/A/HRC/WG.6/7/KAZ/1">official</a><a href="https://example.com/x">elsewhere</a>' +
      '<script src="https://cdn.example.net/x.js"></script><a href="javascript:alert(1)">js</a><a href="mailto:a@b.c">mail</a>',
  ),
  'old/index.html': page('<a href="/documents/a/">moved</a>', '<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=/gone/">'),
  '404.html': page('<a href="/">home</a>'),
  'img/x.png': 'x',
  '_astro/site.css': 'body{}',
};

let dir: string;
let site: Site;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atlas-crawl-'));
  for (const [file, text] of Object.entries(FIXTURE)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  site = await crawl(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('static crawl of a built site', () => {
  it('maps index.html files to directory URLs', () => {
    expect([...site.pages.keys()].sort()).toEqual(['/', '/404.html', '/documents/a/', '/old/']);
  });

  it('reports missing pages, missing anchors, missing srcset images and meta-refresh targets, and nothing else', () => {
    expect(brokenInternalLinks(site)).toEqual([
      '/: <a href="/documents/b/"> points to a missing file /documents/b/',
      '/: <a href="documents/a/#p9"> names #p9, which /documents/a/ does not have',
      '/: <img srcset="/img/y.png"> points to a missing file /img/y.png',
      '/old/: <meta content="/gone/"> points to a missing file /gone/',
    ]);
  });

  it('resolves absolute links to the own origin as internal (a canonical URL must exist)', () => {
    expect(brokenInternalLinks(site, 'https://atlas.example')).toEqual(brokenInternalLinks(site));
    const withBadCanonical: Site = {
      files: site.files,
      pages: new Map([...site.pages].map(([u, p]) => [u, u === '/' ? { ...p, refs: [...p.refs, { tag: 'link', attr: 'href', value: 'https://atlas.example/nope/', rel: 'canonical' }] } : p])),
    };
    expect(brokenInternalLinks(withBadCanonical, 'https://atlas.example')).toContain(
      '/: <link href="https://atlas.example/nope/"> points to a missing file /nope/',
    );
  });

  it('reports an id used twice on one page', () => {
    expect(duplicateIds(site)).toEqual(['/documents/a/: id "p1" occurs more than once']);
  });

  it('allows links to official UN hosts and flags other hosts, remote scripts and javascript: URLs', () => {
    expect(thirdPartyReferences(site, { ownOrigin: 'https://atlas.example' })).toEqual([
      '/documents/a/: <a href="https://example.com/x"> links to example.com, which is not an official UN document host',
      '/documents/a/: <a href="javascript:alert(1)"> uses a javascript: URL',
      '/documents/a/: <script src="https://cdn.example.net/x.js"> loads from another origin',
    ]);
  });

  it('treats a canonical link to the own origin as third-party when no own origin is configured', () => {
    expect(thirdPartyReferences(site)).toContain('/: <link href="https://atlas.example/"> loads from another origin');
  });

  it('finds pages missing from the sitemap and sitemap entries that are not pages, skipping noindex pages and 404', () => {
    const xml = '<urlset><url><loc>https://atlas.example/</loc></url><url><loc>https://atlas.example/nope/</loc></url></urlset>';
    expect(sitemapLocations(xml)).toEqual(['https://atlas.example/', 'https://atlas.example/nope/']);
    expect(sitemapProblems(site, sitemapLocations(xml))).toEqual([
      '/documents/a/ is missing from the sitemap',
      'sitemap lists https://atlas.example/nope/, which is not a built page',
    ]);
  });

  it('finds remote url() and @import in CSS but not local ones', () => {
    const css = `@import "https://fonts.example/a.css";a{background:url(/x.png)}b{background:url('//cdn.example/y.png')}`;
    expect(cssExternalUrls(css)).toEqual(['//cdn.example/y.png', 'https://fonts.example/a.css']);
  });
});

describe('CSP compliance of inline code', () => {
  const strict = parseCsp("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  const pageWith = async (body: string, head = '') => {
    const p = await parsePage('index.html', page(body, head));
    return { files: new Set(['index.html']), pages: new Map([[p.url, p]]) };
  };

  it('flags inline scripts, inline styles, style attributes and handlers under a strict policy', async () => {
    const s = await pageWith(
      '<p style="color:red" onclick="go()">x</p><script>go()</script><script type="application/json">{"a":1}</script>',
      '<style>p{}</style><script type="module" src="/_astro/a.js"></script>',
    );
    expect(cspViolations(s, strict)).toEqual([
      '/: 1 style attribute(s) are blocked by style-src',
      '/: <p onclick> handler is blocked by script-src',
      '/: inline <script> (go()…) is blocked by script-src',
      '/: inline <style> (p{}…) is blocked by style-src',
    ]);
  });

  it('admits an inline script whose sha256 hash the policy lists, and nothing when the page has no inline code', async () => {
    const s = await pageWith('<script>go()</script>');
    expect(cspViolations(s, parseCsp("script-src 'self' 'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"))).toEqual([]);
    expect(cspViolations(s, parseCsp("script-src 'self' 'sha256-AAAAPUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"))).toHaveLength(1);
    expect(cspViolations(await pageWith('<p>x</p>', '<script type="module" src="/a.js"></script>'), strict)).toEqual([]);
  });
});
