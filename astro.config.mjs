// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * Static site: one folder per page (`/documents/x/p12/index.html`) so every URL ends in "/".
 * MDX (the document bodies) compiles with Astro 7's default Sätteri processor, whose built-in
 * GFM renders the tables; remark/rehype plugins would need @astrojs/markdown-remark (not
 * installed, and measured twice as slow), so none are configured here.
 */
export default defineConfig({
  site: 'https://rights-review-atlas.example',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
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
