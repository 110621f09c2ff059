/**
 * `npm run add` drafts registry entries with data only: run on the Slovenia texts in a scratch content folder, it
 * must derive what the curated registry holds (kind, session, cycle, dates, State, layout, title); it refuses a
 * second State in a corpus and says what to pass when it cannot read a field.
 */
import { cpSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dirs.ts';
import { addDocument, symbolShape, titleCase } from '../../scripts/add.ts';
import { IngestError } from '../../scripts/ingest/errors.ts';
import { corpusDir, loadedCorpus, ROOT } from '../corpora.ts';

function scratch(): string {
  const dir = tempDir('atlas-add-');
  cpSync(join(ROOT, 'content/registry'), join(dir, 'registry'), { recursive: true });
  writeFileSync(join(dir, 'atlas.json'), '{ "defaultCorpus": "kazakhstan" }\n');
  return dir;
}

describe('symbol shapes', () => {
  it('reads the kind, session and State of UPR symbols, and the treaty of treaty-body symbols', () => {
    expect(symbolShape('A/HRC/WG.6/34/NOR/1')).toMatchObject({ mechanism: 'upr', type: 'national-report', session: 34, stateCode: 'NOR' });
    expect(symbolShape('A/HRC/WG.6/7/NOR/2/Corr.1')).toMatchObject({ type: 'corrigendum', corrects: 'un-compilation', base: 'A/HRC/WG.6/7/NOR/2' });
    expect(symbolShape('A/HRC/99/15/Add.1')).toMatchObject({ type: 'addendum', base: 'A/HRC/99/15' });
    expect(symbolShape('CCPR/C/NOR/CO/7')).toMatchObject({ mechanism: 'iccpr', stateCode: 'NOR' });
    expect(() => symbolShape('not a symbol')).toThrow(/cannot read the symbol/);
  });
  it('writes a title printed in capitals in sentence case, keeping the UN’s proper names', () => {
    expect(titleCase('NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A) OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1')).toBe(
      'National report submitted in accordance with paragraph 15 (a) of the annex to Human Rights Council resolution 5/1',
    );
  });
});

describe('adding the Slovenia texts to a new corpus', () => {
  const content = scratch();
  const curated = loadedCorpus('slovenia').registry.documents;
  const sources = corpusDir('slovenia').sources;
  // The order a user would add them in: an outcome report before its addendum.
  const order = [...curated].sort((a, b) => a.session - b.session || (a.type === 'addendum' ? 1 : 0) - (b.type === 'addendum' ? 1 : 0));
  const drafted = order.map((d) => addDocument({ file: join(sources, d.source), content, corpus: 'trial', symbol: d.symbol }).entry);

  it('creates the corpus with its sources, registry and manifest files', () => {
    for (const f of ['registry/documents.json', 'manifest/anchors.json', 'manifest/retired.json']) expect(existsSync(join(content, 'corpora/trial', f))).toBe(true);
    for (const d of curated) expect(readFileSync(join(content, 'corpora/trial/sources', d.source))).toEqual(readFileSync(join(sources, d.source)));
  });
  it('derives what the curated registry holds: id, kind, State, session, review date, date of issue, layout, source hash', () => {
    for (const d of curated) {
      const e = drafted.find((x) => x.symbol === d.symbol)!;
      expect({ id: e.id, type: e.type, state: e.state, session: e.session, date: e.date, issued: e.issued, layout: e.layout, sourceSha256: e.sourceSha256, source: e.source }).toEqual({
        id: d.id, type: d.type, state: d.state, session: d.session, date: d.date, issued: d.issued, layout: d.layout, sourceSha256: d.sourceSha256, source: d.source,
      });
    }
  });
  it('reads the titles from the title blocks, the addendum’s own title after "Addendum"', () => {
    expect(drafted.find((e) => e.symbol === 'A/HRC/WG.6/48/SVN/3')!.title).toBe('Summary of stakeholders’ submissions on Slovenia: Report of the Office of the United Nations High Commissioner for Human Rights');
    expect(drafted.find((e) => e.symbol === 'A/HRC/28/15/Add.1')!.title).toBe(
      'Report of the Working Group on the Universal Periodic Review: Slovenia. Addendum: Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State under review',
    );
  });
  it('never guesses how bare recommendation numbers count: "own" until someone checks, printed ids when the text cites them', () => {
    expect(drafted.find((e) => e.symbol === 'A/HRC/WG.6/20/SVN/1')!.answers).toEqual({ review: 'upr-1', numbering: 'own' });
    expect(drafted.find((e) => e.symbol === 'A/HRC/59/15/Add.1')!.answers).toEqual({ review: 'upr-4', numbering: 'printed' });
  });
  it('refuses a document about another State, and the same text twice', () => {
    const kaz = loadedCorpus('kazakhstan');
    const doc = kaz.documents.find((d) => d.symbol !== null)!;
    expect(() => addDocument({ file: join(corpusDir('kazakhstan').sources, doc.source), content, corpus: 'trial', symbol: doc.symbol, session: doc.session, date: doc.date })).toThrow(
      /corpus "trial" holds Slovenia's reviews and this document is about Kazakhstan: add it to a corpus of its own/,
    );
    expect(() => addDocument({ file: join(sources, curated[0].source), content, corpus: 'trial', symbol: curated[0].symbol })).toThrow(IngestError);
  });
});
