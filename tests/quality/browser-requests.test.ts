/**
 * In headless Chromium, under the headers of public/_headers (applied by scripts/serve.ts), pages
 * of every section of the built site — including a search that loads Pagefind's WebAssembly —
 * make no request to another origin and trigger no Content-Security-Policy violation.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../scripts/serve.ts';
import { builtDist } from './lib/built-site.ts';
import { crawl } from './lib/crawl.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** One page per site section (first and last URL of each first path segment), plus a search. */
function samplePages(urls: string[]): string[] {
  const sections = new Map<string, string[]>();
  for (const url of [...urls].sort()) {
    const key = url.split('/')[1] ?? '';
    sections.set(key, [...(sections.get(key) ?? []), url]);
  }
  const picked = new Set<string>();
  for (const list of sections.values()) {
    picked.add(list[0] as string);
    picked.add(list.at(-1) as string);
  }
  if (urls.includes('/search/')) picked.add('/search/?q=torture');
  return [...picked].sort();
}

let server: RunningServer;
let browser: Browser;
let urls: string[] = [];

beforeAll(async () => {
  const dist = builtDist();
  urls = samplePages([...(await crawl(dist)).pages.keys()]);
  server = await startServer({ root: dist });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('requests made by pages in a real browser', () => {
  it('finds Chromium', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium, or set CHROMIUM_PATH`).toBe(true);
  });

  it('requests nothing from other origins and violates no CSP directive on a page of every section', async () => {
    const origin = new URL(server.url).origin;
    const problems: string[] = [];
    let requests = 0;
    for (const path of urls) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
        });
      });
      page.on('request', (request) => {
        requests++;
        const url = new URL(request.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.origin !== origin) problems.push(`${path}: requested ${request.url()}`);
      });
      page.on('console', (message) => {
        if (/Content Security Policy|CSP violation/i.test(message.text())) problems.push(`${path}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${path}: page error ${error.message}`));
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      if (path.startsWith('/search/?')) {
        // Results appear only once Pagefind's WASM and index have loaded under the policy.
        await page.waitForFunction(() => document.querySelectorAll('main a[href*="#"]').length > 0, null, { timeout: 15_000 })
          .catch(() => problems.push(`${path}: no search results appeared within 15 s`));
      }
      await context.close();
    }
    expect(urls.length).toBeGreaterThanOrEqual(5);
    expect(requests).toBeGreaterThan(urls.length);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 300_000);
});
