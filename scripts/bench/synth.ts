/**
 * Synthetic corpora for scale runs, made of the real texts of every corpus in content/corpora/.
 *
 * A target is a number of documents and of paragraphs (the peers' scale is 6,111 documents and
 * 322,619 paragraphs: about 53 paragraphs a document, shorter than most of ours). A synthetic
 * document is a real document, whole, or the first pages of a layout-preserving ("paged") one,
 * cut at a form feed; every one is renumbered (new id, symbol, source file and hash), so the
 * pipeline, the site and the index see as many distinct documents and paragraphs as the target.
 *
 * After `synthesizeCorpus(content, to, target)`:
 * - `to/registry/documents.json` lists `target.documents` documents whose paragraphs add up to
 *   `target.paragraphs` within one document's worth (the exact figures are returned), taken
 *   from the corpora in turn (interleaved), whole documents first while the rest can still reach
 *   the target with page prefixes of about 60 % of the mean length;
 * - each copy's symbol is renumbered in the registry and in its text (running headers), so page
 *   furniture is still recognised: the segment naming the document's State ("/ABC/") becomes
 *   "/X<n>/", a symbol without one gets "/X<n>" appended; ids are `<id>-<corpus letter><n>`;
 * - every document is about one State, the first corpus's (a corpus holds one State's reviews),
 *   with its State-authored documents written by that State;
 * - with `target.reviews`, documents are spread over that many reviews (document n goes to review
 *   n mod `reviews`: the UPR cycle of that number, its session set accordingly, or the treaty
 *   review of that number; what a document answers moves with it), so whatever is split per review
 *   is measured at the size of the peers' per-State slices; at most 99 (the largest review number);
 * - curated entries keyed by `document` (errata, tables) follow every whole copy; review facts
 *   (cycles.json) are merged, the first corpus's entry winning for a review both describe;
 * - the anchor manifest starts empty (every paragraph is an addition).
 * Deterministic: the same content and target give the same corpus, byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestDocument } from '../ingest/pipeline.ts';
import { corpusPaths, loadCorpus, uprCycle, type LoadedCorpus } from '../ingest/registry.ts';
import type { DocumentEntry } from '../../src/schemas/document.ts';

/** How large a synthetic corpus should be. */
export interface SynthTarget {
  /** Documents to write. */
  documents: number;
  /** Paragraphs they should hold together (met within one document's worth). */
  paragraphs: number;
  /** Reviews to spread the documents over (1–99); absent: each copy keeps its own review. */
  reviews?: number;
}

/**
 * Paragraphs a State holds at the peers' scale (322,619 paragraphs about 193 States): the size of
 * the slices search is split into (src/lib/site-plan.ts), used to choose `reviews`.
 */
export const PARAGRAPHS_PER_SLICE = Math.round(322_619 / 193);

/** The UPR Working Group session whose review is cycle `k` (1–12 → 1, 13–26 → 2, then 14 a cycle). */
export function sessionOfCycle(k: number): number {
  return k === 1 ? 7 : 13 + 14 * (k - 2);
}

/** What a synthetic copy in review `k` changes in its registry entry: session or cycle, and what it answers. */
export function reviewFields(document: DocumentEntry, k: number): Record<string, unknown> {
  const own = Number(document.cycle.split('-').at(-1));
  const answers = document.answers
    ? (() => {
        const mech = document.answers.review.replace(/-\d+$/, '');
        const shifted = Number(document.answers.review.split('-').at(-1)) + (k - own);
        return shifted >= 1 && shifted <= 99 ? { ...document.answers, review: `${mech}-${shifted}` } : null;
      })()
    : null;
  return document.mechanism === 'upr' ? { session: sessionOfCycle(k), answers } : { cycle: `${document.mechanism}-${k}`, answers };
}

/** What was written. */
export interface SynthSummary {
  documents: number;
  /** Paragraphs the pure pipeline finds in the written texts. */
  paragraphs: number;
  /** Documents copied whole, and page prefixes. */
  whole: number;
  prefixes: number;
  /** Documents (and paragraphs) taken from each source corpus, by corpus name. */
  byCorpus: Record<string, { documents: number; paragraphs: number }>;
  /** Bytes of source text written. */
  bytes: number;
}

/**
 * The symbol of synthetic copy `n`: the segment naming the State (`code`, e.g. "/ABC/" in
 * "A/HRC/WG.6/7/ABC/1") becomes "X<n>"; a symbol without one gets "/X<n>" appended.
 */
export function renumberSymbol(symbol: string, n: number, code: string): string {
  const segment = `/${code}/`;
  return symbol.includes(segment) ? symbol.replace(segment, `/X${n}/`) : `${symbol}/X${n}`;
}

