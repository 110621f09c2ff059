import type { IngestResult } from './pipeline.ts';

/**
 * The outline of a parsed document, one readable line per heading, paragraph and table, then its notes:
 * what the golden files hold (tests/golden/), and what `npm run outline` prints for review.
 */
export function outline(r: IngestResult): string {
  const out: string[] = [];
  for (const e of r.body) {
    if (e.kind === 'heading') out.push(`${'#'.repeat(e.heading.level)} ${e.heading.anchor} | ${e.heading.label ? e.heading.label + '. ' : ''}${e.heading.title}`);
    else if (e.kind === 'recref') out.push(`  recommendations ${e.recommendations.join(' ')}`);
    else if (e.kind === 'table') out.push(`  table ${e.table.id}: ${e.table.rows.length} rows × ${e.table.columns.length} columns`);
    else {
      const p = e.paragraph;
      const t = p.text;
      const lists = p.blocks.filter((b) => b.type === 'list').map((b) => (b.type === 'list' ? `${b.style}×${b.items.length}` : ''));
      out.push(
        `  ${p.anchor} [${p.kind}${p.number ? ' ' + p.number : ''}] L${p.lines[0]}-${p.lines[1]}` +
          `${p.footnotes.length ? ` fn ${p.footnotes.join(',')}` : ''}${lists.length ? ` lists ${lists.join(',')}` : ''}` +
          ` | ${t.length > 110 ? `${t.slice(0, 70)} … ${t.slice(-35)}` : t}`,
      );
    }
  }
  out.push('', `notes: ${r.footnotes.length} (${r.footnotes.filter((f) => f.text !== null).length} with text)`);
  for (const f of r.footnotes.filter((x) => x.text !== null)) out.push(`  ${f.n} L${f.lines?.[0]} | ${f.text!.slice(0, 90)}`);
  return out.join('\n') + '\n';
}
