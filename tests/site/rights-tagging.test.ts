import { describe, expect, it } from 'vitest';
import {
  findCovenantReferences,
  keywordScore,
  maskNames,
  parseArticleHeading,
  rightsForProvision,
  sentenceStarts,
  tagRights,
} from '../../scripts/ingest/rights.ts';
import { findBodies } from '../../scripts/ingest/bodies.ts';
import { loadBodies, loadRights } from './registry.ts';

const rights = loadRights();
const bodies = loadBodies();
const byId = (id: string) => rights.find((r) => r.id === id)!;
const ids = (tags: { right: string }[]) => tags.map((t) => t.right);

describe('rights registry', () => {
  it('holds 25 to 40 rights with exactly one fallback theme', () => {
    expect(rights.length).toBeGreaterThanOrEqual(25);
    expect(rights.length).toBeLessThanOrEqual(40);
    expect(rights.filter((r) => r.fallback).map((r) => r.id)).toEqual(['context-and-priorities']);
  });

  it('maps the core ICCPR articles to one right each', () => {
    const expected: Record<string, string> = {
      '6': 'right-to-life', '7': 'torture', '9': 'liberty-security', '10': 'conditions-of-detention',
      '12': 'freedom-of-movement', '14': 'fair-trial', '17': 'privacy', '18': 'freedom-of-religion',
      '19': 'freedom-of-expression', '21': 'freedom-of-assembly', '22': 'freedom-of-association',
      '25': 'political-participation', '26': 'equality-non-discrimination',
    };
    for (const [article, right] of Object.entries(expected))
      expect(ids(rightsForProvision(article, rights).map((r) => ({ right: r.id }))), `article ${article}`).toEqual([right]);
  });
});

describe('article headings', () => {
  it('reads "Articles 2, 3 and 26" as three provisions', () => {
    expect(parseArticleHeading('Articles 2, 3 and 26')).toEqual(['2', '3', '26']);
  });
  it('reads the OCR run-together "Article10" as article 10', () => {
    expect(parseArticleHeading('Article10')).toEqual(['10']);
  });
  it('reads "Article 2, paragraph 3" as provision 2(3)', () => {
    expect(parseArticleHeading('Article 2, paragraph 3')).toEqual(['2(3)']);
  });
  it('does not read a sentence that starts with "Article 187 of the new Criminal Procedure Code" as a heading', () => {
    expect(parseArticleHeading('Article 187 of the new Criminal Procedure Code stipulates that')).toBeNull();
  });
  it('gives "Article 2, paragraph 3" the remedy right, not equality', () => {
    expect(ids(rightsForProvision('2(3)', rights).map((r) => ({ right: r.id })))).toEqual(['effective-remedy']);
  });
  it('finds "article 19 of the Covenant" but not "article 1 of the Convention against Torture"', () => {
    expect(findCovenantReferences('contrary to article 19 of the Covenant').map((r) => r.provision)).toEqual(['19']);
    expect(findCovenantReferences('into line with article 1 of the Convention against Torture')).toEqual([]);
  });
  it('does not take the International Covenant on Economic, Social and Cultural Rights for the ICCPR', () => {
    expect(findCovenantReferences('article 9 of the International Covenant on Economic, Social and Cultural Rights')).toEqual([]);
  });
});

