/** /data/paragraphs.csv: no cell a spreadsheet would run as a formula (README, "Dataset"). */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/lib/dataset.ts';

describe('CSV cells are neutralised against formulas', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+cmd|x', '-2+3', '@SUM(A1)', '\tTAB', '\r=1'])('prefixes %j with an apostrophe', (cell) => {
    const out = csvField(cell);
    // Unquote an RFC 4180 field to see the cell a spreadsheet gets.
    const value = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
    expect(value).toBe(`'${cell}`);
  });

  it('leaves plain numbers, ordinary text and empty cells alone', () => {
    expect(csvField('-3')).toBe('-3');
    expect(csvField('95.41')).toBe('95.41');
    expect(csvField(12)).toBe('12');
    expect(csvField('The Committee')).toBe('The Committee');
    expect(csvField(null)).toBe('');
    expect(csvField('a "quoted", text')).toBe('"a ""quoted"", text"');
  });
});
