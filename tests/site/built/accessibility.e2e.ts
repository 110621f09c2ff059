/**
 * axe-core (WCAG 2.2 A/AA rules) in headless Chromium on the home, a document, a paragraph, a
 * right and a body page, in light and dark colour schemes and at phone width; each run also
 * saves a screenshot (ATLAS_SCREENSHOTS=dir, default a temp folder) for human review.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../../scripts/serve.ts';
import { launchBrowser } from '../../browser/harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.env.ATLAS_SCREENSHOTS ?? join(tmpdir(), 'atlas-screenshots');
mkdirSync(shots, { recursive: true });

/**
 * One page of each kind, chosen from the built site's own data so the test holds for any corpus: home; the
 * document with most paragraphs and its first numbered paragraph's page; the right and the body cited by most
 * paragraphs.
 */
function pagesOf(dist: string): Record<string, string> {
  const paragraphs = JSON.parse(readFileSync(join(dist, 'data', 'paragraphs.json'), 'utf8')) as Array<{ document: string; anchor: string; number: string | null; rights: string[]; bodies: string[] }>;
  const most = (values: string[]) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  const doc = most(paragraphs.map((p) => p.document));
  const first = paragraphs.find((p) => p.document === doc && p.number !== null) ?? paragraphs.find((p) => p.document === doc)!;
  return {
    home: '/',
    document: `/documents/${doc}/`,
    paragraph: `/documents/${doc}/${first.anchor}/`,
    right: `/rights/${most(paragraphs.flatMap((p) => p.rights))}/`,
    body: `/bodies/${most(paragraphs.flatMap((p) => p.bodies))}/`,
  };
}
const PAGES = pagesOf(inject('atlasDist'));
/** The symbol the built site cites the cycle 4 compilation by (both corpora have one under this id). */
const COMPILATION = (JSON.parse(readFileSync(join(inject('atlasDist'), 'data', 'documents.json'), 'utf8')) as Array<{ id: string; symbol: string | null }>).find((d) => d.id === 'upr4-un-compilation')!.symbol!;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ root: inject('atlasDist') });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function audit(path: string, scheme: 'light' | 'dark', width: number, name: string): Promise<string[]> {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const response = await page.goto(server.url + path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await page.screenshot({ path: join(shots, `${name}-${scheme}-${width}.png`), fullPage: false });
    // The CSP forbids inline scripts, so axe is evaluated through the automation channel.
    await page.evaluate(axeSource);
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return r.violations;
    })) as Violation[];
    return [
      ...violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
      ...errors.map((e) => `console: ${e}`),
    ];
  } finally {
    await context.close();
  }
}

describe('axe-core finds no violations', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    it(`on the ${name} page (${path}) in the light scheme at desktop width`, async () => {
      expect(await audit(path, 'light', 1280, name)).toEqual([]);
    });
    it(`on the ${name} page (${path}) in the dark scheme at phone width`, async () => {
      expect(await audit(path, 'dark', 390, name)).toEqual([]);
    });
  }
});

describe('paragraph links', () => {
  it('highlights the targeted paragraph on the document page', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/documents/upr4-un-compilation/#p22`);
      const bg = await page.$eval('#p22', (el) => getComputedStyle(el).backgroundColor);
      const other = await page.$eval('#p21', (el) => getComputedStyle(el).backgroundColor);
      expect(bg).not.toBe(other);
      await page.screenshot({ path: join(shots, 'document-target.png') });
    } finally {
      await page.close();
    }
  });

  it('copies the citation with the button, which appears only with JavaScript', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/documents/upr4-un-compilation/p22/`);
      const button = page.locator('.citation-box button.copy-cite');
      await button.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        // Built without SITE_URL: the copied address takes the origin of the page it was copied from.
        `${COMPILATION}, para. 22. ${server.url}/documents/upr4-un-compilation/p22/`,
      );
      await expect.poll(() => page.locator('.citation-box .copy-status').textContent()).toBe('Copied.');
      // On the document page "Cite" opens the citation in place, and its button copies it.
      await page.goto(`${server.url}/documents/upr4-un-compilation/#p12`);
      await page.locator('#p12 a.cite-link').click();
      await page.locator('#p12 button.copy-cite').click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `${COMPILATION}, para. 12. ${server.url}/documents/upr4-un-compilation/p12/`,
      );
    } finally {
      await context.close();
    }
  });
});
