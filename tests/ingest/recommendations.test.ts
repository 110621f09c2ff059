/**
 * Recommendations as data: the general readers (number lists, recommending States, positions in words) on
 * printed examples, the corpus step on hand-made paragraphs of another State's layout, and the Slovenia and
 * Kazakhstan corpora with counts and positions checked by reading the outcome reports and the addenda.
 */
import { describe, expect, it } from 'vitest';
import { readNumberList } from '../../scripts/ingest/recommendations.ts';
import { listPosition, readOutcomeReport, recommendingStates, stateLookup } from '../../scripts/ingest/outcomes.ts';
import { responsePosition } from '../../scripts/ingest/position-phrases.ts';
import { readPositions } from '../../scripts/ingest/positions.ts';
import { resolveCitations } from '../../scripts/ingest/citations.ts';
import { buildRecommendations } from '../../scripts/ingest/recommendation-records.ts';
import { annotate } from '../../scripts/ingest/annotate.ts';
import type { Paragraph } from '../../src/schemas/paragraph.ts';
import type { DocumentEntry } from '../../src/schemas/document.ts';
import type { Cycle } from '../../src/schemas/cycle.ts';
import type { Recommendation, RecommendationData } from '../../src/schemas/recommendation.ts';
import { recommendationDataSchema } from '../../src/schemas/recommendation.ts';
import { checkRecommendationManifest } from '../../scripts/ingest/recommendation-manifest.ts';
import { join } from 'node:path';
import { corpusDir, corpusNames, loadedCorpus } from '../corpora.ts';
import { ingestDoc } from './helpers.ts';

const codes = stateLookup(loadedCorpus('slovenia').registry.states);
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('number lists as the views print them', () => {
  const read = (s: string) => readNumberList(s, 0).numbers;
  it('expands ranges with en dashes, hyphens and spaces, in printed order ("1–5, 14– 16", "150 – 152")', () => {
    expect(read('1–5, 14– 16, 44, 150 – 152. Slovenia considers')).toEqual([...range('', 1, 5), ...range('', 14, 16), '44', ...range('', 150, 152)]);
  });
  it('reads printed ids, a full stop misprinted for a comma, and bare numbers after an id ("140.120, 209", "140.82-85, 87")', () => {
    expect(read('140.35. 140.36, 140.41. 140.42 and 140.43.')).toEqual(['140.35', '140.36', '140.41', '140.42', '140.43']);
    expect(read('140.82-85, 87 Slovenia implements')).toEqual(['140.82', '140.83', '140.84', '140.85', '140.87']);
    expect(read('140.120, 209 Slovenia has')).toEqual(['140.120', '140.209']);
    expect(read('140.11-14 The 1961 Convention')).toEqual(range('140.', 11, 14));
  });
  it('stops at words and never reads a year, a date or a count as a recommendation', () => {
    expect(read('1993 Convention')).toEqual([]);
    expect(read('2025. The Government')).toEqual([]);
    expect(readNumberList('accepts 4 November 2014', 8)).toMatchObject({ numbers: ['4'], end: 9 });
  });
  it('reports a range that runs backwards instead of expanding it', () => {
    expect(readNumberList('9–7', 0)).toMatchObject({ numbers: [], errors: ['9–7'] });
  });
});

describe('recommending States', () => {
  it('collects every parenthesised group of State names, in order ("To ratify (Spain)/consider … (Argentina) the Convention (Spain, Argentina)")', () => {
    const r = recommendingStates('To ratify (Spain)/consider the possibility of ratifying (Argentina) the Convention (Spain, Argentina) and of accepting the jurisdiction of the committee (Argentina)', codes);
    expect(r.states).toEqual([{ name: 'Spain', code: 'ESP' }, { name: 'Argentina', code: 'ARG' }]);
    expect(r.bare).toBe('To ratify /consider the possibility of ratifying the Convention and of accepting the jurisdiction of the committee');
  });
  it('keeps names with parentheses or "and" whole, and reads one group per State ("(Iran (Islamic Republic of))", "(Algeria) (Cabo Verde)")', () => {
    expect(recommendingStates('Ratify ICRMW (Iran (Islamic Republic of))', codes).states).toEqual([{ name: 'Iran (Islamic Republic of)', code: 'IRN' }]);
    expect(recommendingStates('Ratify ICRMW (Senegal, Venezuela (Bolivarian Republic of), Bosnia and Herzegovina)', codes).states.map((s) => s.code)).toEqual(['SEN', 'VEN', 'BIH']);
    expect(recommendingStates('Ratify the Convention (Algeria) (Cabo Verde) (Kingdom of the Netherlands)', codes).states.map((s) => s.code)).toEqual(['DZA', 'CPV', 'NLD']);
  });
  it('ignores groups that are not States, and keeps an unknown name at the end as printed with code null', () => {
    const r = recommendingStates('Ratify the Convention (ICRMW) (No. 118) (Atlantis)', codes);
    expect(r.states).toEqual([{ name: 'Atlantis', code: null }]);
    expect(r.unknown).toEqual(['Atlantis']);
  });
});

