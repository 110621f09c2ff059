import { describe, expect, it } from 'vitest';
import {
  buildAtlas, compareRecommendations, compactRefs, coverageMatrix, rightAcrossCycles, recommendationsOnRight, type RecommendationOnRight, excerpt, heatLevel, mappedArticles, neighbours,
  relatedParagraphs, articleSectionParagraphs, bodyCitations, RELATED_LIMITS, type AtlasInput,
} from '../../src/lib/atlas.ts';
import { citation, citationWithUrl, paragraphLabel, sectionLabel } from '../../src/lib/citation.ts';
import { articlesInHeading } from '../../src/lib/iccpr.ts';
import { paragraphUrl, recommendationUrl, articleUrl, absoluteUrl } from '../../src/lib/routes.ts';
import { buildToc, headingText } from '../../src/lib/toc.ts';
import { addParagraphTools, citationPrefix, citationWhere, escapeHtml, explainMissingNotes, unlinkAutolinks } from '../../src/lib/paragraph-tools.ts';
import { fixtureInput } from './fixture.ts';

const input = fixtureInput();
const atlas = buildAtlas(input);
const P = (id: string) => input.paragraphs.find((p) => p.id === id)!;
const doc = (id: string) => atlas.document.get(id)!;

/** The fixture with `factor` copies of every document (ids "<id>-x<k>"), like the bench's synthetic corpus. */
function copies(base: AtlasInput, factor: number): AtlasInput {
  const suffix = (k: number) => (k === 0 ? '' : `-x${k}`);
  const ks = Array.from({ length: factor }, (_, k) => k);
  return {
    ...base,
    documents: ks.flatMap((k) => base.documents.map((d) => ({ ...d, id: d.id + suffix(k) }))),
    paragraphs: ks.flatMap((k) => base.paragraphs.map((p) => ({ ...p, document: p.document + suffix(k), id: `${p.document}${suffix(k)}/${p.anchor}` }))),
    headings: ks.flatMap((k) => base.headings.map((h) => ({ ...h, document: h.document + suffix(k) }))),
    footnotes: ks.flatMap((k) => base.footnotes.map((f) => ({ ...f, document: f.document + suffix(k) }))),
    reports: ks.flatMap((k) => base.reports.map((r) => ({ ...r, document: r.document + suffix(k) }))),
  };
}

describe('citations', () => {
  it('cites a UN paragraph as "symbol, para. N"', () => {
    expect(citation(P('upr4-un-compilation/p22'), doc('upr4-un-compilation'))).toBe('A/HRC/WG.6/48/KAZ/2, para. 22');
  });
  it('cites the NGO report by author, title, year, article section and paragraph', () => {
    expect(citation(P('iccpr2-ngo-comments/art7-p1'), doc('iccpr2-ngo-comments'))).toBe(
      'Coalition of Kazakhstani non-governmental organizations, Comments on the Second Periodic Report of the Republic of Kazakhstan on the implementation of the International Covenant on Civil and Political Rights (2016), Article 7, para. 1',
    );
  });
  it('names Part I recommendation sections of the NGO report', () => {
    expect(sectionLabel(P('iccpr2-ngo-comments/rec5-p10'))).toBe('Part I, recommendation 5');
  });
  it('cites an unnumbered paragraph without inventing a number', () => {
    expect(paragraphLabel(P('iccpr2-ngo-comments/art7-u1'))).toBe('Article 7 unnumbered ¶');
    expect(citation(P('iccpr2-ngo-comments/art7-u1'), doc('iccpr2-ngo-comments'))).toMatch(/, Article 7, unnumbered paragraph$/);
  });
  it('appends the permanent URL to the copied citation', () => {
    const url = absoluteUrl('https://rights-review-atlas.example', paragraphUrl('upr4-un-compilation', 'p22'));
    expect(citationWithUrl(P('upr4-un-compilation/p22'), doc('upr4-un-compilation'), url)).toBe(
      'A/HRC/WG.6/48/KAZ/2, para. 22. https://rights-review-atlas.example/documents/upr4-un-compilation/p22/',
    );
  });
});

describe('routes', () => {
  it('builds trailing-slash URLs from stable ids', () => {
    expect(paragraphUrl('iccpr2-ngo-comments', 'art7-p1')).toBe('/documents/iccpr2-ngo-comments/art7-p1/');
    expect(recommendationUrl('upr-1/95.41')).toBe('/recommendations/upr-1/95-41/');
    expect(articleUrl(7)).toBe('/iccpr/article-7/');
  });
});