/** One document the synthesizer can copy: a whole real document or its first `pages` pages. */
export interface Candidate {
  corpus: number;
  document: DocumentEntry;
  /** The text to write (before renumbering). */
  text: string;
  /** null: the whole document; else the number of pages kept. */
  pages: number | null;
  /** Paragraphs the pipeline finds in `text`. */
  paragraphs: number;
}

/** Paragraphs the pure pipeline finds in a text, or null when the text does not parse. */
function countParagraphs(loaded: LoadedCorpus, document: DocumentEntry, text: string): number | null {
  try {
    const ctx = { file: document.source, errataFile: 'errata.json', errata: loaded.registry.errata, tables: loaded.registry.tables };
    return ingestDocument(document, text, ctx).paragraphs.length;
  } catch {
    return null;
  }
}

/**
 * Every whole document of the corpora, and every page prefix of their paged documents that parses
 * and holds at least one paragraph (the pipeline is run on each, so counts are exact).
 */
export function candidates(corpora: LoadedCorpus[]): { whole: Candidate[]; prefixes: Candidate[] } {
  const whole: Candidate[] = [];
  const prefixes: Candidate[] = [];
  corpora.forEach((loaded, corpus) => {
    for (const document of loaded.documents) {
      const text = loaded.texts.get(document.id) as string;
      const paragraphs = countParagraphs(loaded, document, text);
      if (paragraphs === null) throw new Error(`synth: ${document.source} does not parse as it is registered`);
      whole.push({ corpus, document, text, pages: null, paragraphs });
      if (document.layout.extraction !== 'paged') continue;
      // Errata and tables name lines and spans of the whole text: prefixes only of documents without them.
      if (loaded.registry.errata.some((e) => e.document === document.id) || loaded.registry.tables.some((t) => t.document === document.id)) continue;
      const pages = text.split('\f');
      for (let k = 1; k < pages.length - 1; k++) {
        const prefix = `${pages.slice(0, k).join('\f')}\f`;
        const n = countParagraphs(loaded, document, prefix);
        if (n !== null && n > 0) prefixes.push({ corpus, document, text: prefix, pages: k, paragraphs: n });
      }
    }
  });
  return { whole, prefixes };
}

/** Interleaves lists: a0, b0, a1, b1, … (the shorter list's end skipped). */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(0, ...lists.map((l) => l.length)); i++) for (const l of lists) if (i < l.length) out.push(l[i] as T);
  return out;
}

/**
 * Picks `target.documents` candidates (with repetition) whose paragraphs add up to about
 * `target.paragraphs`: whole documents in turn while the documents left could still reach the
 * target as prefixes of about 60 % of the mean length, then prefixes (corpora and documents in
 * turn) of the length that keeps the remaining mean on target.
 */
export function choose(pool: { whole: Candidate[]; prefixes: Candidate[] }, target: SynthTarget): Candidate[] {
  const corpora = [...new Set(pool.whole.map((c) => c.corpus))];
  const whole = interleave(corpora.map((c) => pool.whole.filter((w) => w.corpus === c)));
  const byDocument = new Map<string, Candidate[]>();
  for (const p of pool.prefixes) {
    const key = `${p.corpus}/${p.document.id}`;
    byDocument.set(key, [...(byDocument.get(key) ?? []), p]);
  }
  const prefixDocs = [...byDocument.values()];
  const low = (0.6 * target.paragraphs) / Math.max(1, target.documents);
  const chosen: Candidate[] = [];
  let total = 0;
  let w = 0;
  let p = 0;
  for (let i = 0; i < target.documents; i++) {
    const left = target.documents - i;
    const need = target.paragraphs - total;
    const next = whole[w % whole.length] as Candidate;
    let pick: Candidate;
    if (prefixDocs.length === 0 || (left > 1 && need - next.paragraphs >= (left - 1) * low) || (left === 1 && Math.abs(need - next.paragraphs) <= need)) {
      pick = next;
      w++;
    } else {
      const mean = need / left;
      const options = prefixDocs[p % prefixDocs.length] as Candidate[];
      p++;
      pick = options.reduce((best, c) => (Math.abs(c.paragraphs - mean) < Math.abs(best.paragraphs - mean) ? c : best));
    }
    chosen.push(pick);
    total += pick.paragraphs;
  }
  return chosen;
}