describe('positions in words', () => {
  it('reads what a list introduction says of its recommendations', () => {
    expect(listPosition('The recommendations listed below will be examined by Xyzland, which will provide responses').position).toBe('pending');
    expect(listPosition('The following recommendations enjoy the support of Xyzland:').position).toBe('accepted');
    expect(listPosition('The recommendations below did not enjoy the support of Xyzland:').position).toBe('noted');
    expect(listPosition('The following recommendations are considered by Xyzland to be already implemented').implemented).toBe(true);
  });
  it('reads a free-text answer: accepts, cannot accept, both, a deferral, and "notes that" (which is not "notes the recommendation")', () => {
    expect(responsePosition('Slovenia accepts the recommendation and notes that it has already acted accordingly.')).toEqual({ position: 'accepted', wording: 'accepts' });
    expect(responsePosition('Slovenia cannot accept the recommendation for the following reasons')).toEqual({ position: 'noted', wording: 'cannot accept' });
    expect(responsePosition('Slovenia does not accept this recommendation, as it is incomprehensible')).toEqual({ position: 'noted', wording: 'does not accept' });
    expect(responsePosition('Slovenia accepts the recommendation regarding free legal aid. Slovenia cannot accept the recommendation on specialised family courts.').position).toBe('partially-accepted');
    expect(responsePosition('Slovenia cannot, at this point in time, make a definitive statement.').position).toBe('no-position');
    expect(responsePosition('Slovenia agrees with the importance of the 1995 Programme.')).toEqual({ position: 'no-position', wording: null });
    expect(responsePosition('The Government notes the recommendation.')).toEqual({ position: 'noted', wording: 'notes the recommendation' });
  });
});

/** A hand-made paragraph: printed number, introduction text, and numbered list items. */
function para(document: string, number: string | null, text: string, items: [string, string][] = [], order = 0, anchor?: string): Paragraph {
  const blocks: Paragraph['blocks'] = [{ type: 'text', runs: [{ text }] }];
  if (items.length) blocks.push({ type: 'list', style: 'numeric', items: items.map(([label, t]) => ({ label, runs: [{ text: t }] })) });
  const a = anchor ?? (number ? `p${number.split(',')[0]}` : `u${order}`);
  return {
    id: `${document}/${a}`, document, number, anchor: a, section: null, kind: number ? 'numbered' : 'unnumbered', order, headings: [], headingAnchors: [],
    blocks, text: [text, ...items.map(([l, t]) => `${l} ${t}`)].join(' '), footnotes: [], recommendations: [], rights: [], rightTags: [], bodies: [], lines: [order + 1, order + 1],
  };
}

