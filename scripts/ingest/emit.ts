import type { Run, Block, Paragraph } from '../../src/schemas/paragraph.ts';
import type { Footnote } from '../../src/schemas/footnote.ts';
import type { BodyEntry, IngestResult } from './pipeline.ts';
import { IngestError } from './errors.ts';
import { readGfmTable } from './gfm-check.ts';

/**
 * Escapes text for MDX so it renders literally: every ASCII punctuation character is backslash-escaped
 * (MDX/CommonMark honour "\\x" for all of them), so braces, angle brackets, emphasis marks, "#", "import"
 * or "export" at line start, entities and HTML comments stay text. Newlines never occur (one line per element).
 */
export function escapeMdx(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => '\\' + c);
}

/** Escapes an attribute value (double-quoted JSX attribute). */
function attr(s: string): string {
  return s.replace(/[&"<>{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function runs(rs: Run[]): string {
  return rs
    .map((r) => ('text' in r ? escapeMdx(r.text) : `<sup class="fnref" id="fnref-${r.fn}"><a href="#fn-${r.fn}" aria-label="Note ${r.fn}">${r.fn}</a></sup>`))
    .join('');
}

function block(b: Block): string {
  if (b.type === 'text') return `<p>${runs(b.runs)}</p>`;
  const items = b.items.map((i) => `<li><span class="label">${escapeMdx(i.label)}</span> ${runs(i.runs)}</li>`).join('');
  return `<ul class="list list-${b.style}">${items}</ul>`;
}

/** Empty elements carrying retired anchors, placed where their text now lives. */
function aliasSpans(anchors: string[] | undefined): string {
  return (anchors ?? []).map((a) => `<span class="retired-anchor" id="${a}"></span>`).join('');
}

function paragraph(p: Paragraph, aliases?: Map<string, string[]>): string {
  const num = p.number !== null ? `${escapeMdx(p.number)}\\.` : p.kind === 'quotation' ? 'Committee' : '¶';
  return (
    `<section class="para kind-${p.kind}" id="${p.anchor}"${p.number !== null ? ` data-number="${attr(p.number)}"` : ''}>` +
    aliasSpans(aliases?.get(p.anchor)) +
    // The accessible name holds the visible label ("12.", "Committee") so voice control can reach it.
    `<a class="pnum" href="#${p.anchor}" aria-label="${attr(p.kind === 'numbered' ? `Permalink to paragraph ${p.number}` : p.kind === 'quotation' ? 'Committee recommendation: permalink' : 'Permalink to this paragraph')}">${num}</a>` +
    `<div class="ptext">${p.blocks.map(block).join('')}</div></section>`
  );
}

/** A table as GFM lines; checked with remark-gfm so every row reads back with one cell per column. */
export function gfmTable(e: Extract<BodyEntry, { kind: 'table' }>['table']): string[] {
  // escapeMdx already escapes "|" as "\|", which GFM reads as a literal pipe inside a cell.
  const cell = (rs: Run[]) => runs(rs) || ' ';
  const head = `| ${e.columns.map((c) => escapeMdx(c) || ' ').join(' | ')} |`;
  const sep = `| ${e.columns.map(() => '---').join(' | ')} |`;
  const lines = [head, sep, ...e.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
  const read = readGfmTable(lines.join('\n'));
  if (!read || read.rows !== e.rows.length || read.cells.some((n) => n !== e.columns.length)) {
    throw new IngestError('content/registry/tables.json', null, `table "${e.id}" does not read back as ${e.rows.length} rows × ${e.columns.length} columns (remark-gfm read ${JSON.stringify(read)}); fix its column spec`);
  }
  return lines;
}

function table(e: Extract<BodyEntry, { kind: 'table' }>['table']): string {
  const [head, sep, ...rows] = gfmTable(e);
  const notes = e.notes.map((n) => `<p class="table-note">${runs(n)}</p>`).join('\n\n');
  return [`<figure class="table" id="table-${e.id}">`, '', e.caption.length ? `<figcaption>${runs(e.caption)}</figcaption>` : '', '', head, sep, ...rows, '', notes, '', '</figure>'].join('\n');
}

function footnotes(fns: Footnote[], fragments: IngestResult['fragments'], aliases: Map<string, string[]> | undefined, cited: Set<number>): string {
  if (!fns.length && !fragments.length) return '';
  const out = ['<section class="footnotes" id="footnotes" aria-labelledby="footnotes-title">', '', '<h2 id="footnotes-title">Notes</h2>', ''];
  for (const f of fns) {
    const text = f.text === null ? '<span class="missing">Text not in the source.</span>' : escapeMdx(f.text);
    const back = cited.has(f.n) ? `<a class="fnback" href="#fnref-${f.n}" aria-label="Back to the text of note ${f.n}">${f.n}</a>` : `<span class="fnback">${f.n}</span>`;
    out.push(`<p class="fn" id="fn-${f.n}">${aliasSpans(aliases?.get(`fn-${f.n}`))}${back} ${text}</p>`, '');
  }
  if (fragments.length) {
    out.push('<h3 id="endnote-fragments">Endnote fragments without printed numbers</h3>', '');
    for (const fr of fragments) out.push(`<p class="fn fragment">${escapeMdx(fr.text)}</p>`, '');
  }
  out.push('</section>');
  return out.join('\n');
}

/** Writes one document body as MDX: headings, paragraphs, tables, notes; deterministic. */
export function toMdx(documentId: string, r: IngestResult, aliases?: Map<string, string[]>): string {
  const parts: string[] = ['---', `document: ${documentId}`, '---', ''];
  for (const e of r.body) {
    if (e.kind === 'heading') {
      const h = e.heading;
      // Levels follow nesting (h2 outermost), so the outline never skips a level.
      const tag = `h${Math.min(h.parents.length + 2, 6)}`;
      const label = h.label ? `<span class="label">${escapeMdx(h.label)}\\.</span> ` : '';
      parts.push(`<${tag} id="${h.anchor}" class="heading level-${h.level}">${label}${runs(e.runs)}</${tag}>`, '');
    } else if (e.kind === 'paragraph') parts.push(paragraph(e.paragraph, aliases), '');
    else if (e.kind === 'recref') parts.push(`<p class="recref" id="${e.anchor}">${escapeMdx(e.text)}</p>`, '');
    else parts.push(table(e.table), '');
  }
  // Back links go to every marker printed in the body: paragraphs, headings and tables alike.
  const cited = new Set([...parts.join('\n').matchAll(/id="fnref-(\d+)"/g)].map((m) => Number(m[1])));
  parts.push(footnotes(r.footnotes, r.fragments, aliases, cited), '');
  return parts.join('\n');
}
