/**
 * Integrity of the built site (built once by tests/quality/global-setup.ts): every internal link
 * and anchor resolves, the sitemap lists exactly the indexable pages, the HTML validates, and no
 * id is repeated on a page (security checks: security.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtDist } from './lib/built-site.ts';
import { ownOrigin } from './lib/own-origin.ts';
import {
  brokenInternalLinks,
  crawl,
  duplicateIds,
  type Site,
  sitemapLocations,
  sitemapProblems,
} from './lib/crawl.ts';
import { corpusPaths } from '../../scripts/ingest/registry.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Long lists are cut so a failure stays readable; the count is always given. */
const show = (problems: string[]) => `${problems.length} problem(s):\n${problems.slice(0, 40).join('\n')}`;

let dist: string;
let site: Site;

beforeAll(async () => {
  dist = builtDist();
  site = await crawl(dist);
}, 120_000);

describe('built site integrity', () => {
  it('has a home page, a 404 page and document pages to check', () => {
    expect(site.pages.has('/')).toBe(true);
    expect(site.pages.has('/404.html')).toBe(true);
    expect([...site.pages.keys()].filter((u) => u.startsWith('/documents/')).length).toBeGreaterThanOrEqual(5);
  });

  it('has no internal link, #anchor or canonical URL that points nowhere', () => {
    const problems = brokenInternalLinks(site, ownOrigin(dist));
    expect(problems, show(problems)).toEqual([]);
  });

  it('resolves every published URL of the anchor manifest, directly or through a re-issue redirect page', () => {
    // The corpus the build published: ATLAS_CORPUS, else content/atlas.json's default (as the build chose it).
    const manifest = JSON.parse(readFileSync(join(corpusPaths(join(ROOT, 'content')).manifest, 'anchors.json'), 'utf8')) as Array<{ url: string }>;
    expect(manifest.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const { url } of manifest) {
      const [path = '', hash = ''] = url.split('#');
      let page = site.pages.get(path);
      // A redirect page forwards to its meta-refresh target, renaming the fragment via data-anchors.
      const refresh = page?.noindex ? page.refs.find((r) => r.tag === 'meta')?.value : undefined;
      if (refresh) page = site.pages.get(refresh.split('#')[0] as string);
      if (!page) problems.push(`${url}: no page at ${path}`);
      else if (hash && !refresh && !page.ids.includes(hash)) problems.push(`${url}: ${path} has no element with id "${hash}"`);
    }
    expect(problems, show(problems)).toEqual([]);
  });

  it('uses each id at most once per page', () => {
    const problems = duplicateIds(site);
    expect(problems, show(problems)).toEqual([]);
  });

  it('lists every indexable page in sitemap.xml when built with SITE_URL, and writes none without it', () => {
    const file = join(dist, 'sitemap.xml');
    if (ownOrigin(dist) === null) {
      // A sitemap needs absolute URLs; the build must not invent an origin.
      expect(existsSync(file), 'built without SITE_URL, so there must be no sitemap.xml').toBe(false);
      expect(existsSync(join(dist, 'robots.txt'))).toBe(false);
      return;
    }
    expect(existsSync(file), 'dist/sitemap.xml is missing: the build must write it (scripts/sitemap.ts)').toBe(true);
    const problems = sitemapProblems(site, sitemapLocations(readFileSync(file, 'utf8')));
    expect(problems, show(problems)).toEqual([]);
  });

  it('passes html-validate (.htmlvalidate.json) on every page', async () => {
    const config = JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const problems: string[] = [];
    for (const page of site.pages.values()) {
      const report = await validator.validateFile(join(dist, page.file));
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${page.file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems, show(problems)).toEqual([]);
  }, 600_000);
});
