/** The README's registry field table lists exactly the fields the schema accepts (an entry must not need a field the README does not name). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentInputSchema } from '../../src/schemas/document.ts';
import { ROOT } from '../corpora.ts';

describe('README registry fields', () => {
  it('names every field of documentInputSchema, and no other, in its "Registry fields" table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Registry fields')).split('\n');
    const start = section.findIndex((l) => l.startsWith('|'));
    const end = section.findIndex((l, i) => i > start && !l.startsWith('|'));
    const rows = section.slice(start + 2, end);
    const fields = rows.map((r) => /^\| `([a-zA-Z0-9]+)`/.exec(r)![1]);
    expect(fields.sort()).toEqual(Object.keys(documentInputSchema.shape).sort());
    // Required in the schema ⇔ "yes" in the table.
    for (const r of rows) {
      const [, name, required] = /^\| `([a-zA-Z0-9]+)` \| ([^|]+) \|/.exec(r)!;
      const optional = documentInputSchema.shape[name as keyof typeof documentInputSchema.shape].safeParse(undefined).success;
      expect(`${name}: ${optional ? 'optional' : 'required'}`).toBe(`${name}: ${required.trim().startsWith('yes') ? 'required' : 'optional'}`);
    }
  });
});
