// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteUrl } from './src/lib/site-url.ts';

/**
 * Hands the list of pages Astro built to the build entry point (scripts/build.ts), which writes
 * the sitemap from it: the pages the build knows, not a scan of the HTML. Writes the sorted URL
 * paths as JSON to ATLAS_PAGE_LIST when that is set (outside the site); otherwise does nothing.
 * @returns {import('astro').AstroIntegration}
 */
function pageList() {
  return {
    name: 'atlas-page-list',
    hooks: {
      'astro:build:done': ({ pages }) => {
        const file = process.env.ATLAS_PAGE_LIST;
        if (!file) return;
        const paths = [...new Set(pages.map((p) => `/${p.pathname}`.replace(/^\/+/, '/')))].sort();
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(paths, null, 1)}\n`);
      },
    },
  };
}

/**
 * Static site: one folder per page (`/documents/x/p12/index.html`) so every URL ends in "/".
 * `site` comes from SITE_URL only (src/lib/site-url.ts): unset, no absolute URL is printed.
 * MDX (the document bodies) compiles with Astro 7's default Sätteri processor, whose built-in
 * GFM renders the tables; remark/rehype plugins would need @astrojs/markdown-remark (not
 * installed, and measured twice as slow), so none are configured here.
 */
export default defineConfig({
  site: siteUrl(),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), pageList()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Never inline scripts or assets: the Content-Security-Policy (public/_headers) allows 'self' only.
      assetsInlineLimit: 0,
      rolldownOptions: {
        onLog(level, log, handler) {
          // Each .mdx module carries a harmless "use client"-style directive (astro issue #18087).
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
});