describe('atlas', () => {
  it('orders documents in time, the State before the UN within a date', () => {
    expect(atlas.documents.map((d) => d.id)).toEqual([
      'upr1-national-report', 'upr1-un-compilation', 'upr2-national-report', 'iccpr2-ngo-comments', 'upr4-un-compilation',
    ]);
  });
  it('lists civil and political rights in Covenant order', () => {
    const cp = atlas.rights.filter((r) => r.group === 'civil-political').map((r) => r.id);
    expect(cp.slice(0, 4)).toEqual(['equality-non-discrimination', 'effective-remedy', 'state-of-emergency', 'right-to-life']);
  });
  it('refuses a paragraph that names an unknown right, naming the paragraph', () => {
    const bad = { ...input, paragraphs: [{ ...P('upr4-un-compilation/p22'), rights: ['no-such-right'] }] };
    expect(() => buildAtlas(bad)).toThrow('paragraph upr4-un-compilation/p22: unknown right "no-such-right"');
  });
  it('orders 2010 recommendations numerically (95.9 before 95.10)', () => {
    expect([...atlas.paragraphsByRecommendation.keys()]).toEqual(['95.9', '95.10', '95.42']);
    expect(compareRecommendations('97.1', '95.100')).toBeGreaterThan(0);
  });
  it('counts paragraphs per right and document for the coverage matrix', () => {
    const torture = coverageMatrix(atlas).find((r) => r.right.id === 'torture')!;
    expect(torture.cells.map((c) => c.count)).toEqual([0, 0, 2, 3, 3]);
    expect(torture.cells.map((c) => c.level)).toEqual([0, 0, 4, 4, 4]);
    expect(torture.total).toBe(8);
  });
  it('shades counts on a square-root scale', () => {
    expect([0, 1, 4, 9, 16].map((n) => heatLevel(n, 16))).toEqual([0, 1, 2, 3, 4]);
  });
  it('lays a right out by cycle with only the documents that say something, State before UN before civil society', () => {
    const data = rightAcrossCycles(atlas, 'torture');
    expect(data.cycles.map((r) => r.cycle.id)).toEqual(['upr-1', 'upr-2', 'iccpr-2', 'upr-4']);
    expect(data.total).toBe(8);
    expect(data.documents).toBe(3);
    const upr1 = data.cycles.find((r) => r.cycle.id === 'upr-1')!;
    expect(upr1.groups).toEqual([]);
    expect(upr1.documents.length).toBeGreaterThan(0);
    const iccpr = data.cycles.find((r) => r.cycle.id === 'iccpr-2')!;
    expect(iccpr.groups.map((g) => [g.kind, g.document.id])).toEqual([['ngo', 'iccpr2-ngo-comments']]);
    const ngo = iccpr.groups[0]!;
    // Reading order (the fixture's `order`), each paragraph with the tag that placed it.
    expect(ngo.paragraphs.map((x) => [x.paragraph.anchor, x.inSection])).toEqual([
      ['art7-p1', true],
      ['art7-u1', true],
      ['rec5-p10', false],
    ]);
    expect([ngo.inSection, ngo.elsewhere]).toEqual([2, 1]);
    // Only authors who said something become columns of the "what changed" view.
    expect(data.kinds).toEqual(['state', 'un', 'ngo']);
    expect(rightAcrossCycles(atlas, 'legal-framework').kinds).toEqual(['un']);
  });
  it('puts recommendations between the cycles: after the cycle that made them, else before the cycle answering them', () => {
    const rec = (over: Partial<RecommendationOnRight>): RecommendationOnRight => ({ id: '1.1', href: '/x/', text: null, response: null, madeIn: null, answeredIn: null, ...over });
    const data = rightAcrossCycles(atlas, 'torture', [
      rec({ id: 'a', madeIn: 'upr-1' }),
      rec({ id: 'b', answeredIn: 'upr-4' }),
      rec({ id: 'c', madeIn: 'upr-4' }),
    ]);
    expect(data.cycles.map((r) => [r.cycle.id, r.recommendationsBefore.map((x) => x.id)])).toEqual([
      ['upr-1', []],
      ['upr-2', ['a']],
      ['iccpr-2', []],
      ['upr-4', ['b']],
    ]);
    expect(data.recommendationsAfter.map((x) => x.id)).toEqual(['c']);
    expect(rightAcrossCycles(atlas, 'torture', []).cycles.every((r) => r.recommendationsBefore.length === 0)).toBe(true);
  });
  it('finds the recommendations on a right from the paragraphs answering them (a third of them on the right)', () => {
    const answers: Record<string, string[]> = {
      'upr2-national-report/p26': ['95.1', '95.2'],
      'upr2-national-report/p27': ['95.1'],
      'upr1-un-compilation/p2': ['95.2', '95.3'],
    };
    const withRecs = buildAtlas({ ...input, paragraphs: input.paragraphs.map((p) => ({ ...p, recommendations: answers[p.id] ?? [] })) });
    const torture = recommendationsOnRight(withRecs, 'torture');
    expect(torture.map((r) => [r.id, r.answeredIn, r.href])).toEqual([
      ['95.1', 'upr-2', '/recommendations/upr-1/95-1/'],
      ['95.2', 'upr-2', '/recommendations/upr-1/95-2/'],
    ]);
    expect(recommendationsOnRight(withRecs, 'legal-framework').map((r) => r.id)).toEqual(['95.2', '95.3']);
    expect(rightAcrossCycles(withRecs, 'torture').cycles.find((c) => c.cycle.id === 'upr-2')!.recommendationsBefore.map((r) => r.id)).toEqual(['95.1', '95.2']);
  });
  it('lists printed paragraph numbers compactly, grouped by numbering section, consecutive numbers as runs', () => {
    const ps = ['iccpr2-ngo-comments/rec5-p10', 'iccpr2-ngo-comments/art7-p1', 'iccpr2-ngo-comments/art7-u1'].map(P);
    const show = (groups: ReturnType<typeof compactRefs>) =>
      groups.map((g) => [g.section, g.refs.map((r) => (r.through ? `${r.label}–${r.through.label}` : r.label))]);
    expect(show(compactRefs(ps))).toEqual([
      ['Part I, recommendation 5', ['10']],
      ['Article 7', ['1', 'unnumbered']],
    ]);
    const un = ['p21', 'p22', 'p23'].map((a) => P(`upr4-un-compilation/${a}`));
    expect(show(compactRefs(un))).toEqual([[null, ['21–23']]]);
    expect(show(compactRefs([un[0]!, un[2]!]))).toEqual([[null, ['21', '23']]]);
  });
  it('gives previous and next within the document only', () => {
    expect(neighbours(atlas, P('upr4-un-compilation/p21'))).toMatchObject({ prev: null, next: { anchor: 'p22' } });
    expect(neighbours(atlas, P('upr4-un-compilation/p23')).next).toBeNull();
  });
  it('relates a paragraph to other documents on its rights, section paragraphs first, never its own document', () => {
    const rel = relatedParagraphs(atlas, P('upr4-un-compilation/p22'));
    expect(rel.map((r) => r.right.id)).toEqual(['torture']);
    expect(rel[0].documents.map((d) => [d.document.id, d.paragraphs.map((p) => p.anchor), d.total])).toEqual([
      ['upr2-national-report', ['p26', 'p27'], 2],
      ['iccpr2-ngo-comments', ['art7-p1', 'art7-u1'], 3],
    ]);
    expect(rel[0].moreDocuments).toBe(0);
  });
  it('keeps related paragraphs on a paragraph page to 3 rights × 4 documents × 2 paragraphs in a corpus 20 times larger', () => {
    const big = copies(input, 20);
    const rel = relatedParagraphs(buildAtlas(big), P('upr4-un-compilation/p22'));
    expect(RELATED_LIMITS).toEqual({ maxRights: 3, maxDocuments: 4, perDocument: 2 });
    expect(rel.map((r) => [r.right.id, r.documents.map((d) => `${d.document.id}:${d.paragraphs.length}/${d.total}`), r.moreDocuments])).toEqual([
      // 20 copies each of the two other documents on torture and 19 other copies of its own; the
      // earliest 4 with a section on torture shown (time order, then id), the rest counted.
      ['torture', ['upr2-national-report:2/2', 'upr2-national-report-x1:2/2', 'upr2-national-report-x10:2/2', 'upr2-national-report-x11:2/2'], 20 + 20 + 19 - 4],
      // Only the 19 other copies of the paragraph's own document mention detention.
      ['conditions-of-detention', ['upr4-un-compilation-x1:1/1', 'upr4-un-compilation-x10:1/1', 'upr4-un-compilation-x11:1/1', 'upr4-un-compilation-x12:1/1'], 19 - 4],
    ]);
  });
  it('relates only the same State\'s documents: another State\'s report in the corpus is not related', () => {
    const other: AtlasInput = {
      ...input,
      documents: input.documents.map((d) => (d.id === 'upr2-national-report' ? { ...d, state: { code: 'NOR', name: 'Norway' } } : d)),
    };
    const rel = relatedParagraphs(buildAtlas(other), P('upr4-un-compilation/p22'));
    expect(rel[0].documents.map((d) => d.document.id)).toEqual(['iccpr2-ngo-comments']);
  });
  it('relates documents with a section on the right before documents that only mention it', () => {
    const mentionsOnly: AtlasInput = {
      ...input,
      paragraphs: input.paragraphs.map((p) =>
        p.document === 'upr2-national-report' ? { ...p, rightTags: p.rightTags.map((t) => ({ ...t, basis: 'keyword' as const })) } : p,
      ),
    };
    const rel = relatedParagraphs(buildAtlas(mentionsOnly), P('upr4-un-compilation/p22'), { maxRights: 3, maxDocuments: 1, perDocument: 1 });
    expect(rel[0].documents.map((d) => [d.document.id, d.paragraphs.map((p) => p.anchor), d.total])).toEqual([
      ['iccpr2-ngo-comments', ['art7-p1'], 3],
    ]);
    expect(rel[0].moreDocuments).toBe(1);
  });
  it('groups a body\'s citations by cycle and document', () => {
    expect(bodyCitations(atlas, 'cat').map((g) => [g.cycle.id, g.documents.map((d) => d.paragraphs.length)])).toEqual([['upr-4', [3]]]);
  });
  it('finds article sections of the NGO report, including OCR "Article10" style headings', () => {
    expect(articleSectionParagraphs(atlas, 7).map((p) => p.anchor)).toEqual(['art7-p1', 'art7-u1']);
    expect(articlesInHeading('Article10')).toEqual([10]);
    expect(articlesInHeading('Article 2, paragraph 3')).toEqual([2]);
    expect(articlesInHeading('Articles 2, 3 and 26')).toEqual([2, 3, 26]);
    expect(mappedArticles(atlas)).toContain(27);
  });
  it('cuts excerpts at a word boundary', () => {
    expect(excerpt('one two three four five', 15)).toBe('one two three …');
    expect(excerpt('short', 12)).toBe('short');
  });
});

