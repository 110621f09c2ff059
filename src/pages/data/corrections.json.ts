import type { APIRoute } from 'astro';
import { generatedData } from '../../lib/generated-data.ts';

/** dist/data/corrections.json: every OCR correction applied, with the printed reading and its source line. */
export const GET: APIRoute = async () => {
  const reports = [...generatedData('reports')].sort((a, b) => a.document.localeCompare(b.document));
  const rows = reports.flatMap((r) => r.corrections.map((c) => ({ document: r.document, line: c.line, printed: c.printed, correction: c.correction, kind: c.kind })));
  return new Response(JSON.stringify(rows, null, 1) + '\n');
};