describe('another State, another layout: three lists in the outcome report, labelled answers, printed and sequence citations', () => {
  const wg = [
    para('x-wg', '92', 'In conclusion, the delegation thanked the Working Group.', [], 0),
    para('x-wg', '93', 'The recommendations formulated during the interactive dialogue have been examined by Xyzland and the recommendations listed below enjoy the support of Xyzland:', [
      ['93.1.', 'Ratify the Optional Protocol to the Convention against Torture (France, Chile);'],
      ['93.2.', 'Strengthen the national human rights institution (Peru);'],
    ], 1),
    para('x-wg', '94', 'The following recommendations will be examined by Xyzland, which will provide responses in due time:', [
      ['94.1.', 'Abolish the death penalty (Norway) (Mexico);'],
      ['94.2.', 'Ratify the Convention on Migrant Workers (Algeria);'],
    ], 2),
    para('x-wg', '95', 'The recommendations below did not enjoy the support of Xyzland:', [['95.1.', 'Recognise same-sex partnerships (Netherlands).']], 3),
    para('x-wg', '96', 'The following pledges were made by Xyzland:', [['1.', 'To ratify two conventions']], 4),
  ];
  const views = [
    para('x-add', '1', 'Xyzland has examined the recommendations left pending.', [], 0),
    para('x-add', null, '94.1 Xyzland supports this recommendation and will abolish the death penalty.', [], 1, 'u1'),
    para('x-add', null, 'A bill is before Parliament.', [], 2, 'u2'),
    para('x-add', null, '94.2 Xyzland cannot accept this recommendation at present.', [], 3, 'u3'),
  ];
  const report = [para('x-nr', '10', 'Torture was made a crime.', [], 0), para('x-nr', '11', 'The institution was strengthened.', [], 1)];
  report[0].recommendations = ['93.1', '95.1'];
  report[1].recommendations = ['93.2', '96.1'];
  const cycle = (id: string, doc: string | null, symbol: string | null): Cycle => ({ id, mechanism: 'upr', number: Number(id.slice(4)), label: `UPR cycle ${id.slice(4)}`, session: 1, date: `20${id.slice(4)}0-01`, period: 'x', body: 'upr-wg', outcome: symbol, outcomeDocument: doc });
  const doc = (id: string, type: DocumentEntry['type'], cycleId: string, answers: DocumentEntry['answers']) => ({ id, type, cycle: cycleId, answers, symbol: id.toUpperCase() }) as DocumentEntry;
  const run = (numbering: 'printed' | 'sequence') =>
    buildRecommendations({
      documents: [doc('x-wg', 'wg-report', 'upr-1', null), doc('x-add', 'addendum', 'upr-1', { review: 'upr-1', numbering: 'printed' }), doc('x-nr', 'national-report', 'upr-2', { review: 'upr-1', numbering })],
      cycles: [cycle('upr-1', 'x-wg', 'A/HRC/1/1'), cycle('upr-2', null, null)],
      paragraphs: new Map([['x-wg', wg], ['x-add', views], ['x-nr', report]]),
      states: loadedCorpus('slovenia').registry.states,
      rights: loadedCorpus('slovenia').registry.rights,
    });

  it('reads every list introduced as recommendations, with the list’s own position and one sequence across lists', () => {
    const { records } = run('printed');
    expect(records.map((r) => [r.id, r.sequence, r.reportPosition])).toEqual([
      ['93.1', 1, 'accepted'], ['93.2', 2, 'accepted'], ['94.1', 3, 'pending'], ['94.2', 4, 'pending'], ['95.1', 5, 'noted'],
    ]);
    expect(records[2].states.map((s) => s.code)).toEqual(['NOR', 'MEX']);
  });
  it('takes final positions from labelled answers where the views make no list statement, with the paragraph stating them', () => {
    const byId = new Map(run('printed').records.map((r) => [r.id, r]));
    expect(byId.get('94.1')).toMatchObject({ position: 'accepted', positionWording: 'supports', positionSource: { document: 'x-add', anchor: 'u1' }, responses: [{ document: 'x-add', anchor: 'u1' }, { document: 'x-add', anchor: 'u2' }] });
    expect(byId.get('94.2')).toMatchObject({ position: 'noted', positionWording: 'cannot accept' });
    expect(byId.get('93.1')).toMatchObject({ position: 'accepted', positionSource: { document: 'x-wg', anchor: 'p93' } });
    expect(byId.get('95.1')).toMatchObject({ position: 'noted' });
  });
  it('resolves printed ids and sequence numbers against the right list, and leaves a number that names nothing unresolved', () => {
    const printed = run('printed');
    expect(printed.citations.map((c) => [c.cited, c.status, c.key])).toEqual([
      ['93.1', 'resolved', 'upr-1/93.1'], ['95.1', 'resolved', 'upr-1/95.1'], ['93.2', 'resolved', 'upr-1/93.2'], ['96.1', 'unresolved', null],
    ]);
    expect(printed.anomalies.map((a) => a.kind)).toContain('citation-unresolved');
    report[0].recommendations = ['5', '1'];
    report[1].recommendations = [];
    try {
      expect(run('sequence').citations.map((c) => c.key)).toEqual(['upr-1/95.1', 'upr-1/93.1']);
    } finally {
      report[0].recommendations = ['93.1', '95.1'];
      report[1].recommendations = ['93.2', '96.1'];
    }
  });
});