describe('table of contents', () => {
  it('nests a level-3 heading under the level-1 chapter when there is no level 2', () => {
    const toc = buildToc(atlas.headingsByDoc.get('upr4-un-compilation')!);
    expect(toc.map((n) => [headingText(n.heading), n.children.map((c) => headingText(c.heading))])).toEqual([
      ['IV. Promotion and protection of human rights', ['2. Right to life, liberty and security of person, and freedom from torture']],
    ]);
  });
});

describe('document body post-processing', () => {
  const body =
    '<h2 id="h-iv" class="heading level-1"><span class="label">IV.</span> Promotion</h2>\n' +
    '<h4 id="h-iv-2" class="heading level-3"><span class="label">2.</span> Right to life</h4>\n' +
    '<section class="para kind-numbered" id="p21" data-number="21"><a class="pnum" href="#p21">21.</a><div class="ptext"><p>A</p></div></section>\n' +
    '<section class="para kind-numbered" id="p22" data-number="22"><a class="pnum" href="#p22">22.</a><div class="ptext"><p>B</p></div></section>\n' +
    '<section class="footnotes" id="footnotes"><h2 id="notes">Notes</h2></section>';
  const paras = new Map(input.paragraphs.filter((p) => p.document === 'upr4-un-compilation').map((p) => [p.anchor, p]));

  it('adds one "Cite" link to the permanent page inside every paragraph section and nowhere else', () => {
    const { html, inserted } = addParagraphTools(body, paras, doc('upr4-un-compilation'));
    expect(inserted).toBe(2);
    expect(html).toContain(
      '<div class="ptext"><p>B</p></div><div class="ptools"><a class="cite-link" href="/documents/upr4-un-compilation/p22/#cite-title" data-where="para. 22">Cite<span class="visually-hidden"> ¶ 22</span></a></div></section>',
    );
    expect(html.match(/class="ptools"/g)).toHaveLength(2);
    expect(html.endsWith('<section class="footnotes" id="footnotes"><h2 id="notes">Notes</h2></section>')).toBe(true);
  });

  it('renders a citation as the document prefix (once per page) plus the paragraph pinpoint', () => {
    const un = P('upr4-un-compilation/p22');
    expect(citationPrefix(un, doc('upr4-un-compilation')) + citationWhere(un)).toBe(citation(un, doc('upr4-un-compilation')));
    expect(citationPrefix(un, doc('upr4-un-compilation'))).toBe(`${doc('upr4-un-compilation').symbol}, `);
    const ngo = P('iccpr2-ngo-comments/art7-p1');
    const ngoDoc = doc('iccpr2-ngo-comments');
    expect(citationWhere(ngo)).toBe('Article 7, para. 1');
    expect(citationPrefix(ngo, ngoDoc) + citationWhere(ngo)).toBe(citation(ngo, ngoDoc));
    expect(citationPrefix(P('iccpr2-ngo-comments/rec5-p10'), ngoDoc)).toBe(citationPrefix(ngo, ngoDoc));
  });

  it('says a note missing from the extracted text is printed in the official document, with a link, and explains it once', () => {
    const note = (n: number, text: string) => `<p class="fn" id="fn-${n}"><a class="fnback" href="#fnref-${n}">${n}</a> ${text}</p>`;
    const section = (notes: string) => `<section class="footnotes" id="footnotes" aria-labelledby="footnotes-title"><h2 id="footnotes-title">Notes</h2>${notes}</section>`;
    const d = doc('upr4-un-compilation');
    const lost = '<span class="missing">Text not in the source.</span>';
    const { html, missing } = explainMissingNotes(section(note(3, lost) + note(4, lost) + note(5, 'See CAT/C/1.')), d);
    expect(missing).toBe(2);
    expect(html).not.toContain('Text not in the source');
    expect(html.split(`Printed in <a href="${d.officialUrl}">the official document</a>, not in the extracted text.`).length - 1).toBe(2);
    expect(html).toContain(`<h2 id="footnotes-title">Notes</h2><p class="notes-intro">2 of the 3 notes of this document are printed in <a href="${d.officialUrl}">the official document (${d.symbol})</a>`);
    expect(explainMissingNotes(section(note(5, 'See CAT/C/1.')), d).html).toBe(section(note(5, 'See CAT/C/1.')));
  });

  it('escapes citation text in attributes and content', () => {
    expect(escapeHtml('a "b" <c> & d')).toBe('a &quot;b&quot; &lt;c&gt; &amp; d');
  });

  it('returns autolinked source URLs, even truncated ones, to plain text', () => {
    expect(unlinkAutolinks('URL: <a href="http://adilet.zan">http://adilet.zan</a> and <a href="http://x.kz/a?b=1&amp;c">http://x.kz/a?b=1&amp;c</a>')).toBe(
      'URL: http://adilet.zan and http://x.kz/a?b=1&amp;c',
    );
    expect(unlinkAutolinks('<a href="mailto:a@b.kz">a@b.kz</a>')).toBe('a@b.kz');
  });

  it('returns "www." autolinks, links whose address differs from their text and links in tables and notes to text', () => {
    expect(unlinkAutolinks('URL: <a href="http://www.bureau.kz">www.bureau.kz</a>.')).toBe('URL: www.bureau.kz.');
    expect(unlinkAutolinks('<a href="http://online.zakon.kz/Document/?doc_id=1%20">online.zakon.kz/Document/?doc_id=1 </a>')).toBe(
      'online.zakon.kz/Document/?doc_id=1 ',
    );
    expect(unlinkAutolinks('<td><a href="https://undocs.org/x" title="t">https://undocs.org/x</a></td>')).toBe('<td>https://undocs.org/x</td>');
    expect(unlinkAutolinks('<p class="fn" id="fn-3"><a class="fnback" href="#fnref-3">3</a> See <a href="//adilet.zan.kz/rus">//adilet.zan.kz/rus</a></p>')).toBe(
      '<p class="fn" id="fn-3"><a class="fnback" href="#fnref-3">3</a> See //adilet.zan.kz/rus</p>',
    );
  });

  it('keeps the in-page links the ingest writes', () => {
    const html =
      '<a class="pnum" href="#p12" aria-label="Permalink to paragraph 12">12.</a><sup class="fnref" id="fnref-3"><a href="#fn-3" aria-label="Note 3">3</a></sup>';
    expect(unlinkAutolinks(html)).toBe(html);
  });
});
