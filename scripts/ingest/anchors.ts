import type { Block, Paragraph, Run } from '../../src/schemas/paragraph.ts';
import type { Heading } from '../../src/schemas/heading.ts';
import type { Anomaly } from './errors.ts';
import { IngestError } from './errors.ts';
import type { Line } from './lines.ts';
import type { BodyEntry, DocState } from './state.ts';
import type { Item } from './structure.ts';
import { sectionKey, slug } from './headings.ts';
import { joinLines, vocabulary, OWN_LINE_OPEN, OWN_LINE_CLOSE, type HyphenDecision } from './repair.ts';
import { splitMarkers, plainText, type MarkerState } from './markers.ts';
import { layoutTable, parseTables } from './tables.ts';
import { parseRecommendationRefs } from './recommendations.ts';
import { LABEL_HEAD } from './numbering.ts';

/** A list item label: (a), (iv), a bullet (also the symbol-font bullets PDF extractors print), 1). */
const LIST_ITEM = /^(?:(\((?:[a-z]|[ivx]{1,4})\))|(-|–|•|\uF02D|\uF0A7|\uF0B7)|(\d{1,2}\)))\s+/;
/** The printed number(s) opening a paragraph's first line: "12. ", "12 " (OCR), "5., 6., 7. ". */
const PRINTED_NUMBER = /^\d{1,3}\.(?:\s*,\s*\d{1,3}\.)+,?\s*|^\d{1,3}(?:[.,]\s*|\s+)/;

/**
 * Anchors pass: turns items into the document's headings, paragraphs, tables and body entries — text joined
 * across lines (hyphenation repaired), footnote markers split from words, lists kept as lists — and gives
 * each its anchor from the printed numbering: `p12`, `art7-p3` where numbering restarts, `p12-u1` for the
 * first unnumbered paragraph after paragraph 12 (so a change elsewhere cannot shift it), headings by their
 * label path (`h-iv-a-1`).
 * Guarantees afterwards: anchors are unique per document (a collision is suffixed and reported) and match
 * /^[a-z][a-z0-9-]*$/; every paragraph has text; markers ascend through the document.
 */
