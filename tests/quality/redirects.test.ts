/** Old URLs of re-issued documents keep working: redirect pages, fragment renames, host 301s. */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { writeRedirects } from '../../scripts/redirects.ts';
import {
  hostRedirects,
  REDIRECT_SCRIPT,
  redirectHtml,
  redirectPages,
  reissueLinks,
  reissueTarget,
} from '../../src/lib/redirects.ts';
import { parsePage } from './lib/crawl.ts';

const registry = [
  { id: 'upr2-national-report-r1', replaces: [{ id: 'upr2-national-report', note: 'Reissued for technical reasons', anchors: { p12: 'p13' } }] },
  { id: 'upr1-un-compilation' },
];

/** Runs the forwarding script as a browser would, returning where it sends the reader. */
function forward(attrs: { to: string; anchors: string }, hash: string): string {
  let target = '';
  const document = { currentScript: { getAttribute: (n: string) => (n === 'data-to' ? attrs.to : attrs.anchors) } };
  const location = { hash, replace: (u: string) => (target = u) };
  new Function('document', 'location', REDIRECT_SCRIPT)(document, location);
  return target;
}

describe('re-issue redirects', () => {
  const links = reissueLinks(registry);

  it('maps an old paragraph URL to the new id and renamed anchor, and leaves other documents alone', () => {
    expect(reissueTarget('/documents/upr2-national-report/#p12', links)).toBe('/documents/upr2-national-report-r1/#p13');
    expect(reissueTarget('/documents/upr2-national-report/#p40', links)).toBe('/documents/upr2-national-report-r1/#p40');
    expect(reissueTarget('/documents/upr2-national-report/p12/', links)).toBe('/documents/upr2-national-report-r1/p13/');
    expect(reissueTarget('/documents/upr1-un-compilation/#p12', links)).toBeNull();
  });

  it('refuses an old id that is still a current document or is claimed twice', () => {
    expect(() => reissueLinks([{ id: 'a' }, { id: 'b', replaces: [{ id: 'a', note: 'moved' }] }])).toThrow(/still a current document/);
    expect(() =>
      reissueLinks([
        { id: 'b', replaces: [{ id: 'a', note: 'moved' }] },
        { id: 'c', replaces: [{ id: 'a', note: 'moved' }] },
      ]),
    ).toThrow(/replaced by both "b" and "c"/);
  });

  it('creates pages for published URLs and for per-paragraph pages of the new id, never over a real page', () => {
    const pages = redirectPages(
      links,
      ['/documents/upr2-national-report/#p1', '/documents/upr2-national-report/#p12', '/documents/upr1-un-compilation/#p1'],
      ['/', '/documents/upr2-national-report-r1/', '/documents/upr2-national-report-r1/p13/', '/documents/upr2-national-report-r1/p40/'],
    );
    expect(pages.map((p) => `${p.from} -> ${p.to}`)).toEqual([
      '/documents/upr2-national-report/ -> /documents/upr2-national-report-r1/',
      '/documents/upr2-national-report/p12/ -> /documents/upr2-national-report-r1/p13/',
      '/documents/upr2-national-report/p40/ -> /documents/upr2-national-report-r1/p40/',
    ]);
  });

  it('forwards the #fragment, renaming it when the re-issue renamed the anchor', () => {
    const attrs = { to: '/documents/new/', anchors: '{"p12":"p13"}' };
    expect(forward(attrs, '#p12')).toBe('/documents/new/#p13');
    expect(forward(attrs, '#p7')).toBe('/documents/new/#p7');
    expect(forward(attrs, '')).toBe('/documents/new/');
  });

  it('keeps exactly one fragment: the target fragment when it names one, else the visited one', () => {
    expect(forward({ to: '/documents/a/#fn-74', anchors: '{}' }, '#u1')).toBe('/documents/a/#fn-74');
    expect(forward({ to: '/documents/a/#fn-74', anchors: '{}' }, '#x#y')).toBe('/documents/a/#fn-74');
    expect(forward({ to: '/documents/a/#p11', anchors: '{}' }, '')).toBe('/documents/a/#p11');
    expect(forward({ to: '/documents/new/', anchors: '{}' }, '#p11')).toBe('/documents/new/#p11');
    for (const [to, hash] of [['/documents/a/#p11', '#x'], ['/documents/new/', '#p11']] as const) {
      expect(forward({ to, anchors: '{}' }, hash).split('#').length, `${to} + ${hash}`).toBe(2);
    }
  });

  it('writes a valid noindex page whose meta refresh and link point to the new URL, with the note escaped', async () => {
    const html = redirectHtml({ from: '/documents/old/', to: '/documents/new/', anchors: {}, note: 'Reissued <for> "technical" reasons' });
    const page = await parsePage('documents/old/index.html', html);
    expect(page.noindex).toBe(true);
    expect(page.refs.map((r) => `${r.tag} ${r.value}`)).toEqual(
      expect.arrayContaining(['meta /documents/new/', 'a /documents/new/', 'link /documents/new/', 'script /redirect.js']),
    );
    expect(html).toContain('Reissued &lt;for&gt; &quot;technical&quot; reasons');
    expect(page.inline.scripts).toEqual([]);
    const config = JSON.parse(await readFile(join(import.meta.dirname, '../../.htmlvalidate.json'), 'utf8'));
    const report = await new HtmlValidate(new StaticConfigLoader(config)).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('lists host 301s only for re-issues that renamed no anchor', () => {
    expect(
      hostRedirects([
        { from: '/a/', to: '/b/', anchors: {}, note: 'n' },
        { from: '/c/', to: '/d/', anchors: { p1: 'p2' }, note: 'n' },
      ]),
    ).toBe('/a/ /b/ 301\n');
  });

  it('writes redirect pages and the forwarding script into a built site, and nothing without re-issues', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-redirects-'));
    try {
      const files: Record<string, string> = {
        'content/registry/documents.json': JSON.stringify(registry),
        'content/manifest/anchors.json': JSON.stringify([{ url: '/documents/upr2-national-report/#p12' }]),
        'dist/documents/upr2-national-report-r1/index.html': '<p id="p13">',
      };
      for (const [f, t] of Object.entries(files)) {
        await mkdir(dirname(join(dir, f)), { recursive: true });
        await writeFile(join(dir, f), t);
      }
      const pages = await writeRedirects(join(dir, 'dist'), join(dir, 'content'));
      expect(pages.map((p) => p.from)).toEqual(['/documents/upr2-national-report/']);
      expect(await readFile(join(dir, 'dist/documents/upr2-national-report/index.html'), 'utf8')).toContain('data-anchors="{&quot;p12&quot;:&quot;p13&quot;}"');
      expect(await readFile(join(dir, 'dist/redirect.js'), 'utf8')).toBe(REDIRECT_SCRIPT);

      await writeFile(join(dir, 'content/registry/documents.json'), JSON.stringify([{ id: 'x' }]));
      expect(await writeRedirects(join(dir, 'dist'), join(dir, 'content'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
