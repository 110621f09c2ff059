/**
 * Labels and reading order of document kinds and review mechanisms: the UN system's vocabulary, the
 * same for every corpus. One place, so facets, metadata and lists agree.
 */
import type { AuthorKind, DocumentEntry, DocumentType, Mechanism } from '../schemas/document.ts';
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

/** Each kind as a plural noun phrase, for sentences that list what a corpus holds. */
export const TYPE_PLURALS: Readonly<Record<DocumentType, [one: string, many: string]>> = {
  'national-report': ['a national report', 'national reports'],
  'un-compilation': ['a UN compilation', 'UN compilations'],
  'stakeholder-summary': ["a summary of stakeholders' submissions", "summaries of stakeholders' submissions"],
  'wg-report': ['a Working Group report', 'Working Group reports'],
  addendum: ["the State's views on recommendations", "the State's views on recommendations"],
  corrigendum: ['a corrigendum', 'corrigenda'],
  'ngo-report': ['an NGO report', 'NGO reports'],
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

/** The States of a corpus as a phrase: "Norway", "Norway and Chile". */
export function statesPhrase(corpus: Corpus): string {
  const names = corpus.states.map((s) => s.name);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Possessive of the States phrase: "Norway's", "Norway's and Chile's". */
export function statesPossessive(corpus: Corpus): string {
  const own = (n: string) => (n.endsWith('s') ? `${n}'` : `${n}'s`);
  const names = corpus.states.map((s) => own(s.name));
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What a set of documents holds, kind by kind in reading order: "national reports, UN compilations and an NGO report". */
export function kindsPhrase(types: DocumentType[]): string {
  const counts = new Map<DocumentType, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => TYPE_ORDER[a[0]] - TYPE_ORDER[b[0]]).map(([t, n]) => TYPE_PLURALS[t][n === 1 ? 0 : 1]);
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Whose voice a document carries on a comparison page: its author's, except a summary of stakeholders'
 * submissions, which OHCHR writes but which says what civil society (NGOs, the national human rights institution) said.
 */
export function voiceOf(d: Pick<DocumentEntry, 'type' | 'author'>): AuthorKind {
  return d.type === 'stakeholder-summary' ? 'ngo' : d.author.kind;
}
