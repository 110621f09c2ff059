/**
 * One folder per tricky case under tests/fixtures/ingest/: input.txt (a source text of another State,
 * in another layout), entry.json (registry overrides), expected.json (reviewed result).
 * A case without expected.json fails and writes expected.actual.json for review (rename it to accept).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from './helpers.ts';

const ROOT = 'tests/fixtures/ingest';

describe('fixture cases in other layouts', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(`parses ${name.replace(/-/g, ' ')} as reviewed`, () => {
      const dir = join(ROOT, name);
      const r = ingestText(readFileSync(join(dir, 'input.txt'), 'utf8'), JSON.parse(readFileSync(join(dir, 'entry.json'), 'utf8')));
      const actual = {
        headings: r.headings.map((h) => `${h.level} ${h.anchor} ${h.title}`),
        paragraphs: r.paragraphs.map((p) => ({ anchor: p.anchor, number: p.number, kind: p.kind, text: p.text, footnotes: p.footnotes })),
        footnotes: r.footnotes.map((f) => ({ n: f.n, text: f.text })),
        furniture: r.report.furniture.map((f) => `${f.line} ${f.kind}`),
        accounting: r.report.accounting,
      };
      const file = join(dir, 'expected.json');
      if (!existsSync(file)) {
        writeFileSync(join(dir, 'expected.actual.json'), JSON.stringify(actual, null, 2) + '\n');
        expect.fail(`${file} is missing: review expected.actual.json and rename it`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
