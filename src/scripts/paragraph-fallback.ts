/**
 * The 404 page's script on a large site (no page per paragraph): a paragraph URL
 * /documents/{doc}/{anchor}/ is sent to the paragraph in its document, /documents/{doc}/#{anchor}
 * (replacing the history entry, so Back skips the 404). Any other missing URL stays on the 404 page.
 */
import { paragraphFallback } from '../lib/paragraph-fallback.ts';

const target = paragraphFallback(location.pathname);
if (target !== null) location.replace(target);
