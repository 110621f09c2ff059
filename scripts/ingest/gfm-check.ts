import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, Table } from 'mdast';

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Parses an emitted GFM table with remark-gfm and reports how it reads: rows (without the header)
 * and cells per row. The ingest uses it to prove each generated table has the shape it meant
 * (a stray "|" in a cell would otherwise split the cell silently).
 */
export function readGfmTable(markdown: string): { rows: number; cells: number[] } | null {
  const tree = parser.parse(markdown) as Root;
  const table = tree.children.find((n): n is Table => n.type === 'table');
  if (!table) return null;
  return { rows: table.children.length - 1, cells: table.children.map((r) => r.children.length) };
}
