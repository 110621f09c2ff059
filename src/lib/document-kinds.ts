/**
 * Labels and reading order of document kinds and review mechanisms: the UN system's vocabulary, the
 * same for every corpus. One place, so facets, metadata and lists agree.
 */
import type { DocumentType, Mechanism } from '../schemas/document.ts';
import type { Corpus } from '../schemas/corpus.ts';

/** Display label of each document kind, naming who speaks. */
export const TYPE_LABELS: Readonly<Record<DocumentType, string>> = {
  'national-report': 'National report (State)',
  'un-compilation': 'UN compilation (OHCHR)',
  'stakeholder-summary': "Summary of stakeholders' submissions (OHCHR)",
  'wg-report': 'Working Group report (recommendations)',
  addendum: "Addendum: the State's views on recommendations",
  corrigendum: 'Corrigendum',
  'ngo-report': 'NGO report (civil society)',
};

/** Reading order of kinds within one review: the State, the UN, civil society, then the outcome. */
export const TYPE_ORDER: Readonly<Record<DocumentType, number>> = {
  'national-report': 0,
  'un-compilation': 1,
  'stakeholder-summary': 2,
  'ngo-report': 3,
  'wg-report': 4,
  addendum: 5,
  corrigendum: 6,
};

/** Full name of each review mechanism. */
export const MECHANISM_LABELS: Readonly<Record<Mechanism, string>> = {
  upr: 'Universal Periodic Review of the Human Rights Council',
  iccpr: 'International Covenant on Civil and Political Rights (Human Rights Committee)',
  icescr: 'International Covenant on Economic, Social and Cultural Rights (Committee on Economic, Social and Cultural Rights)',
  cat: 'Convention against Torture (Committee against Torture)',
  cedaw: 'Convention on the Elimination of All Forms of Discrimination against Women (CEDAW Committee)',
  cerd: 'Convention on the Elimination of All Forms of Racial Discrimination (CERD Committee)',
  crc: 'Convention on the Rights of the Child (Committee on the Rights of the Child)',
  crpd: 'Convention on the Rights of Persons with Disabilities (CRPD Committee)',
  cmw: 'Convention on Migrant Workers (Committee on Migrant Workers)',
  ced: 'Convention for the Protection of All Persons from Enforced Disappearance (Committee on Enforced Disappearances)',
};

/** Beyond this many States a corpus is named by their number (a large corpus covers about 190). */
const MAX_NAMED_STATES = 3;

/** The States of a corpus as a phrase: "Norway", "Norway and Chile", "66 States". */
export function statesPhrase(corpus: Corpus): string {
  if (corpus.states.length > MAX_NAMED_STATES) return `${corpus.states.length} States`;
  const names = corpus.states.map((s) => s.name);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Possessive of the States phrase: "Norway's", "Norway's and Chile's", "66 States'". */
export function statesPossessive(corpus: Corpus): string {
  if (corpus.states.length > MAX_NAMED_STATES) return `${corpus.states.length} States'`;
  const own = (n: string) => (n.endsWith('s') ? `${n}'` : `${n}'s`);
  const names = corpus.states.map((s) => own(s.name));
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
