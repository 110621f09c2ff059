/** The deployed origin of the site, from `site` in astro.config.mjs (canonical links use it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads `site: '…'` from the Astro config without executing it; null when absent. */
export function ownOrigin(root: string): string | null {
  const config = readFileSync(join(root, 'astro.config.mjs'), 'utf8');
  const site = /\bsite\s*:\s*['"`]([^'"`]+)['"`]/.exec(config)?.[1];
  return site ? new URL(site).origin : null;
}
