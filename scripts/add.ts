/**
 * Adds a document to a corpus with data, never code:
 *   npm run add -- <text file> --symbol <UN symbol> [--corpus <name>] [--id <id>] [--dry-run]
 *   npm run add -- <text file> --title <title> --author <author> --cycle <review id> --session <n> --date <YYYY-MM> [--corpus <name>]
 * Copies the text verbatim into content/corpora/<corpus>/sources/, computes its SHA-256, reads what it can from
 * the title block (symbol, date of issue, session, review dates, State, kind, title) and the symbol's shape,
 * appends the registry entry to content/corpora/<corpus>/registry/documents.json, and prints what it derived
 * and what to check. A corpus that does not exist yet is created. Any field can be changed in the registry
 * afterwards (see src/schemas/document.ts); `npm run ingest` validates it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { documentInputSchema, type DocumentInput, type DocumentType, type Mechanism } from '../src/schemas/document.ts';
import { stateEntrySchema } from '../src/schemas/corpus.ts';
import { toLines } from './ingest/lines.ts';
import { readPages } from './ingest/pages.ts';
import { heldSession, readTitleBlock, type KnownState } from './ingest/title-block.ts';
import { IngestError } from './ingest/errors.ts';
import { readJson, uprCycle } from './ingest/registry.ts';
import { atlasSettingsSchema } from '../src/schemas/corpus.ts';

/** What the symbol's shape says (UPR document family; treaty symbols by their prefix). */
export interface SymbolShape {
  mechanism: Mechanism;
  type: DocumentType | null;
  /** UPR Working Group session printed in the symbol (national report, compilation, summary). */
  session: number | null;
  /** ISO alpha-3 code printed in the symbol. */
  stateCode: string | null;
  /** The symbol an addendum or corrigendum belongs to. */
  base: string | null;
  /** The kind of the document a corrigendum corrects. */
  corrects: DocumentType | null;
}

