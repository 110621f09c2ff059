/** ICCPR articles: short titles for the article pages, and which articles a provision list names. */

/** Short titles of the ICCPR's substantive articles (Part I–III). */
export const ICCPR_ARTICLES: Readonly<Record<number, string>> = {
  1: 'Self-determination',
  2: 'Respect and ensure rights; non-discrimination; effective remedy',
  3: 'Equal rights of men and women',
  4: 'Derogation in a public emergency',
  5: 'No destruction of rights; saving clause',
  6: 'Right to life',
  7: 'Prohibition of torture and cruel, inhuman or degrading treatment',
  8: 'Prohibition of slavery, servitude and forced labour',
  9: 'Liberty and security of person',
  10: 'Humane treatment of persons deprived of liberty',
  11: 'No imprisonment for inability to fulfil a contract',
  12: 'Liberty of movement and freedom to choose residence',
  13: 'Procedural guarantees against expulsion of aliens',
  14: 'Equality before courts; fair trial',
  15: 'No retroactive criminal law',
  16: 'Recognition as a person before the law',
  17: 'Privacy, family, home and correspondence',
  18: 'Freedom of thought, conscience and religion',
  19: 'Freedom of opinion and expression',
  20: 'Prohibition of war propaganda and incitement to hatred',
  21: 'Right of peaceful assembly',
  22: 'Freedom of association, including trade unions',
  23: 'Protection of the family; right to marry',
  24: 'Rights of the child',
  25: 'Participation in public affairs; vote; access to public service',
  26: 'Equality before the law; non-discrimination',
  27: 'Rights of minorities',
};

/** Article number of a provision: "2(3)" → 2. */
export const articleOf = (provision: string): number => Number.parseInt(provision, 10);

/** Article numbers an article heading names: "Articles 2, 3 and 26" → [2, 3, 26]; "Article10" → [10]. */
export function articlesInHeading(title: string): number[] {
  const m = /^\s*articles?\s*(\d{1,2}(?:\s*,\s*paragraph\s*\d)?(?:\s*(?:,|and|&)\s*\d{1,2})*)\s*$/i.exec(title);
  if (!m) return [];
  return [...m[1].replace(/,\s*paragraph\s*\d/gi, '').matchAll(/\d{1,2}/g)].map((x) => Number(x[0]));
}