/** Every document of a corpus parsed and annotated, then the corpus step, as the ingest runs it. */
const cache = new Map<string, ReturnType<typeof buildRecommendations>>();
function corpusStep(name: string): ReturnType<typeof buildRecommendations> {
  if (!cache.has(name)) {
    const c = loadedCorpus(name);
    const paragraphs = new Map<string, Paragraph[]>();
    for (const d of c.documents) {
      const r = ingestDoc(name, d.id);
      annotate(r.paragraphs, d, { rights: c.registry.rights, bodies: c.registry.bodies });
      paragraphs.set(d.id, r.paragraphs);
    }
    cache.set(name, buildRecommendations({ documents: c.documents, cycles: c.cycles, paragraphs, states: c.registry.states, rights: c.registry.rights }));
  }
  return cache.get(name)!;
}
const recordsOf = (name: string, review: string) => corpusStep(name).records.filter((r) => r.review === review);
const rec = (name: string, key: string): Recommendation => corpusStep(name).records.find((r) => r.key === key)!;
const countPositions = (list: Recommendation[]) => list.reduce<Record<string, number>>((m, r) => ({ ...m, [r.position ?? 'unknown']: (m[r.position ?? 'unknown'] ?? 0) + 1 }), {});

describe('Slovenia: every recommendation of the three outcome reports in the corpus', () => {
  it('lists 97, 163 and 254 recommendations with the printed ids, in printed order (A/HRC/14/15 ¶ 111, A/HRC/28/15 ¶ 115, A/HRC/59/15 ¶ 140)', () => {
    expect(recordsOf('slovenia', 'upr-1').map((r) => r.id)).toEqual(range('111.', 1, 97));
    expect(recordsOf('slovenia', 'upr-2').map((r) => r.id)).toEqual(range('115.', 1, 163));
    expect(recordsOf('slovenia', 'upr-4').map((r) => r.id)).toEqual(range('140.', 1, 254));
    expect(recordsOf('slovenia', 'upr-2').map((r) => r.sequence)).toEqual(range('', 1, 163).map(Number));
    expect(corpusStep('slovenia').records.every((r) => r.text !== null && r.states.length > 0 && r.states.every((s) => s.code !== null))).toBe(true);
  });
  it('joins a recommendation’s text across lines and pages and reads its States as printed', () => {
    expect(rec('slovenia', 'upr-1/111.1').text).toBe(
      'To examine the possibility of joining (Algeria)/sign and ratify (Egypt)/ratify (Bosnia and Herzegovina)/consider the ratification (Argentina) of the Convention on Migrant Workers and Members of Their Families (Algeria, Egypt, Bosnia and Herzegovina, Argentina)',
    );
    expect(rec('slovenia', 'upr-2/115.8').states.map((s) => s.name)).toEqual(['Senegal', 'Sierra Leone', 'Venezuela (Bolivarian Republic of)', 'Peru', 'Uruguay']);
    expect(rec('slovenia', 'upr-4/140.1').states.map((s) => s.code)).toEqual(['DZA', 'CPV', 'PRY', 'SSD', 'LKA', 'TGO', 'URY', 'VEN']);
    expect(rec('slovenia', 'upr-2/115.106').states.map((s) => s.code)).toEqual(['NLD', 'BHR']);
    expect(rec('slovenia', 'upr-2/115.1').source).toEqual({ document: 'upr2-wg-report', anchor: 'p115' });
  });
  it('says what each report says of its list: all three "will be examined" (pending until the views)', () => {
    expect(new Set(corpusStep('slovenia').records.map((r) => r.reportPosition))).toEqual(new Set(['pending']));
  });
});

