/** A paragraph's Pagefind record: filters, metadata, sort key, synonym terms (no build needed). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../src/schemas/document.ts';
import { bodySchema } from '../../../src/schemas/body.ts';
import { rightSchema } from '../../../src/schemas/right.ts';
import type { Paragraph } from '../../../src/schemas/paragraph.ts';
import {
  type SearchRegistries,
  buildSearchRecord,
  facetLabels,
} from '../../../src/scripts/search-record.ts';
import { loadedCorpus } from '../../corpora.ts';

const registry = (name: string): unknown[] =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../content/registry', `${name}.json`), 'utf8')) as unknown[];
const corpus = loadedCorpus();

const registries: SearchRegistries = {
  documents: corpus.documents.map((d) => documentSchema.parse(d)),
  cycles: corpus.cycles,
  rights: registry('rights').map((r) => rightSchema.parse(r)),
  bodies: registry('bodies').map((b) => bodySchema.parse(b)),
};

function paragraph(overrides: Partial<Paragraph>): Paragraph {
  return {
    id: 'upr4-un-compilation/p53',
    document: 'upr4-un-compilation',
    number: '53',
    anchor: 'p53',
    section: null,
    kind: 'numbered',
    order: 52,
    headings: ['Specific persons or groups', 'Women'],
    headingAnchors: ['h-iv-c', 'h-iv-c-1'],
    blocks: [{ type: 'text', runs: [{ text: 'The Committee against Torture was concerned.' }] }],
    text: 'The Committee against Torture was concerned.',
    footnotes: [],
    recommendations: [],
    rights: ['women', 'torture'],
    rightTags: [],
    bodies: ['cat'],
    lines: [1, 2],
    ...overrides,
  };
}

describe('search record of a paragraph', () => {
  it('titles a UN paragraph "symbol ¶ number — innermost heading" and links it in context', () => {
    const record = buildSearchRecord(paragraph({}), registries);
    expect(record.meta.title).toBe('A/HRC/WG.6/48/KAZ/2 ¶ 53 — Women');
    expect(record.meta.context).toBe('/documents/upr4-un-compilation/#p53');
    expect(record.meta.cycle).toBe('UPR cycle 4 (2025)');
    expect(record.sort.date).toBe('2025-01/upr4-un-compilation/00052');
  });

  it('files the paragraph under every facet, with ICCPR articles from its rights', () => {
    const record = buildSearchRecord(paragraph({}), registries);
    expect(record.filters).toEqual({
      right: ['women', 'torture'],
      body: ['cat'],
      doc: ['upr4-un-compilation'],
      type: ['un-compilation'],
      author: ['un'],
      cycle: ['upr-4'],
      article: ['3', '7'],
    });
  });

  it('titles an NGO paragraph by short title and article section, and adds the section\'s articles', () => {
    const record = buildSearchRecord(
      paragraph({
        id: 'iccpr2-ngo-comments/art2-3-26-p3',
        document: 'iccpr2-ngo-comments',
        anchor: 'art2-3-26-p3',
        number: '3',
        section: 'art2-3-26',
        rights: [],
        bodies: [],
        headings: ['Comments on the report', 'ARTICLES 2, 3 AND 26'],
      }),
      registries,
    );
    expect(record.meta.title).toBe('NGO comments on the 2nd ICCPR report Articles 2, 3 and 26 ¶ 3');
    expect(record.meta.number).toBe('Articles 2, 3 and 26 ¶ 3');
    expect(record.filters.article).toEqual(['2', '3', '26']);
    expect(record.filters.author).toEqual(['ngo']);
  });

  it('adds body abbreviations and one-word right keywords as synonyms, but no multi-word keyword', () => {
    const { terms } = buildSearchRecord(paragraph({}), registries);
    expect(terms).toContain('CAT');
    expect(terms).toContain('Committee against Torture');
    expect(terms).toContain('ill-treatment');
    expect(terms).not.toContain('national preventive mechanism');
    expect(terms.some((term) => term.includes('*'))).toBe(false);
  });

  it('names the paragraph and the registry when a tag is unknown', () => {
    expect(() => buildSearchRecord(paragraph({ bodies: ['nobody'] }), registries)).toThrow(
      'paragraph upr4-un-compilation/p53: unknown body "nobody"',
    );
  });

  it('labels facet values for display', () => {
    const labels = facetLabels(registries);
    expect(labels.body.cat).toBe('Committee against Torture');
    expect(labels.author).toEqual({ state: 'State', un: 'UN', ngo: 'NGO' });
    expect(labels.doc['upr4-un-compilation']).toBe('UPR 2025 UN compilation (A/HRC/WG.6/48/KAZ/2)');
  });
});
