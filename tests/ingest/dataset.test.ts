import { describe, expect, it } from 'vitest';
import { csvField, paragraphRecords, paragraphsCsv } from '../../src/lib/dataset.ts';
import { ingestRegistered, registry } from './helpers.ts';

describe('public dataset', () => {
  const docs = registry.filter((d) => d.id === 'upr4-un-compilation');
  const records = paragraphRecords(docs, ingestRegistered('upr4-un-compilation').paragraphs);
  it('gives each paragraph its URL in context and its permanent page', () => {
    const p12 = records.find((r) => r.number === '12')!;
    expect(p12.url).toBe('/documents/upr4-un-compilation/#p12');
    expect(p12.permalink).toBe('/documents/upr4-un-compilation/p12/');
    expect(p12.citation).toContain('A/HRC/WG.6/48/KAZ/2, para. 12');
  });
  it('quotes CSV fields holding commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField(null)).toBe('');
  });
  it('writes one CSV row per paragraph after the header', () => {
    const csv = paragraphsCsv(records);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(records.length + 1);
    expect(csv.startsWith('id,document,number,section,kind,anchor,url,citation,headings,text,')).toBe(true);
  });
});