export function composeBody(s: DocState): DocState {
  const { entry, ctx } = s;
  const anomalies: Anomaly[] = [];
  const vocab = vocabulary(s.lines);
  const hyphenation: HyphenDecision[] = [];
  const markers: MarkerState = { next: 1, seen: [] };
  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  const body: BodyEntry[] = [];
  const fragments: DocState['fragments'] = [];
  const usedAnchors = new Set<string>();
  const stack: Heading[] = [];
  const unnumberedCount = new Map<string, number>();
  const lastNumbered = new Map<string, string>();
  let recs: string[] = [];
  let tableCount = 0;

  const unique = (base: string, line: number) => {
    let a = base;
    for (let k = 2; usedAnchors.has(a); k++) a = `${base}-${k}`;
    if (a !== base) anomalies.push({ line, kind: 'anchor-collision', message: `anchor ${base} already used; this one is ${a}` });
    usedAnchors.add(a);
    return a;
  };
  const firstLine = (it: Item) => (it.lines.find((l) => l.text !== '') ?? it.lines[0]).n;
  const lastLine = (it: Item) => [...it.lines].reverse().find((l) => l.text !== '')?.n ?? it.lines[0].n;
  // Markers are split from a block's joined text; a marker anomaly is reported at the source line that prints
  // the marker, not at the block's first line (a reader checks the line the note points at).
  const runsOf = (text: string, line: number, lines?: Line[]) => {
    const before = anomalies.length;
    const runs = splitMarkers(text, markers, line, anomalies);
    for (const a of anomalies.slice(before)) {
      const n = /marker (\d+) found/.exec(a.message)?.[1];
      const at = n && lines?.find((l) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(l.text));
      if (at) a.line = at.n;
    }
    return runs;
  };

  for (const it of s.items) {
    const from = firstLine(it);
    if (it.kind === 'heading') {
      while (stack.length && stack.at(-1)!.level >= it.level) stack.pop();
      const labelPath = [...stack.map((h) => h.label ?? slug(h.title)), it.label ?? slug(it.title)];
      const base = entry.layout.numbering === 'per-section' && /^Articles?\s*\d/.test(it.title) ? sectionKey(it.title, 0) : 'h-' + labelPath.map((x) => slug(String(x))).join('-');
      const anchor = unique(base.replace(/-+$/, ''), from);
      const titleText = joinLines([{ n: from, text: it.title, indent: 0 }], vocab, hyphenation);
      const runs = runsOf(titleText, from);
      const heading: Heading = {
        document: entry.id,
        anchor,
        level: it.level,
        label: it.label,
        title: plainText(runs),
        parents: stack.map((h) => h.anchor),
        lines: [from, lastLine(it)],
      };
      headings.push(heading);
      stack.push(heading);
      body.push({ kind: 'heading', heading, runs });
      // A heading may cite the recommendations its section answers: "… (recommendations 30–31, 54–57)".
      const cited = /\((Recommendations?\s+\d[^)]*)\)\s*$/i.exec(heading.title);
      recs = [];
      if (cited) {
        try {
          recs = parseRecommendationRefs(cited[1].replace(/([–—-])\s+/g, '$1').replace(/^recommendation/, 'Recommendation'));
        } catch (e) {
          anomalies.push({ line: from, kind: 'recommendation-reference', message: `heading cites recommendations that cannot be read (${(e as Error).message}); not attached` });
        }
      }
      continue;
    }
    if (it.kind === 'recref') {
      const text = it.lines.map((l) => l.text).filter(Boolean).join(' ');
      try {
        recs = parseRecommendationRefs(text);
      } catch (e) {
        throw new IngestError(ctx.file, from, `${(e as Error).message}; correct the line or add an erratum`);
      }
      body.push({ kind: 'recref', text, recommendations: recs, anchor: unique(`rec-${recs[0]?.replace('.', '-') ?? 'x'}`, from) });
      continue;
    }
    if (it.kind === 'note-fragments') {
      const groups: Line[][] = [];
      for (const l of it.lines) {
        if (l.text === '') continue;
        if (l.indent >= 1 || groups.length === 0) groups.push([l]);
        else groups.at(-1)!.push(l);
      }
      for (const g of groups) fragments.push({ lines: [g[0].n, g.at(-1)!.n], text: joinLines(g, vocab, hyphenation) });
      continue;
    }
    if (it.kind === 'table') {
      const specs = ctx.tables.filter((t) => t.document === entry.id);
      const tables =
        entry.layout.extraction === 'paged' && !specs.some((t) => it.lines.some((l) => l.text.startsWith(t.begin)))
          ? [layoutTable(it.lines, `table-${tableCount + 1}`)]
          : parseTables(it.lines, specs, (n) => OWN_LINE_OPEN + n + OWN_LINE_CLOSE);
      for (const t of tables) {
        tableCount++;
        const id = unique(`table-${t.id}`, from).replace(/^table-/, '');
        // Markers printed in the header row go to the caption (a header cell holds plain text).
        const caption = runsOf(t.caption, from);
        const columns = t.columns.map((c) => {
          const runs = runsOf(c, from);
          caption.push(...runs.filter((r) => 'fn' in r));
          return runs.some((r) => 'fn' in r) ? plainText(runs) : c;
        });
        body.push({
          kind: 'table',
          table: {
            id,
            caption,
            columns,
            rows: t.rows.map((r) => r.map((c) => runsOf(c, from))),
            notes: t.notes.map((n) => runsOf(n, from)),
          },
        });
      }
      continue;
    }
    // Paragraph.
    const { section, number } = it;
    let anchor: string;
    const prefix = section ? `${section}-` : '';
    const first = number?.split(', ')[0] ?? null;
    if (it.pkind === 'numbered') anchor = `${prefix}p${first}`;
    else if (it.pkind === 'quotation') anchor = `${prefix}committee`;
    else {
      // Unnumbered paragraphs are anchored to the printed paragraph before them ("rec3-p4-u1"), or to
      // their section start ("introduction-u1"), so a change elsewhere cannot shift their anchors.
      const after = lastNumbered.get(section ?? '') ?? null;
      const key = `${section ?? ''}/${after ?? ''}`;
      const k = (unnumberedCount.get(key) ?? 0) + 1;
      unnumberedCount.set(key, k);
      anchor = `${prefix}${after ? `p${after}-` : ''}u${k}`;
    }
    if (it.pkind === 'numbered') lastNumbered.set(section ?? '', first!);
    anchor = unique(anchor, from);
    const blocks = toBlocks(it.lines, number, vocab, hyphenation, runsOf, new Set(it.listLines ?? []));
    const footnotes = blocks.flatMap((b) => (b.type === 'text' ? b.runs : b.items.flatMap((x) => x.runs))).flatMap((r) => ('fn' in r ? [r.fn] : []));
    const text = blocksText(blocks);
    if (!text) {
      anomalies.push({ line: from, kind: 'empty-paragraph', message: `paragraph ${number ?? ''} has no text` });
      continue;
    }
    paragraphs.push({
      id: `${entry.id}/${anchor}`,
      document: entry.id,
      number,
      anchor,
      section,
      kind: it.pkind,
      order: paragraphs.length,
      headings: stack.map((h) => h.title),
      headingAnchors: stack.map((h) => h.anchor),
      blocks,
      text,
      footnotes,
      recommendations: recs,
      rights: [],
      rightTags: [],
      bodies: [],
      lines: [from, lastLine(it)],
    });
    body.push({ kind: 'paragraph', paragraph: paragraphs.at(-1)! });
  }
  return { ...s, paragraphs, headings, body, fragments, markers: markers.seen, hyphenation: [...s.hyphenation, ...hyphenation], anomalies: [...s.anomalies, ...anomalies] };
}

