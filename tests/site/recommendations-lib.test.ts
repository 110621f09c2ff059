/** The recommendation helpers the pages use, on the site fixture's paragraphs and hand-made records. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAtlas } from '../../src/lib/atlas.ts';
import {
  answerStatus, buildRecommendationIndex, citationLinks, filterOptions, followUp, idGaps, positionLabel, recommendationRecords, recommendationRows,
  recommendationsByRight, recommendationsByState, recommendationsCsv, recommendationSearchRecord, recommendationsOnRightOf, reviewOverviews, stateSummaries,
  unresolvedCitations,
} from '../../src/lib/recommendations.ts';
import { rightAcrossCycles } from '../../src/lib/atlas.ts';
import { recommendationUrl, stateUrl } from '../../src/lib/routes.ts';
import { rowMatches } from '../../src/scripts/recommendation-match.ts';
import { stateEntrySchema } from '../../src/schemas/corpus.ts';
import type { Recommendation, RecommendationData } from '../../src/schemas/recommendation.ts';
import { fixtureInput } from './fixture.ts';

const atlas = buildAtlas(fixtureInput());
const states = z.array(stateEntrySchema).parse(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../content/registry/states.json'), 'utf8')));

const base: Omit<Recommendation, 'key' | 'id' | 'review'> = {
  outcome: null, outcomeDocument: null, sequence: null, label: null, text: null, states: [], source: null, reportPosition: null, position: null,
  positionWording: null, alreadyImplemented: false, positionSource: null, responses: [], answeredBy: [], rights: [], rightTags: [],
};
/** Two cited-only records of upr-1 (outcome report not in the library) and two with text of a review "upr-3". */
const records: Recommendation[] = [
  { ...base, key: 'upr-1/95.9', id: '95.9', review: 'upr-1', outcome: 'A/HRC/14/10', answeredBy: [{ document: 'upr2-national-report', anchor: 'p26' }], rights: ['torture'], rightTags: [{ right: 'torture', basis: 'answer', evidence: 'Torture' }] },
  { ...base, key: 'upr-1/95.42', id: '95.42', review: 'upr-1', outcome: 'A/HRC/14/10', answeredBy: [{ document: 'upr2-national-report', anchor: 'p26' }, { document: 'upr2-national-report', anchor: 'p27' }] },
  {
    ...base, key: 'upr-3/120.1', id: '120.1', review: 'upr-3', outcome: 'A/HRC/41/1', sequence: 1, label: '120.1', text: 'Ratify the Optional Protocol to the Convention against Torture (France) (Iran (Islamic Republic of))',
    states: [{ name: 'France', code: 'FRA' }, { name: 'Iran (Islamic Republic of)', code: 'IRN' }], position: 'accepted', positionWording: 'accepts', alreadyImplemented: true, rights: ['torture'],
    rightTags: [{ right: 'torture', basis: 'text', evidence: 'tortur*' }],
  },
  { ...base, key: 'upr-3/120.2', id: '120.2', review: 'upr-3', outcome: 'A/HRC/41/1', sequence: 2, label: '120.2', text: '=Abolish the death penalty (France)', states: [{ name: 'France', code: 'FRA' }], position: 'noted', positionWording: 'takes note of' },
];
const data: RecommendationData = {
  records,
  citations: [
    { document: 'upr2-national-report', anchor: 'p26', cited: '95.42', review: 'upr-1', numbering: 'printed', status: 'text-not-in-library', key: 'upr-1/95.42', reason: null },
    { document: 'upr2-national-report', anchor: 'p26', cited: '95.9', review: 'upr-1', numbering: 'printed', status: 'text-not-in-library', key: 'upr-1/95.9', reason: null },
    { document: 'upr2-national-report', anchor: 'p27', cited: '95.42', review: 'upr-1', numbering: 'printed', status: 'text-not-in-library', key: 'upr-1/95.42', reason: null },
    { document: 'upr2-national-report', anchor: 'p27', cited: '95.10', review: 'upr-1', numbering: 'printed', status: 'unresolved', key: null, reason: 'a reason' },
  ],
  reviews: [
    { review: 'upr-1', outcome: 'A/HRC/14/10', outcomeDocument: null, views: null, recommendations: 2, withText: 0, positions: { unknown: 2 }, statedCounts: {} },
    { review: 'upr-3', outcome: 'A/HRC/41/1', outcomeDocument: null, views: null, recommendations: 2, withText: 2, positions: { accepted: 1, noted: 1 }, statedCounts: {} },
  ],
  redirects: [],
  anomalies: [],
};
const index = buildRecommendationIndex(data, atlas, states);