describe('Slovenia: final positions from the addenda, each with the paragraph stating it', () => {
  it('cycle 1 (answers numbered like the recommendations): 89 accepted, 3 partly, 3 not accepted, 2 without a position, as read', () => {
    const list = recordsOf('slovenia', 'upr-1');
    expect(countPositions(list)).toEqual({ accepted: 89, 'partially-accepted': 3, noted: 3, 'no-position': 2 });
    expect(list.filter((r) => r.position === 'noted').map((r) => [r.id, r.positionWording])).toEqual([['111.84', 'cannot accept'], ['111.88', 'does not accept'], ['111.93', 'cannot accept']]);
    expect(list.filter((r) => r.position === 'partially-accepted').map((r) => r.id)).toEqual(['111.3', '111.32', '111.58']);
    expect(list.filter((r) => r.position === 'no-position').map((r) => r.id)).toEqual(['111.1', '111.15']);
    // "5., 6., 7., 8., 9." answers five recommendations in one paragraph.
    for (const id of range('111.', 5, 9)) expect(rec('slovenia', `upr-1/${id}`).positionSource).toEqual({ document: 'upr1-wg-report-addendum', anchor: 'p5' });
    expect(rec('slovenia', 'upr-1/111.32').responses.map((p) => p.anchor)).toEqual(['p32', 'p32-u1', 'p32-u2']);
  });
  it('cycle 2 (lists by number, "Rec. N" answers): 142 accepted and 21 noted, the counts the addendum prints', () => {
    const list = recordsOf('slovenia', 'upr-2');
    expect(countPositions(list)).toEqual({ accepted: 142, noted: 21 });
    expect(corpusStep('slovenia').reviews.find((r) => r.review === 'upr-2')!.statedCounts).toEqual({ accepted: 142, noted: 21, total: 163 });
    expect(list.filter((r) => r.alreadyImplemented)).toHaveLength(72);
    expect(rec('slovenia', 'upr-2/115.18')).toMatchObject({ position: 'accepted', alreadyImplemented: true, positionSource: { anchor: 'p4' }, responses: [{ anchor: 'p4-u1' }] });
    expect(list.filter((r) => r.position === 'noted').map((r) => r.id)).toEqual(
      [...range('115.', 6, 13), '115.17', '115.19', '115.26', '115.27', '115.28', '115.41', '115.132', '115.144', '115.153', '115.154', '115.156', '115.157', '115.163'],
    );
  });
  it('cycle 4 (printed ids, "140.11-14" answers): 217 accepted (39 already implemented) and 37 noted, the counts the addendum prints', () => {
    const list = recordsOf('slovenia', 'upr-4');
    expect(countPositions(list)).toEqual({ accepted: 217, noted: 37 });
    expect(list.filter((r) => r.alreadyImplemented)).toHaveLength(39);
    expect(rec('slovenia', 'upr-4/140.83').responses).toEqual([{ document: 'upr4-wg-report-addendum', anchor: 'p4-u10' }]);
    expect(rec('slovenia', 'upr-4/140.209').responses).toEqual([{ document: 'upr4-wg-report-addendum', anchor: 'p4-u12' }]);
  });
  it('reports answers placed under another list than the one naming them, keeping the listed position (140.73 accepted, answered under "Noted")', () => {
    expect(rec('slovenia', 'upr-4/140.73')).toMatchObject({ position: 'accepted', positionSource: { anchor: 'p3' }, responses: [{ anchor: 'p5-u12' }] });
    const placements = corpusStep('slovenia').anomalies.filter((a) => a.kind === 'position-placement');
    expect(placements.map((a) => a.message.match(/upr-4\/140\.\d+/)![0])).toEqual(['upr-4/140.132', 'upr-4/140.210', 'upr-4/140.73', 'upr-4/140.241']);
  });
  it('lists exactly the anomalies found by reading: one answer without a position, four misplaced answers', () => {
    expect(corpusStep('slovenia').anomalies.map((a) => [a.document, a.kind])).toEqual([
      ['upr1-wg-report-addendum', 'position-unclear'],
      ['upr4-wg-report-addendum', 'position-placement'],
      ['upr4-wg-report-addendum', 'position-placement'],
      ['upr4-wg-report-addendum', 'position-placement'],
      ['upr4-wg-report-addendum', 'position-placement'],
    ]);
  });
});

describe('Slovenia: national-report citations resolved only where the numbering is known', () => {
  const cites = (doc: string) => corpusStep('slovenia').citations.filter((c) => c.document === doc);
  it('resolves every number the 2014 report cites to the cycle 1 list ("(recommendations 30–31, 54–57)" → 111.30, 111.31, 111.54–111.57)', () => {
    expect(cites('upr2-national-report').length).toBeGreaterThan(700);
    expect(cites('upr2-national-report').filter((c) => c.status !== 'resolved')).toEqual([]);
    expect(cites('upr2-national-report').filter((c) => c.anchor === 'p31').map((c) => c.key)).toEqual(['upr-1/111.30', 'upr-1/111.31', ...range('upr-1/111.', 54, 57)]);
    // Side by side: ill-treatment, police training, court backlogs.
    expect(rec('slovenia', 'upr-1/111.30').text).toMatch(/ill treatment by law enforcement officials/);
    expect(rec('slovenia', 'upr-1/111.55').text).toMatch(/case backlog/);
    expect(rec('slovenia', 'upr-1/111.30').answeredBy.map((p) => p.anchor)).toContain('p31');
  });
  it('leaves every number of the 2025 report unresolved (its own numbering), with the reason, and invents no record', () => {
    const list = cites('upr4-national-report');
    expect(list.length).toBeGreaterThan(1000);
    expect(new Set(list.map((c) => c.status))).toEqual(new Set(['unresolved']));
    expect(list[0].reason).toMatch(/its own way/);
    expect(corpusStep('slovenia').records.some((r) => r.review === 'upr-3')).toBe(false);
  });
});