describe('tagRights', () => {
  it('tags an NGO article section by its article, with the section title as evidence', () => {
    const tags = tagRights(
      { text: 'The authorities did not respond.', headings: ['IMPLEMENTATION OF THE PROVISIONS OF THE ICCPR', 'Article 7'], section: 'art7', sectionTitle: 'Article 7' },
      rights,
    );
    expect(tags[0]).toEqual({ right: 'torture', basis: 'article', evidence: 'Article 7' });
  });

  it('tags "Articles 2, 3 and 26" with equality and women, in that order', () => {
    const tags = tagRights({ text: 'No comment.', headings: [], section: 'art2-3-26', sectionTitle: 'Articles 2, 3 and 26' }, rights);
    expect(ids(tags)).toEqual(['equality-non-discrimination', 'women']);
    expect(tags.every((t) => t.basis === 'article')).toBe(true);
  });

  it('uses the innermost heading that names a right, not the chapter above it', () => {
    const tags = tagRights(
      {
        text: 'It recommended adopting comprehensive legislation.',
        headings: ['IV. Promotion and protection of human rights', 'A. Implementation of international human rights obligations', '1. Equality and non-discrimination'],
        section: null,
      },
      rights,
    );
    expect(tags[0]).toEqual({ right: 'equality-non-discrimination', basis: 'heading', evidence: '1. Equality and non-discrimination' });
    expect(ids(tags)).not.toContain('international-obligations');
  });

  it('gives every right a combined heading names', () => {
    const tags = tagRights(
      { text: 'It noted the moratorium.', headings: ['2. Right to life, liberty and security of person, and freedom from torture'], section: null },
      rights,
    );
    expect(ids(tags.filter((t) => t.basis === 'heading'))).toEqual(['right-to-life', 'torture', 'liberty-security']);
  });

  it('matches the OCR-damaged heading "Righttolife"', () => {
    expect(tagRights({ text: 'Everyone has the right.', headings: ['V. Promotion and protection', 'A. Righttolife'], section: null }, rights)[0]).toEqual({
      right: 'right-to-life',
      basis: 'heading',
      evidence: 'A. Righttolife',
    });
  });

  it('adds keyword tags after structural ones and records the keyword', () => {
    const tags = tagRights(
      {
        text: 'Journalists were prosecuted for defamation and the media faced censorship; the courts gave them no redress.',
        headings: ['3. Administration of justice, including impunity, and the rule of law'],
        section: null,
      },
      rights,
    );
    expect(tags.slice(0, 2).map((t) => [t.right, t.basis])).toEqual([
      ['effective-remedy', 'heading'],
      ['fair-trial', 'heading'],
    ]);
    expect(tags.find((t) => t.right === 'freedom-of-expression')).toMatchObject({ basis: 'keyword' });
  });

  it('keeps only the rights of a several-right heading that the text bears out', () => {
    const heading = ['B. Right to life, liberty and security of the person'];
    const deathPenalty = tagRights({ text: 'In 2007, the High Commissioner welcomed the existing moratorium on the death penalty.', headings: heading, section: null }, rights);
    expect(ids(deathPenalty)).toEqual(['right-to-life']);
    // Nothing in the text for any right of the heading, but clearly about another right: none of the heading's.
    const violence = tagRights(
      { text: 'CEDAW expressed concern about the prevalence of violence against women and urged the adoption of the draft law on domestic violence.', headings: heading, section: null },
      rights,
    );
    expect(ids(violence)).toEqual(['women']);
    // Nothing for any right at all: the section's rights stand.
    expect(ids(tagRights({ text: 'It noted the progress made.', headings: heading, section: null }, rights))).toEqual(['right-to-life', 'liberty-security']);
  });

  it('narrows an article section naming several rights the same way ("Articles 2, 3 and 26" on ethnic discrimination is not about women)', () => {
    const tags = tagRights({ text: 'There is no body tasked with preventing discrimination on ethnic grounds.', headings: ['Articles 2, 3 and 26'], section: 'art2-3-26', sectionTitle: 'Articles 2, 3 and 26' }, rights);
    expect(ids(tags.filter((t) => t.basis === 'article'))).toEqual(['equality-non-discrimination']);
  });

  it('counts a cited body named for a right as evidence of it (the Special Rapporteur on torture, CAT)', () => {
    const text =
      'The Special Rapporteur on the question of torture recommended that Kazakhstan amend the law to ensure that torture is established as a serious crime in line with the Convention against Torture. Similar recommendations were made by CAT in 2008.';
    const input = { text, headings: ['B. Right to life, liberty and security of the person'], section: null };
    expect(ids(tagRights(input, rights))).not.toContain('torture');
    const tags = tagRights(input, rights, { cited: findBodies(text, bodies), bodies });
    expect(tags.find((t) => t.right === 'torture')).toEqual({ right: 'torture', basis: 'keyword', evidence: 'tortur*' });
    expect(ids(tags)).not.toContain('right-to-life');
  });

  it('does not tag a right mentioned in one sentence of a long paragraph about something else', () => {
    const text = [
      'In 2007, CRC expressed concern about the large number of abandoned and homeless children and the children placed in institutions.',
      'It expressed concern that abandoned children are placed in the same closed facilities as children accused of offences.',
      'In 2009, the Special Rapporteur on the question of torture stated that he had received allegations of beatings and other ill-treatment of minors by the police.',
      'CRC was concerned at reports of bullying among children in schools.',
      'CRC regretted that there is no legal prohibition of corporal punishment of children in foster care.',
    ].join(' ');
    const tags = tagRights({ text, headings: [], section: null }, rights, { cited: findBodies(text, bodies), bodies });
    expect(ids(tags)).toContain('children');
    expect(ids(tags)).not.toContain('torture');
    // The same sentence as a paragraph of its own is about torture.
    const alone = tagRights({ text: text.split('. ')[2], headings: [], section: null }, rights, { cited: ['sr-torture'], bodies });
    expect(ids(alone)).toContain('torture');
  });

  it('does not read "developments" as development, nor "transgender" as gender, in text or headings', () => {
    expect(ids(tagRights({ text: 'Significant developments took place while the report was prepared, and developments continue.', headings: ['Recent developments'], section: null }, rights))).toEqual([
      'context-and-priorities',
    ]);
    expect(ids(tagRights({ text: 'It recommended criminalizing violence.', headings: ['Lesbian, gay, bisexual, transgender and intersex persons'], section: null }, rights))).toEqual([
      'sexual-orientation-gender-identity',
    ]);
  });

  it('ends sentences at full stops but not after "No." or "Mr."', () => {
    expect(sentenceStarts('Convention No. 87 applies. Mr. Smith agreed. “Yes.” Then 12 more.').length).toBe(4);
  });

  it('stops with the registry file named when a right lists a body that does not exist', () => {
    const broken = rights.map((r) => (r.id === 'torture' ? { ...r, bodies: ['no-such-body'] } : r));
    expect(() => tagRights({ text: 'Torture.', headings: [], section: null }, broken, { cited: [], bodies })).toThrow(
      /content\/registry\/rights\.json: right "torture" lists body "no-such-body"/,
    );
  });

  it('does not tag torture because the Committee against Torture is the speaker', () => {
    const tags = tagRights(
      { text: 'The Committee against Torture and the United Nations country team commended the opening of offices of the Commissioner for Human Rights in all regions in 2022.', headings: ['2. Institutional infrastructure and policy measures'], section: null },
      rights,
    );
    expect(ids(tags)).toEqual(['institutions-and-policies']);
  });

  it('needs two single-word hits before a keyword tags a right', () => {
    const health = byId('health');
    expect(keywordScore('One hospital was built.', health).score).toBe(1);
    const tags = tagRights({ text: 'One hospital was built.', headings: ['Combating unemployment'], section: null }, rights);
    expect(ids(tags)).not.toContain('health');
    expect(ids(tags)).toContain('right-to-work');
  });

  it('treats acronym keywords case-sensitively ("AIDS" is not "aids")', () => {
    expect(keywordScore('This aids and aids the process.', byId('health')).score).toBe(0);
    expect(keywordScore('HIV and AIDS services', byId('health')).score).toBe(2);
  });

  it('falls back to the context theme, citing the innermost heading, when nothing else applies', () => {
    expect(tagRights({ text: 'The report was drafted in 2013.', headings: ['VII. Final remarks'], section: null }, rights)).toEqual([
      { right: 'context-and-priorities', basis: 'heading', evidence: 'VII. Final remarks' },
    ]);
    expect(tagRights({ text: 'Text.', headings: [], section: null }, rights)).toEqual([
      { right: 'context-and-priorities', basis: 'heading', evidence: '(no heading)' },
    ]);
  });

  it('is deterministic and gives each right once', () => {
    const input = { text: 'Torture and ill-treatment of detainees in prisons; torture again.', headings: ['D. Protection against torture, violence and other cruel or degrading'], section: null };
    const a = tagRights(input, rights);
    expect(tagRights(input, rights)).toEqual(a);
    expect(new Set(ids(a)).size).toBe(a.length);
  });

  it('masks body names but leaves the rest of the sentence', () => {
    expect(maskNames('The Committee on the Rights of the Child noted child labour.')).toBe('The   noted child labour.');
  });
});
