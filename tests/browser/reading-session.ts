/**
 * The served site and the browser of one reading test file (tests/browser/reading-*.test.ts): the
 * built site served and Chromium launched before the file's tests and closed after them; `open` gives
 * a page in a fresh browser context, which is closed after each test (or earlier by `close`).
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { type RunningServer, startServer } from '../../scripts/serve.ts';
import { ROOT, launchBrowser } from './harness.ts';

/** The phone and desktop viewports the reading tests use. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** How a page is opened: viewport, colour scheme, JavaScript on or off. */
export interface OpenOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  javaScriptEnabled?: boolean;
}

export interface ReadingSession {
  /** The built site's folder (the global setup's build, ATLAS_TEST_DIST, or dist/). */
  readonly dist: string;
  /** Origin of the served site, without a trailing slash. */
  readonly url: string;
  /** A page in a new context (phone, light, JavaScript on unless told otherwise); the previous context is closed. */
  open(options?: OpenOptions): Promise<Page>;
  /** Closes the current context, if any. */
  close(): Promise<void>;
}

/** Registers the file's hooks and returns its session; call once, at the top level of a test file. */
export function readingSession(): ReadingSession {
  const dist = inject('atlasDist') ?? process.env.ATLAS_TEST_DIST ?? join(ROOT, 'dist');
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close();
    context = undefined;
  };
  beforeAll(async () => {
    server = await startServer({ root: dist });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(close);
  return {
    dist,
    get url() {
      if (!server) throw new Error('the reading session is used before its beforeAll hook ran');
      return server.url;
    },
    async open({ viewport = PHONE, colorScheme = 'light', javaScriptEnabled = true }: OpenOptions = {}) {
      if (!browser) throw new Error('the reading session is used before its beforeAll hook ran');
      await close();
      context = await browser.newContext({ viewport, colorScheme, javaScriptEnabled });
      return context.newPage();
    },
    close,
  };
}