/** Checks the anchors pass's guarantees. */
export function checkBody(s: DocState): void {
  const seen = new Set<string>();
  for (const a of [...s.paragraphs.map((p) => p.anchor), ...s.headings.map((h) => h.anchor)]) {
    if (!/^[a-z][a-z0-9-]*$/.test(a)) throw new Error(`anchor "${a}" is not a valid id`);
    if (seen.has(a)) throw new Error(`anchor "${a}" is used twice`);
    seen.add(a);
  }
  for (const p of s.paragraphs) if (!p.text) throw new Error(`paragraph ${p.anchor} has no text`);
  for (let i = 1; i < s.markers.length; i++) if (s.markers[i] <= s.markers[i - 1]) throw new Error(`marker ${s.markers[i]} follows ${s.markers[i - 1]}`);
}

/** Splits a paragraph's lines into running text and lists, resolving markers. */
function toBlocks(
  lines: Line[],
  number: string | null,
  vocab: Set<string>,
  hyphenation: HyphenDecision[],
  runsOf: (t: string, line: number, lines?: Line[]) => Run[],
  numbered: Set<number> = new Set(),
): Block[] {
  const segs: { label: string | null; style: 'alpha' | 'roman' | 'bullet' | 'numeric' | null; lines: Line[] }[] = [];
  for (const l of lines) {
    const item = numbered.has(l.n) ? /^(\d{1,3}(?:\.\d{1,3})?\.?)\s+/.exec(l.text) : null;
    if (item) {
      segs.push({ label: item[1], style: 'numeric', lines: [{ ...l, text: l.text.slice(item[0].length) }] });
      continue;
    }
    const m = segs.length ? LIST_ITEM.exec(l.text) : null;
    if (m) {
      // Symbol-font bullets (U+F02D, U+F0A7, U+F0B7: what PDF extractors print for Wingdings/Symbol glyphs) read as "•".
      const label = m[1] ?? (m[2] ? m[2].replace(/[\uF02D\uF0A7\uF0B7]/, '•') : undefined) ?? m[3];
      const style = m[2] ? 'bullet' : m[3] ? 'numeric' : /^\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)$/.test(label) && !(label === '(i)' && segs.some((s) => s.label === '(h)')) ? 'roman' : 'alpha';
      segs.push({ label, style, lines: [{ ...l, text: l.text.slice(m[0].length) }] });
    } else if (segs.length) segs.at(-1)!.lines.push(l);
    else segs.push({ label: null, style: null, lines: [l] });
  }
  // Strip the printed number from the first line (and the rest of a shared label printed on the next).
  const textLines = segs[0].lines.filter((l) => l.text !== '');
  const first = textLines[0];
  if (first && number !== null) {
    const printed = first.text.match(PRINTED_NUMBER)?.[0] ?? '';
    first.text = first.text.slice(printed.length);
    if (/,\s*$/.test(printed) && textLines[1]) textLines[1].text = textLines[1].text.replace(LABEL_HEAD, '').trim();
  }
  const blocks: Block[] = [];
  for (const s of segs) {
    const fromLine = s.lines[0].n;
    const runs = runsOf(joinLines(s.lines, vocab, hyphenation), fromLine, s.lines);
    if (s.label === null) {
      if (runs.length) blocks.push({ type: 'text', runs });
      continue;
    }
    const last = blocks.at(-1);
    if (last?.type === 'list' && last.style === s.style) last.items.push({ label: s.label, runs });
    else blocks.push({ type: 'list', style: s.style!, items: [{ label: s.label, runs }] });
  }
  return blocks;
}

function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => (b.type === 'text' ? plainText(b.runs) : b.items.map((i) => `${i.label} ${plainText(i.runs)}`).join(' ')))
    .join(' ')
    .trim();
}
