import type { Line } from './lines.ts';
import type { Erratum } from '../../src/schemas/erratum.ts';
import type { Report } from '../../src/schemas/report.ts';
import { IngestError } from './errors.ts';

/**
 * Stage 2b: applies curated OCR corrections (content/registry/errata.json) to the lines.
 * A correction with a line applies there only; without one it applies to every whole-word occurrence.
 * Guarantees afterwards: every erratum was applied at least once (a stale erratum stops the build);
 * each application is recorded with its line so readers can see the printed reading.
 * Idempotent for corrections that do not contain their printed form.
 */
export function applyErrata(lines: Line[], errata: Erratum[], out: Report['corrections'], errataFile: string, file: string): Line[] {
  const result = lines.map((l) => ({ ...l }));
  errata.forEach((e, i) => {
    const esc = e.printed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu');
    let applied = 0;
    for (const l of result) {
      if (e.line !== undefined && l.n !== e.line) continue;
      if (!l.text.includes(e.printed) || !re.test(l.text)) continue;
      re.lastIndex = 0;
      l.text = l.text.replace(re, () => {
        applied++;
        out.push({ line: l.n, printed: e.printed, correction: e.correction, kind: e.kind });
        return e.correction;
      });
    }
    if (applied === 0) {
      throw new IngestError(errataFile, null, `erratum #${i + 1} for ${e.document} ("${e.printed}"${e.line ? ` at ${file}:${e.line}` : ''}) matches nothing in the source; fix or remove it`);
    }
  });
  out.sort((a, b) => a.line - b.line);
  return result;
}