const UPR_PARTS: Record<string, DocumentType> = { '1': 'national-report', '2': 'un-compilation', '3': 'stakeholder-summary' };
const TREATY_PREFIX: [RegExp, Mechanism][] = [
  [/^CCPR\//, 'iccpr'], [/^E\/C\.12\//, 'icescr'], [/^CAT\//, 'cat'], [/^CEDAW\//, 'cedaw'], [/^CERD\//, 'cerd'],
  [/^CRC\//, 'crc'], [/^CRPD\//, 'crpd'], [/^CMW\//, 'cmw'], [/^CED\//, 'ced'],
];

/** Reads a UN symbol's shape: A/HRC/WG.6/<session>/<XXX>/<1|2|3>[/Corr.n], A/HRC/<session>/<n>[/Add.n], treaty prefixes. */
export function symbolShape(symbol: string): SymbolShape {
  let m = /^A\/HRC\/WG\.6\/(\d+)\/([A-Z]{3})\/([123])(\/Corr\.\d+)?$/.exec(symbol);
  if (m) {
    const part = UPR_PARTS[m[3]];
    return { mechanism: 'upr', type: m[4] ? 'corrigendum' : part, session: Number(m[1]), stateCode: m[2], base: m[4] ? symbol.replace(/\/Corr\.\d+$/, '') : null, corrects: m[4] ? part : null };
  }
  m = /^(A\/HRC\/\d+\/\d+)(\/Add\.\d+)?(\/Corr\.\d+)?$/.exec(symbol);
  if (m) return { mechanism: 'upr', type: m[3] ? 'corrigendum' : m[2] ? 'addendum' : 'wg-report', session: null, stateCode: null, base: m[2] || m[3] ? m[1] : null, corrects: m[3] ? (m[2] ? 'addendum' : 'wg-report') : null };
  for (const [re, mech] of TREATY_PREFIX) if (re.test(symbol)) return { mechanism: mech, type: null, session: null, stateCode: /\/([A-Z]{3})\//.exec(symbol)?.[1] ?? null, base: null, corrects: null };
  throw new Error(`cannot read the symbol "${symbol}"; expected a UN symbol such as A/HRC/WG.6/34/NOR/1 or A/HRC/<session>/<n>/Add.1`);
}

const KIND_SLUG: Record<DocumentType, string> = {
  'national-report': 'national-report', 'un-compilation': 'un-compilation', 'stakeholder-summary': 'stakeholder-summary',
  'wg-report': 'wg-report', addendum: 'wg-report-addendum', corrigendum: 'corrigendum', 'ngo-report': 'ngo-report',
};
const KIND_SHORT: Record<DocumentType, string> = {
  'national-report': 'national report', 'un-compilation': 'UN compilation', 'stakeholder-summary': 'stakeholders summary',
  'wg-report': 'Working Group report', addendum: 'views on recommendations', corrigendum: 'corrigendum', 'ngo-report': 'NGO report',
};
const OHCHR = 'Office of the United Nations High Commissioner for Human Rights (OHCHR)';
/** The body that reviews under each mechanism (ids of content/registry/bodies.json). */
const REVIEWING_BODY: Record<Mechanism, string> = {
  upr: 'upr-wg', iccpr: 'hr-committee', icescr: 'cescr', cat: 'cat', cedaw: 'cedaw', cerd: 'cerd', crc: 'crc', crpd: 'crpd', cmw: 'cmw', ced: 'ced',
};
const UN_NAMES = ['Human Rights Council', 'Office of the High Commissioner for Human Rights', 'Office of the United Nations High Commissioner for Human Rights', 'United Nations', 'High Commissioner for Human Rights'];

/** A title printed in capitals, in sentence case with the UN's proper names kept ("NATIONAL REPORT SUBMITTED …" → "National report submitted …"). */
export function titleCase(text: string): string {
  if (/[a-z]/.test(text)) return text;
  let t = text.charAt(0) + text.slice(1).toLowerCase();
  for (const name of UN_NAMES) t = t.replace(new RegExp(name, 'gi'), name);
  return t.replace(/\b\((a|b|c)\)/g, (_, x: string) => `(${x})`);
}

/**
 * Whether a text cites recommendations by the ids an outcome report prints ("140.11", "140.12", …): one
 * paragraph number with at least five different item numbers.
 */
export function citesPrintedIds(text: string): boolean {
  const items = new Map<string, Set<string>>();
  for (const m of text.matchAll(/(?<![\d.])(\d{2,3})\.(\d{1,3})(?![\d.]\d)/g)) {
    if (!items.has(m[1])) items.set(m[1], new Set());
    items.get(m[1])!.add(m[2]);
  }
  return [...items.values()].some((s) => s.size >= 5);
}

/** Options of one addition. */
export interface AddOptions {
  file: string;
  content: string;
  corpus: string | null;
  symbol: string | null;
  title?: string;
  author?: string;
  id?: string;
  cycle?: string;
  session?: number;
  date?: string;
  type?: DocumentType;
  dryRun?: boolean;
}

/** Drafts the registry entry for a text, writes it (unless dry-run), and returns it with the notes to print. */
export function addDocument(o: AddOptions): { entry: DocumentInput; corpus: string; notes: string[]; created: boolean } {
  if (!existsSync(o.file)) throw new IngestError(o.file, null, 'no such file; give the path of the extracted text');
  const bytes = readFileSync(o.file);
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new IngestError(o.file, 1, 'the text is empty; extract the document first');
  const settings = join(o.content, 'atlas.json');
  const corpus = o.corpus || process.env.ATLAS_CORPUS || (existsSync(settings) ? readJson(settings, atlasSettingsSchema).defaultCorpus : '');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(corpus)) throw new IngestError(o.file, null, `corpus name "${corpus}" must be lower-case words joined by hyphens; pass --corpus <name>`);
  const dir = join(o.content, 'corpora', corpus);
  const docFile = join(dir, 'registry/documents.json');
  const existing = existsSync(docFile) ? readJson(docFile, z.array(documentInputSchema)) : [];
  const states = readJson(join(o.content, 'registry/states.json'), z.array(stateEntrySchema)) as KnownState[];
  const notes: string[] = [];

  const lines = toLines(text);
  const paged = text.includes('\f');
  const frontMatter = paged ? readPages(lines).frontMatter : lines.slice(0, 60);
  const block = readTitleBlock(frontMatter, states);
  const shape = o.symbol ? symbolShape(o.symbol) : null;
  if (o.symbol && !text.includes(o.symbol)) notes.push(`the symbol ${o.symbol} is not printed in the text (symbolPrinted will be false): check it`);
  if (o.symbol && block.symbols.length && !block.symbols.includes(o.symbol)) notes.push(`the title block prints ${block.symbols.join(', ')}, not ${o.symbol}: check the symbol`);

  const type: DocumentType = o.type ?? shape?.type ?? (o.symbol ? (() => { throw new IngestError(o.file, null, `the kind of ${o.symbol} cannot be read from its symbol; pass --type (one of ${Object.keys(KIND_SLUG).join(', ')})`); })() : 'ngo-report');
  const mechanism: Mechanism = shape?.mechanism ?? (o.cycle ? (o.cycle.split('-')[0] as Mechanism) : 'upr');
  const state = (shape?.stateCode ? states.find((s) => s.code === shape.stateCode) : null) ?? block.state;
  if (!state) throw new IngestError(o.file, null, 'cannot tell which State is under review (no ISO code in the symbol, no State named in the title block); add it to the entry by hand or check content/registry/states.json');
  if (block.state && block.state.code !== state.code) notes.push(`the symbol says ${state.name}, the title block names ${block.state.name}: check "state"`);
  const other = existing.find((d) => d.state.code !== state.code);
  if (other) throw new IngestError(o.file, null, `corpus "${corpus}" holds ${other.state.name}'s reviews and this document is about ${state.name}: add it to a corpus of its own with --corpus <name>`);

  // Session and dates of the review.
  const base = shape?.base ? existing.find((d) => d.symbol === shape.base) : undefined;
  let session = o.session ?? shape?.session ?? (block.session?.of === 'upr-wg' ? block.session.n : null);
  let date = o.date ?? block.reviewDates?.date ?? null;
  if (type === 'wg-report' && session === null) {
    const held = heldSession(text);
    if (held) {
      session = held.n;
      date ??= held.date;
      notes.push(`Working Group session ${held.n} read from "held its … session" in the text`);
    }
  }
  if ((session === null || date === null) && base) {
    session ??= base.session;
    date ??= base.date;
    notes.push(`session and review date taken from ${base.id} (${base.symbol})`);
  }
  if (session === null && mechanism === 'upr') {
    const sibling = existing.find((d) => d.mechanism === 'upr' && block.session?.of === 'hrc' && d.type === 'wg-report' && d.symbol?.startsWith(`A/HRC/${block.session.n}/`));
    if (sibling) session = sibling.session;
  }
  if (session === null) throw new IngestError(o.file, null, 'cannot read the review session (Working Group session for UPR documents); pass --session <n>');
  if (date === null) {
    const sameSession = existing.find((d) => d.session === session && d.mechanism === mechanism);
    if (sameSession) date = sameSession.date;
  }
  if (date === null) throw new IngestError(o.file, null, 'cannot read the date of the review session; pass --date YYYY-MM');
  // A treaty review is numbered by the periodic report: "CCPR/C/NOR/7" and "CCPR/C/NOR/CO/7" belong to iccpr-7.
  const reportNumber = o.symbol ? /\/[A-Z]{3}\/(?:CO\/)?(\d{1,2})(?:-\d{1,2})?(?:\/|$)/.exec(o.symbol)?.[1] : undefined;
  const cycle = o.cycle ?? (mechanism !== 'upr' && reportNumber ? `${mechanism}-${Number(reportNumber)}` : undefined);
  const cycleNumber = mechanism === 'upr' ? uprCycle(session) : Number((cycle ?? '').split('-')[1]);
  if (mechanism !== 'upr' && !cycle) throw new IngestError(o.file, null, `a ${mechanism} document needs --cycle ${mechanism}-<periodic report number>`);
  if (mechanism !== 'upr' && !o.cycle) notes.push(`review ${cycle} read from the periodic report number in ${o.symbol}: check "cycle"`);
  const prefix = mechanism === 'upr' ? `upr${cycleNumber}` : (cycle as string).replace('-', '');

  // Id, file name, titles.
  const kindSlug = type === 'corrigendum' && shape?.corrects ? `${KIND_SLUG[shape.corrects]}-corrigendum` : KIND_SLUG[type];
  let id = o.id ?? `${prefix}-${kindSlug}`;
  for (let k = 2; existing.some((d) => d.id === id) && !o.id; k++) id = `${prefix}-${kindSlug}-${k}`;
  if (existing.some((d) => d.id === id)) throw new IngestError(docFile, null, `document id "${id}" is already taken; pass another --id`);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const twin = existing.find((d) => d.sourceSha256 === sha);
  if (twin) throw new IngestError(o.file, null, `this text is already in the corpus as "${twin.id}" (same SHA-256); nothing to add`);
  const source = (o.symbol ? o.symbol.toLowerCase().replace(/[^a-z0-9.]+/g, '-') : id) + '.txt';
  // "Summary of stakeholders’ submissions on <State>" / "Report of the Office …": a line ending on the State's name ends a title part.
  const joined = block.title.map((t, i) => (i > 0 && block.title[i - 1].endsWith(state.name) ? `: ${t}` : ` ${t}`)).join('').replace(/\s+/g, ' ').trim();
  const printedTitle = titleCase(joined);
  const named = printedTitle.includes(state.name) ? printedTitle : printedTitle ? `${printedTitle}: ${state.name}` : '';
  const partTitle = block.part ? `. ${block.part.kind}${block.part.title.length ? `: ${titleCase(block.part.title.join(' ').replace(/\s+/g, ' ').trim())}` : ''}` : '';
  const title = o.title ?? (named ? named + partTitle : '');
  if (title.length < 10) throw new IngestError(o.file, null, 'cannot read the title from the title block; pass --title "<title>"');
  const year = date.slice(0, 4);
  const author =
    o.author ?? (type === 'national-report' || type === 'addendum' ? state.name : type === 'wg-report' ? 'Working Group on the Universal Periodic Review' : type === 'ngo-report' ? '' : OHCHR);
  if (!author) throw new IngestError(o.file, null, 'an NGO report needs --author "<organisation>"');
  const entry: DocumentInput = {
    id,
    symbol: o.symbol,
    title,
    shortTitle: `${mechanism === 'upr' ? 'UPR' : mechanism.toUpperCase()} ${year} ${type === 'corrigendum' && shape?.corrects ? `${KIND_SHORT[shape.corrects]}, corrigendum` : KIND_SHORT[type]}`,
    type,
    author: { kind: type === 'national-report' || type === 'addendum' ? 'state' : type === 'ngo-report' ? 'ngo' : 'un', name: author, members: [] },
    state: { code: state.code, name: state.name },
    mechanism,
    ...(mechanism === 'upr' ? {} : { cycle }),
    reviewingBody: REVIEWING_BODY[mechanism],
    session,
    date,
    issued: block.issued,
    language: 'en',
    related: [],
    source,
    sourceSha256: sha,
    sourceNote: `Text extraction of the official PDF (${paged ? 'layout-preserving: form feeds between pages, indentation kept' : 'plain text'}), added with npm run add from ${basename(o.file)}.`,
    layout: { numbering: 'global', splicedFootnotes: false, extraction: paged ? 'paged' : 'plain', tables: type === 'un-compilation' || type === 'corrigendum' },
  };
  // Which recommendations a national report (the previous review's) or an addendum (its own review's) answers.
  if ((type === 'national-report' && mechanism === 'upr' && cycleNumber > 1) || type === 'addendum') {
    const review = `upr-${type === 'addendum' ? cycleNumber : cycleNumber - 1}`;
    const dotted = /Recommendations?\s+\d{1,3}\.\d{1,3}/.test(text) || (type === 'addendum' && citesPrintedIds(text));
    entry.answers = { review, numbering: dotted ? 'printed' : 'own' };
    notes.push(
      dotted
        ? `answers ${review}'s recommendations by their printed ids ("95.41"): check "answers"`
        : `cites ${review}'s recommendations by bare numbers; they are left unresolved ("numbering": "own") — if they count the items of that review's outcome report in order, set "answers.numbering" to "sequence"`,
    );
  }
  const parsed = documentInputSchema.safeParse(entry);
  if (!parsed.success) throw new IngestError(docFile, null, `drafted entry is invalid (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}); pass the field as an option`);
  if (!block.issued) notes.push('no date of issue ("Distr.: General" + date) found: "issued" is null');
  notes.push(`check "title" ("${title}") and "shortTitle"; the kind was read as ${type} from ${o.symbol ? 'the symbol' : 'the options'}`);

  const created = !existsSync(dir);
  if (!o.dryRun) {
    for (const sub of ['sources', 'registry', 'manifest']) mkdirSync(join(dir, sub), { recursive: true });
    const target = join(dir, 'sources', source);
    if (existsSync(target)) throw new IngestError(target, null, 'a source with this name exists already; pass another --id or remove it');
    writeFileSync(target, bytes);
    const json = JSON.stringify(entry);
    const current = existsSync(docFile) ? readFileSync(docFile, 'utf8').trimEnd() : '[]';
    // Append without reformatting what is there: the registry stays as its authors wrote it.
    const next = current === '[]' ? `[\n  ${json}\n]\n` : `${current.replace(/\s*\]$/, '')},\n  ${json}\n]\n`;
    writeFileSync(docFile, next);
    for (const f of ['anchors.json', 'retired.json']) if (!existsSync(join(dir, 'manifest', f))) writeFileSync(join(dir, 'manifest', f), '[]\n');
  }
  return { entry, corpus, notes, created };
}

if (import.meta.main) {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        symbol: { type: 'string' }, corpus: { type: 'string' }, title: { type: 'string' }, author: { type: 'string' }, id: { type: 'string' },
        cycle: { type: 'string' }, session: { type: 'string' }, date: { type: 'string' }, type: { type: 'string' }, content: { type: 'string', default: 'content' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new IngestError('npm run add', null, 'give one text file: npm run add -- <text file> --symbol <UN symbol> [--corpus <name>]');
    if (!values.symbol && !(values.title && values.author)) throw new IngestError(positionals[0], null, 'give --symbol <UN symbol>, or --title and --author for a document without one');
    const r = addDocument({
      file: positionals[0], content: values.content as string, corpus: (values.corpus as string) ?? null, symbol: (values.symbol as string) ?? null,
      title: values.title as string | undefined, author: values.author as string | undefined, id: values.id as string | undefined,
      cycle: values.cycle as string | undefined, session: values.session ? Number(values.session) : undefined, date: values.date as string | undefined,
      type: values.type as DocumentType | undefined, dryRun: values['dry-run'] as boolean,
    });
    console.log(`${values['dry-run'] ? 'would add' : 'added'} ${r.entry.id} to corpus ${r.corpus}${r.created ? ' (new corpus)' : ''}:`);
    console.log(JSON.stringify(r.entry, null, 2));
    for (const n of r.notes) console.log(`check: ${n}`);
    console.log(`next: npm run ingest -- --corpus ${r.corpus}   (then: node scripts/outline.ts --corpus ${r.corpus} ${r.entry.id}; npm run ingest -- --corpus ${r.corpus} --update-manifest)`);
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    console.error(`error: ${e.message}`);
    process.exitCode = 1;
  }
}
