/**
 * The home page's coverage matrix on a large site (src/lib/site-plan.ts): rights × States instead
 * of rights × documents, so the page grows with the number of States (about 190), not of documents
 * (thousands). Each cell counts the paragraphs on a right in the documents about a State.
 */
import { heatLevel, type Atlas } from './atlas.ts';
import type { Right } from '../schemas/right.ts';

/** One cell: a State's paragraphs on a right. */
export interface StateCell {
  /** ISO code of the State. */
  state: string;
  count: number;
  /** 0 (none) to 4 (most), relative to the largest cell. */
  level: 0 | 1 | 2 | 3 | 4;
}

/** The States of the corpus in name order, and one row per right (in the atlas's order). */
export function coverageByState(atlas: Atlas): { states: Array<{ code: string; name: string }>; rows: Array<{ right: Right; total: number; cells: StateCell[] }> } {
  const stateOf = new Map(atlas.documents.map((d) => [d.id, d.state.code]));
  const states = [...new Map(atlas.documents.map((d) => [d.state.code, d.state])).values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const counted = atlas.rights.map((right) => {
    const list = atlas.paragraphsByRight.get(right.id) ?? [];
    const perState = new Map<string, number>();
    for (const p of list) {
      const code = stateOf.get(p.document) as string;
      perState.set(code, (perState.get(code) ?? 0) + 1);
    }
    return { right, total: list.length, counts: states.map((s) => perState.get(s.code) ?? 0) };
  });
  const max = Math.max(1, ...counted.flatMap((r) => r.counts));
  return {
    states: states.map(({ code, name }) => ({ code, name })),
    rows: counted.map((r) => ({
      right: r.right,
      total: r.total,
      cells: r.counts.map((count, i) => ({ state: (states[i] as { code: string }).code, count, level: heatLevel(count, max) })),
    })),
  };
}
