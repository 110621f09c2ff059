import { describe, expect, it } from 'vitest';
import { abbreviationActs, findBodies } from '../../scripts/ingest/bodies.ts';
import { loadBodies } from './registry.ts';

const bodies = loadBodies();
const find = (text: string, opts = {}) => findBodies(text, bodies, opts);

describe('bodies registry', () => {
  it('holds the two reviewing bodies and the seven treaty bodies the brief names', () => {
    const ids = new Set(bodies.map((b) => b.id));
    for (const id of ['upr-wg', 'hr-committee', 'cat', 'cedaw', 'cerd', 'crc', 'crpd', 'cescr', 'spt']) expect(ids.has(id), id).toBe(true);
  });
});

describe('findBodies', () => {
  it('lists bodies in order of first mention', () => {
    expect(
      find('The Committee on the Elimination of Racial Discrimination, the Committee against Torture and the United Nations country team encouraged Kazakhstan.'),
    ).toEqual(['cerd', 'cat', 'un-country-team']);
  });

  it('resolves "The same Committee" to the committee named just before', () => {
    expect(find('UNICEF reported progress. The Committee on the Rights of the Child noted it. The same Committee welcomed the plan.')).toEqual(['unicef', 'crc']);
    expect(find('The Committee against Torture noted X. The Committee on the Rights of Persons with Disabilities noted Y.')).toEqual(['cat', 'crpd']);
  });

  it('does not give "the Committee" to a UN committee after a national committee intervened', () => {
    expect(find('The Committee against Torture noted it. The Committee for the Protection of Children’s Rights disagreed. The Committee said no.')).toEqual(['cat']);
  });

  it('resolves "the Special Rapporteur" and "the independent expert" back to the last named mandate', () => {
    expect(find('The Special Rapporteur on the question of torture visited. The Special Rapporteur also noted.')).toEqual(['sr-torture']);
    expect(find('UNHCR noted. The independent expert was concerned.')).toEqual(['unhcr']);
  });

  it('counts "the Committee" without antecedent only through a default antecedent', () => {
    const text = 'The Committee urges the State party to provide information.';
    expect(find(text)).toEqual([]);
    expect(find(text, { defaultAntecedents: { Committee: 'hr-committee' } })).toEqual(['hr-committee']);
  });

  it('counts "CAT" when the Committee acts: "In 2008, CAT expressed concern"', () => {
    expect(find('In 2008, CAT expressed concern about allegations of torture.')).toEqual(['cat']);
  });

  it('counts each abbreviation in a list of acting committees: "CRC and CEDAW requested"', () => {
    expect(find('CRC and CEDAW requested the strengthening of measures.')).toEqual(['crc', 'cedaw']);
    expect(find('CERD, CAT and CEDAW recommended it.')).toEqual(['cerd', 'cat', 'cedaw']);
  });

  it('counts "CRC, while welcoming …, encouraged"', () => {
    expect(find('In 2007 CRC, while welcoming the establishment of the Committee, encouraged Kazakhstan.')).toEqual(['crc']);
  });

  it('does not count the convention: "OP-CAT", "Optional Protocol to CAT", "ratification of CAT"', () => {
    expect(find('He welcomed the ratification of OP-CAT.')).toEqual([]);
    expect(find('Kazakhstan ratified the Optional Protocol to CAT in 2008.')).toEqual([]);
    expect(find('the ratification of CAT and CRPD')).toEqual([]);
  });

  it('does not count a document symbol such as CAT/C/KAZ/CO/2 or a URL-encoded CERD%2fC', () => {
    expect(find('See CAT/C/KAZ/CO/2, para. 12 and Symbolno=CERD%2fC%2fKAZ.')).toEqual([]);
  });

  it('gives "the High Commissioner for Refugees" to UNHCR only, and "the High Commissioner" to OHCHR', () => {
    expect(find('The United Nations High Commissioner for Refugees noted it.')).toEqual(['unhcr']);
    expect(find('In 2007, the High Commissioner welcomed the moratorium.')).toEqual(['ohchr']);
  });

  it('matches names broken across lines and curly apostrophes', () => {
    expect(find('the Committee on the\nElimination of Discrimination\nagainst Women')).toEqual(['cedaw']);
    expect(find('United Nations Children’s Fund (UNICEF)')).toEqual(['unicef']);
  });

  it('does not read "Subcommittee on Prevention of Torture" as the Committee against Torture', () => {
    expect(find('The Subcommittee on Prevention of Torture stated it. The Subcommittee recommended.')).toEqual(['spt']);
  });

  it('keeps UNESCO the convention apart from UNESCO the agency', () => {
    expect(find('the UNESCO Convention against Discrimination in Education')).toEqual([]);
    expect(find('UNESCO recommended continuing efforts.')).toEqual(['unesco']);
  });

  it('decides abbreviation use from the words around it', () => {
    const t = 'According to CAT, the law is flawed.';
    expect(abbreviationActs(t, 13, 16)).toBe(true);
    const u = 'ratification of CAT in 1998';
    expect(abbreviationActs(u, 16, 19)).toBe(false);
  });
});
