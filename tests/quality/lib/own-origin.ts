/**
 * The origin a built site says it is deployed at: SITE_URL at build time (src/lib/site-url.ts)
 * makes every canonical link absolute; without it the build prints no origin and this is null.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The origin of the home page's canonical link in `dist`, or null when it is site-relative (no SITE_URL). */
export function ownOrigin(dist: string): string | null {
  const home = join(dist, 'index.html');
  if (!existsSync(home)) return null;
  const href = /<link\b[^>]*\brel="canonical"[^>]*\bhref="([^"]+)"/.exec(readFileSync(home, 'utf8'))?.[1];
  return href && /^https?:\/\//.test(href) ? new URL(href).origin : null;
}