describe('recommendation index', () => {
  it('refuses a record pointing at a paragraph that does not exist, naming both', () => {
    const bad = { ...data, records: [{ ...records[0], answeredBy: [{ document: 'upr2-national-report', anchor: 'p999' }] }] };
    expect(() => buildRecommendationIndex(bad, atlas, states)).toThrow('recommendation upr-1/95.9: no paragraph upr2-national-report/p999');
  });
  it('addresses a recommendation by review and printed id', () => {
    expect(recommendationUrl('upr-1/95.41')).toBe('/recommendations/upr-1/95-41/');
    expect(stateUrl('DEU')).toBe('/states/deu/');
  });
  it('labels a review without documents from its id', () => {
    expect(index.reviewLabel('upr-3')).toBe('UPR cycle 3');
    expect(index.reviewLabel('upr-1')).toBe(atlas.cycle.get('upr-1')!.label);
  });
});

describe('the table', () => {
  const rows = recommendationRows(index);
  it('has one row per record, saying plainly when the text is not in the library', () => {
    expect(rows.map((r) => [r.id, r.text === null, r.positionLabel, r.answered])).toEqual([
      ['95.9', true, 'Not in this library', 1],
      ['95.42', true, 'Not in this library', 2],
      ['120.1', false, 'Accepted', 0],
      ['120.2', false, 'Noted', 0],
    ]);
    expect(rows[2].states.map((s) => s.url)).toEqual(['/states/fra/', '/states/irn/']);
  });
  it('offers only filter values that keep rows, counted', () => {
    const f = filterOptions(index);
    expect(f.position.map((o) => [o.value, o.count])).toEqual([['accepted', 1], ['noted', 1], ['unknown', 2]]);
    expect(f.state.map((o) => [o.label, o.count])).toEqual([['France', 2], ['Iran (Islamic Republic of)', 1]]);
    expect(f.answered.map((o) => o.count)).toEqual([2, 2]);
    expect(f.right.map((o) => o.value)).toEqual(['torture']);
  });
  it('filters a row by single values and by lists of values', () => {
    const row = { review: 'upr-3', state: 'FRA IRN', position: 'accepted' };
    expect(rowMatches(row, { review: 'upr-3', state: 'IRN', position: '' })).toBe(true);
    expect(rowMatches(row, { state: 'IR' })).toBe(false);
    expect(rowMatches(row, { position: 'noted' })).toBe(false);
  });
  it('lists the ids the outcome report must have between the cited ones (gaps, explained on the page)', () => {
    expect(idGaps(['95.1', '95.3', '97.2'])).toEqual([{ paragraph: '95', missing: ['95.2'] }, { paragraph: '97', missing: ['97.1'] }]);
    expect(reviewOverviews(index)[0]).toMatchObject({ review: 'upr-1', outcome: { symbol: 'A/HRC/14/10', document: null }, withText: 0 });
    // Cited: 95.9 and 95.42, so 95.1–95.8 and 95.10–95.41 exist in the report but are not listed.
    const missing = Array.from({ length: 41 }, (_, i) => `95.${i + 1}`).filter((id) => id !== '95.9');
    expect(reviewOverviews(index)[0].gaps).toEqual([{ paragraph: '95', missing }]);
  });
  it('lists citations left unresolved per document, with their reason', () => {
    expect(unresolvedCitations(index).map((u) => [u.document.id, u.numbers, u.reasons])).toEqual([['upr2-national-report', ['95.10'], ['a reason']]]);
  });
});