describe('Kazakhstan: the outcome report is not in the corpus', () => {
  it('keeps each printed id the 2014 report cites as a record without text, state or position, linked to its citing paragraphs', () => {
    const { records, citations } = corpusStep('kazakhstan');
    expect(records).toHaveLength(116);
    expect(records.every((r) => r.text === null && r.states.length === 0 && r.position === null && r.source === null && r.outcome === 'A/HRC/14/10')).toBe(true);
    expect(new Set(citations.map((c) => c.status))).toEqual(new Set(['text-not-in-library']));
    expect(records.find((r) => r.key === 'upr-1/95.41')!.answeredBy.length).toBeGreaterThan(0);
    expect(records.map((r) => r.id).slice(0, 3)).toEqual(['95.1', '95.2', '95.3']);
  });
  it('writes data that its schema accepts', () => {
    const data: RecommendationData = { ...corpusStep('kazakhstan'), redirects: [] };
    expect(() => recommendationDataSchema.parse(data)).not.toThrow();
    expect(() => recommendationDataSchema.parse({ ...corpusStep('slovenia'), redirects: [] })).not.toThrow();
  });
});

describe('the readers alone', () => {
  it('reads no list from a paragraph whose introduction is not about recommendations (pledges)', () => {
    const p = para('w', '113', 'The following pledges and commitments were made by Xyzland:', [['1.', 'To ratify (France)']]);
    expect(readOutcomeReport([p], codes).items).toEqual([]);
  });
  it('reports a gap in a list’s numbering', () => {
    const p = para('w', '90', 'The recommendations below will be examined:', [['90.1', 'Do a (France)'], ['90.3', 'Do c (Chile)']]);
    expect(readOutcomeReport([p], codes).anomalies.map((a) => a.kind)).toEqual(['recommendation-sequence']);
  });
  it('reports a printed count that differs from what was read, and numbers that name no recommendation', () => {
    const views = [para('v', '1', 'The Government accepts 3 recommendations. The Government accepts the recommendations 1, 2, 9.', [], 0)];
    const keys = ['r/1.1', 'r/1.2'];
    const found = readPositions(views, (n) => (n === '1' ? keys[0] : n === '2' ? keys[1] : null), keys);
    expect(found.anomalies.map((a) => a.kind).sort()).toEqual(['position-count', 'position-unknown-number']);
  });
  it('never resolves a document without "answers" in the registry', () => {
    const p = para('n', '1', 'Text');
    p.recommendations = ['1'];
    const [c] = resolveCitations({ id: 'n', answers: null } as DocumentEntry, [p], new Map());
    expect(c).toMatchObject({ status: 'unresolved', key: null });
  });
});

describe('the committed recommendation manifests', () => {
  for (const name of corpusNames()) {
    it(`${name}: every recommendation URL is recorded and every recorded URL still shows its recommendation`, () => {
      expect(() => checkRecommendationManifest(join(corpusDir(name).manifest, 'recommendations.json'), corpusStep(name).records, 'frozen')).not.toThrow();
    });
  }
  it('keeps every flat URL Kazakhstan published (/recommendations/95-41/) as a redirect to its review’s page', () => {
    const redirects = checkRecommendationManifest(join(corpusDir('kazakhstan').manifest, 'recommendations.json'), corpusStep('kazakhstan').records, 'frozen');
    expect(redirects).toHaveLength(116);
    expect(redirects).toContainEqual({ from: '/recommendations/95-41/', to: '/recommendations/upr-1/95-41/' });
    expect(redirects.every((r) => r.to === r.from.replace('/recommendations/', '/recommendations/upr-1/'))).toBe(true);
  });
});

describe('a review answered but not in the corpus', () => {
  it('takes the outcome report symbol from what the citing report records (answers.outcome), so its page links the official text', () => {
    const review = corpusStep('slovenia').reviews.find((r) => r.review === 'upr-3')!;
    expect(review.outcome).toBe('A/HRC/43/15');
    expect(review.outcomeDocument ?? null).toBeNull();
  });
});
