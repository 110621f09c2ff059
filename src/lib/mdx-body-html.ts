/**
 * A document body as HTML, straight from the MDX the ingest writes (scripts/ingest/emit.ts), for a
 * large site (src/lib/site-plan.ts), where compiling thousands of MDX modules would need more memory
 * than the build has (measured by `npm run bench`, README "Scale").
 *
 * The ingest's MDX is a narrow dialect, and this reads exactly that: front matter; one HTML element
 * per line, whose text has every ASCII punctuation character backslash-escaped (`\,` `\<`) and whose
 * attributes hold no escapes; GFM tables (lines starting with "|": a header row, a separator, body
 * rows, "\|" a literal pipe) inside `<figure>` elements; blank lines between blocks. The HTML is the
 * MDX rendering's (same elements and text; whitespace between elements may differ), which
 * tests/quality/large-site.test.ts checks page by page against the full build of the real corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generatedDir } from './generated-dir.ts';

/** The entities Astro writes for text (so a body reads the same whichever way it was rendered). */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text of the dialect with its backslash escapes resolved, HTML-escaped where HTML needs it. */
export function unescapeMdx(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => ENTITIES[c] ?? c);
}

/** Splits a GFM table row into its cells ("\|" stays inside a cell). */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

function table(lines: string[]): string {
  const [head, , ...rows] = lines;
  const row = (cols: string[], tag: 'th' | 'td') => `<tr>\n${cols.map((c) => `<${tag}>${unescapeMdx(c)}</${tag}>`).join('\n')}\n</tr>`;
  return `<table>\n<thead>\n${row(cells(head ?? ''), 'th')}\n</thead>\n<tbody>\n${rows.map((r) => row(cells(r), 'td')).join('\n')}\n</tbody>\n</table>`;
}

/** The HTML of one document body written in the ingest's MDX dialect. */
export function mdxBodyHtml(mdx: string): string {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out: string[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    if (line.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && (lines[i] as string).startsWith('|')) rows.push(lines[i++] as string);
      i--;
      out.push(table(rows));
      continue;
    }
    out.push(unescapeMdx(line));
  }
  return out.join('\n');
}

/** The HTML body of document `id` from `<generated>/documents/<id>.mdx`, or null when there is none. */
export function readDocumentBodyHtml(id: string, generated: string = generatedDir()): string | null {
  const file = path.join(generated, 'documents', `${id}.mdx`);
  return fs.existsSync(file) ? mdxBodyHtml(fs.readFileSync(file, 'utf8')) : null;
}