/** Loads every corpus under `content/corpora/` (sorted by name). */
export function loadAllCorpora(content: string): { names: string[]; corpora: LoadedCorpus[] } {
  const names = readdirSync(join(content, 'corpora'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return { names, corpora: names.map((name) => loadCorpus(corpusPaths(content, name))) };
}

/**
 * Writes a synthetic corpus folder `to` (registry, sources, empty manifest) from every corpus of
 * the content root `content`, sized to `target`.
 */
export function synthesizeCorpus(content: string, to: string, target: SynthTarget): SynthSummary {
  if (!Number.isInteger(target.documents) || target.documents < 1) throw new Error(`synth: documents must be a positive integer, got ${target.documents}`);
  const { names, corpora } = loadAllCorpora(content);
  const chosen = choose(candidates(corpora), target);
  if (target.reviews !== undefined && (!Number.isInteger(target.reviews) || target.reviews < 1 || target.reviews > 99)) throw new Error(`synth: reviews must be 1..99, got ${target.reviews}`);
  // One corpus, one State (scripts/ingest/registry.ts): the first corpus's.
  const state = (corpora[0] as LoadedCorpus).documents[0]?.state;
  if (!state) throw new Error(`synth: the corpus ${names[0]} has no document`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(join(to, 'sources'), { recursive: true });
  mkdirSync(join(to, 'registry'), { recursive: true });
  mkdirSync(join(to, 'manifest'), { recursive: true });

  const copies = new Map<string, number>();
  const documents: Record<string, unknown>[] = [];
  const keyed: Record<'errata' | 'tables', unknown[]> = { errata: [], tables: [] };
  const summary: SynthSummary = { documents: 0, paragraphs: 0, whole: 0, prefixes: 0, byCorpus: {}, bytes: 0 };
  chosen.forEach((c, n) => {
    const letter = String.fromCharCode(97 + c.corpus);
    const key = `${letter}/${c.document.id}`;
    const k = copies.get(key) ?? 0;
    copies.set(key, k + 1);
    const id = `${c.document.id}-${letter}${k}`;
    const symbol = c.document.symbol === null ? null : renumberSymbol(c.document.symbol, n + 1, c.document.state.code);
    const text = c.document.symbol !== null && symbol !== null ? c.text.replaceAll(c.document.symbol, symbol) : c.text;
    const source = `${id}.txt`;
    writeFileSync(join(to, 'sources', source), text);
    const { cycle, symbolPrinted, officialUrl, ...entry } = c.document;
    // Derived fields are left for the ingest to derive again; a treaty review's cycle is curated.
    documents.push({
      ...entry,
      state,
      author: entry.author.kind === 'state' ? { ...entry.author, name: state.name } : entry.author,
      ...(c.document.mechanism === 'upr' ? {} : { cycle }),
      ...(target.reviews ? reviewFields(c.document, (n % target.reviews) + 1) : {}),
      id,
      symbol,
      source,
      sourceSha256: createHash('sha256').update(text).digest('hex'),
    });
    void symbolPrinted;
    void officialUrl;
    if (c.pages === null) {
      const loaded = corpora[c.corpus] as LoadedCorpus;
      keyed.errata.push(...loaded.registry.errata.filter((e) => e.document === c.document.id).map((e) => ({ ...e, document: id })));
      keyed.tables.push(...loaded.registry.tables.filter((t) => t.document === c.document.id).map((t) => ({ ...t, document: id })));
      summary.whole++;
    } else summary.prefixes++;
    const name = names[c.corpus] as string;
    const by = (summary.byCorpus[name] ??= { documents: 0, paragraphs: 0 });
    by.documents++;
    by.paragraphs += c.paragraphs;
    summary.documents++;
    summary.paragraphs += c.paragraphs;
    summary.bytes += Buffer.byteLength(text);
  });
  const json = (data: unknown) => `${JSON.stringify(data, null, 1)}\n`;
  writeFileSync(join(to, 'registry/documents.json'), json(documents));
  if (keyed.errata.length) writeFileSync(join(to, 'registry/errata.json'), json(keyed.errata));
  if (keyed.tables.length) writeFileSync(join(to, 'registry/tables.json'), json(keyed.tables));
  // Review facts: the first corpus's entry for a review wins; only reviews some document uses.
  // The reviews the synthetic documents belong to (a UPR document's from its session).
  const used = new Set(
    documents.map((d) => (d.mechanism === 'upr' ? `upr-${uprCycle(d.session as number)}` : (d.cycle as string))),
  );
  const cycles = new Map<string, unknown>();
  for (const loaded of corpora) for (const c of loaded.registry.cycles) if (used.has(c.id) && !cycles.has(c.id)) cycles.set(c.id, c);
  if (cycles.size) writeFileSync(join(to, 'registry/cycles.json'), json([...cycles.values()]));
  writeFileSync(join(to, 'manifest/anchors.json'), '[]\n');
  return summary;
}