describe('by right, by State, and what happened next', () => {
  it('groups a right’s recommendations by review (for the rights pages)', () => {
    expect(recommendationsByRight(index, 'torture').map((g) => [g.review, g.records.map((r) => r.id)])).toEqual([['upr-1', ['95.9']], ['upr-3', ['120.1']]]);
    expect(recommendationsByRight(index, 'women')).toEqual([]);
  });
  it('gives the rights pages each record on the right, placed after the review that made it', () => {
    const on = recommendationsOnRightOf(index, 'torture');
    expect(on).toEqual([
      { id: '95.9', href: '/recommendations/upr-1/95-9/', text: null, response: null, madeIn: 'upr-1', answeredIn: 'upr-2' },
      { id: '120.1', href: '/recommendations/upr-3/120-1/', text: records[2].text, response: 'accepted', madeIn: null, answeredIn: null },
    ]);
    const across = rightAcrossCycles(atlas, 'torture', on);
    expect(across.cycles.find((c) => c.cycle.id === 'upr-2')!.recommendationsBefore.map((r) => r.id)).toEqual(['95.9']);
  });
  it('summarises each recommending State under its UN name', () => {
    expect(stateSummaries(index).map((s) => [s.name, s.total, s.positions])).toEqual([
      ['France', 2, { accepted: 1, noted: 1 }],
      ['Iran (Islamic Republic of)', 1, { accepted: 1 }],
    ]);
    expect(recommendationsByState(index, 'IRN').map((g) => g.records.map((r) => r.key))).toEqual([['upr-3/120.1']]);
  });
  it('links the numbers a paragraph cites to their pages, and leaves an unresolved one unlinked', () => {
    expect(citationLinks(index, { document: 'upr2-national-report', anchor: 'p27' })).toEqual([
      { cited: '95.42', status: 'text-not-in-library', url: '/recommendations/upr-1/95-42/', reason: null },
      { cited: '95.10', status: 'unresolved', url: null, reason: 'a reason' },
    ]);
  });
  it('finds the next review’s UN compilation paragraphs in sections on the recommendation’s rights', () => {
    const f = followUp(index, records[2]);
    expect(f.cycle?.id).toBe('upr-4');
    expect(f.documents.map((d) => [d.document.id, d.paragraphs.map((p) => p.anchor), d.total])).toEqual([['upr4-un-compilation', ['p21', 'p22', 'p23'], 3]]);
    expect(f.more).toBe(0);
    expect(followUp(index, records[3]).documents).toEqual([]);
    // Past the document limit, documents are counted, not listed.
    const capped = followUp(index, records[2], 3, 0);
    expect([capped.documents.length, capped.more]).toEqual([0, 1]);
  });
  it('says which later reports answer a review, and names the next review even when it is not in the library', () => {
    const s = answerStatus(index, records[0]);
    expect(s.paragraphs.map((p) => p.id)).toEqual(['upr2-national-report/p26']);
    expect(s.reports.map((r) => [r.document.id, r.numbering])).toEqual([['upr2-national-report', 'printed']]);
    expect(answerStatus(index, records[2]).nextLabel).toBe(atlas.cycle.get('upr-4')!.label);
  });
});

describe('search record and dataset', () => {
  it('gives a recommendation page its own filters and a title naming the id, the report and the States', () => {
    const r = recommendationSearchRecord(index, records[2]);
    expect(r.filters).toEqual({ 'recommending-state': ['FRA', 'IRN'], position: ['accepted'], record: ['recommendation'] });
    expect(r.meta.title).toBe('Recommendation 120.1 (A/HRC/41/1) — France, Iran (Islamic Republic of)');
    expect(r.meta.context).toBe('/recommendations/upr-3/120-1/');
    expect(positionLabel(null)).toBe('Not in this library');
  });
  it('exports records with permalinks and paragraph URLs, and CSV with neutralised formulas', () => {
    const out = recommendationRecords(index);
    expect(out[1]).toMatchObject({ key: 'upr-1/95.42', text: null, answeredBy: ['/documents/upr2-national-report/p26/', '/documents/upr2-national-report/p27/'], permalink: '/recommendations/upr-1/95-42/' });
    const csv = recommendationsCsv(out).split('\r\n');
    expect(csv[0]).toBe('key,id,review,outcome,sequence,text,states,stateCodes,position,positionWording,alreadyImplemented,positionSource,source,responses,answeredBy,rights,permalink');
    expect(csv).toHaveLength(records.length + 2);
    expect(csv[4]).toContain(",'=Abolish the death penalty (France),");
  });
});
