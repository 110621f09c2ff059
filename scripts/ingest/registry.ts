/**
 * Every registry file, read and zod-validated in one place, and the registry resolved into what the
 * site is built from: documents with every derived field filled in, the reviews (cycles) of the corpus,
 * and the corpus's own description.
 *
 * Layout on disk (content/):
 *   atlas.json                          project settings (default corpus)
 *   registry/rights.json, bodies.json   vocabularies shared by every corpus; states.json: UN States (ISO codes)
 *   corpora/<name>/corpus.json          optional: title, description
 *   corpora/<name>/registry/            documents.json, cycles.json (optional), errata.json, tables.json (optional)
 *   corpora/<name>/sources/             verbatim texts
 *   corpora/<name>/manifest/            anchors.json (published links), retired.json
 *
 * Guarantees afterwards: every file parsed against its schema (errors name the file, the line of the
 * entry and the field, and say what value is expected); document ids unique; every erratum and table
 * names a known document; table patterns compile; derived fields agree with curated ones.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { documentInputSchema, documentSchema, type DocumentEntry, type Mechanism } from '../../src/schemas/document.ts';
import { cycleInputSchema, cycleSchema, type Cycle, type CycleInput } from '../../src/schemas/cycle.ts';
import { erratumSchema, type Erratum } from '../../src/schemas/erratum.ts';
import { tableSpecSchema, type TableSpec } from '../../src/schemas/table-spec.ts';
import { retiredSchema, type Retired } from '../../src/schemas/retired.ts';
import { atlasSettingsSchema, corpusInputSchema, corpusSchema, stateEntrySchema, type Corpus, type StateEntry } from '../../src/schemas/corpus.ts';
import { rightsRegistrySchema, type Right } from '../../src/schemas/right.ts';
import { bodiesRegistrySchema, type Body } from '../../src/schemas/body.ts';
import { IngestError } from './errors.ts';

/** Paths of one corpus. */
export interface CorpusPaths {
  /** Corpus name (folder under content/corpora/). */
  name: string;
  /** content/ */
  content: string;
  /** content/corpora/<name>/ */
  dir: string;
  sources: string;
  registry: string;
  manifest: string;
}

/** Everything curated that the ingest reads besides the source texts. */
export interface Registry {
  paths: CorpusPaths;
  /** Registry entries as written (derived fields not yet filled). */
  documents: z.output<typeof documentInputSchema>[];
  cycles: z.output<typeof cycleInputSchema>[];
  errata: Erratum[];
  tables: TableSpec[];
  retired: Retired[];
  corpus: z.output<typeof corpusInputSchema>;
  rights: Right[];
  bodies: Body[];
  /** UN States with ISO codes and printed aliases (content/registry/states.json). */
  states: StateEntry[];
}

/** Which corpus to build: `--corpus`, else ATLAS_CORPUS, else content/atlas.json's default. */
export function corpusPaths(content: string, requested?: string | null): CorpusPaths {
  let name = requested || process.env.ATLAS_CORPUS || '';
  if (!name) {
    const settingsFile = join(content, 'atlas.json');
    name = existsSync(settingsFile) ? readJson(settingsFile, atlasSettingsSchema).defaultCorpus : '';
    if (!name) throw new IngestError(settingsFile, null, 'no corpus chosen: set ATLAS_CORPUS=<name> or write {"defaultCorpus": "<name>"} here');
  }
  const dir = join(content, 'corpora', name);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) || !existsSync(dir)) {
    throw new IngestError(dir, null, `corpus "${name}" does not exist; create it with \`npm run add -- <text file> --corpus ${name} …\` or choose one of content/corpora/`);
  }
  return { name, content, dir, sources: join(dir, 'sources'), registry: join(dir, 'registry'), manifest: join(dir, 'manifest') };
}

/** Line (1-based) of the n-th top-level array element in a JSON text, or null. */
function entryLine(text: string, index: number): number | null {
  let depth = 0;
  let count = -1;
  let inString = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (depth === 1) {
        count++;
        if (count === index) return line;
      }
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return null;
}

/** Line of `"field":` at or after a line, for pointing at the offending field of an entry. */
function fieldLine(text: string, from: number, field: string | undefined): number {
  if (!field) return from;
  const lines = text.split('\n');
  for (let k = from - 1; k < lines.length; k++) if (lines[k].includes(`"${field}"`)) return k + 1;
  return from;
}

/** Reads a JSON file and validates it, naming file, line and field on error. */
export function readJson<T extends z.ZodType>(path: string, schema: T): z.output<T> {
  if (!existsSync(path)) throw new IngestError(path, null, 'registry file is missing; restore it from git');
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : null;
    throw new IngestError(path, line, `not valid JSON (${(e as Error).message}); fix the syntax`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [head, ...rest] = issue.path;
    const isArray = Array.isArray(raw) && typeof head === 'number';
    const entryStart = isArray ? entryLine(text, head) : 1;
    const fieldPath = (isArray ? rest : issue.path).map(String);
    const line = entryStart === null ? null : fieldLine(text, entryStart, fieldPath.find((p) => !/^\d+$/.test(p)));
    const id = isArray ? (raw as { id?: unknown }[])[head as number]?.id : undefined;
    const where = isArray ? `entry ${(head as number) + 1}${typeof id === 'string' ? ` ("${id}")` : ''}` : 'file';
    const field = fieldPath.length ? ` field "${fieldPath.join('.')}"` : '';
    throw new IngestError(path, line, `${where}${field}: ${issue.message}; correct the registry entry`);
  }
  return parsed.data;
}

/** Reads an optional JSON array file ([] when absent). */
function readOptionalArray<T extends z.ZodType>(path: string, schema: T): z.output<T>[] {
  return existsSync(path) ? (readJson(path, z.array(schema)) as z.output<T>[]) : [];
}

/** Loads and validates every registry file of a corpus and the shared vocabularies. */
export function loadRegistry(paths: CorpusPaths): Registry {
  const docFile = join(paths.registry, 'documents.json');
  const documents = readJson(docFile, z.array(documentInputSchema));
  const ids = new Set<string>();
  const text = readFileSync(docFile, 'utf8');
  documents.forEach((d, i) => {
    if (ids.has(d.id)) throw new IngestError(docFile, entryLine(text, i), `document id "${d.id}" is used twice; ids must be unique`);
    ids.add(d.id);
  });
  const known = (file: string, items: { document: string }[]) => {
    const t = existsSync(file) ? readFileSync(file, 'utf8') : '';
    items.forEach((x, i) => {
      if (!ids.has(x.document)) throw new IngestError(file, entryLine(t, i), `entry for unknown document "${x.document}"; use an id from ${docFile}`);
    });
  };
  // Every document's State is a known State under its UN name (content/registry/states.json).
  const statesFile = join(paths.content, 'registry/states.json');
  const states = readJson(statesFile, z.array(stateEntrySchema));
  documents.forEach((d, i) => {
    const known = states.find((s) => s.code === d.state.code);
    if (!known) throw new IngestError(docFile, entryLine(text, i), `document "${d.id}": state code "${d.state.code}" is not in ${statesFile}; use the ISO 3166-1 alpha-3 code (e.g. "NOR") or add the State there`);
    if (known.name !== d.state.name) throw new IngestError(docFile, entryLine(text, i), `document "${d.id}": state name "${d.state.name}" is not the UN name of ${d.state.code}; expected "${known.name}"`);
  });
  // One corpus, one State: its reviews, cycles and site copy are that State's.
  const codes = [...new Set(documents.map((d) => d.state.code))];
  if (codes.length > 1) {
    const i = documents.findIndex((d) => d.state.code !== documents[0].state.code);
    throw new IngestError(docFile, entryLine(text, i), `document "${documents[i].id}" is about ${documents[i].state.name}, the corpus's first document about ${documents[0].state.name}: a corpus holds one State's reviews — add it to a corpus of its own (npm run add -- <text file> --symbol <symbol> --corpus <name>)`);
  }
  const errataFile = join(paths.registry, 'errata.json');
  const errata = readOptionalArray(errataFile, erratumSchema);
  known(errataFile, errata);
  const tablesFile = join(paths.registry, 'tables.json');
  const tables = readOptionalArray(tablesFile, tableSpecSchema);
  known(tablesFile, tables);
  const corpusFile = join(paths.dir, 'corpus.json');
  return {
    paths,
    documents,
    cycles: readOptionalArray(join(paths.registry, 'cycles.json'), cycleInputSchema),
    errata,
    tables,
    retired: readOptionalArray(join(paths.manifest, 'retired.json'), retiredSchema),
    corpus: existsSync(corpusFile) ? readJson(corpusFile, corpusInputSchema) : {},
    rights: readJson(join(paths.content, 'registry/rights.json'), rightsRegistrySchema),
    bodies: readJson(join(paths.content, 'registry/bodies.json'), bodiesRegistrySchema),
    states,
  };
}

/** UPR cycle of a Working Group session: 1–12 → 1, 13–26 → 2, 27–40 → 3, then 14 sessions per cycle. */
export function uprCycle(session: number): number {
  return session <= 12 ? 1 : 2 + Math.floor((session - 13) / 14);
}

/** Official link of a UN symbol. */
export function officialUrl(symbol: string | null): string | null {
  return symbol ? `https://undocs.org/en/${symbol}` : null;
}

/**
 * Fills the derived fields of registry entries: `cycle` (UPR: from the session), `symbolPrinted` (is the
 * symbol in the text?), `officialUrl` (from the symbol). Curated values must agree with derived ones.
 */
export function resolveDocuments(entries: Registry['documents'], texts: Map<string, string>, file: string): DocumentEntry[] {
  return entries.map((d) => {
    const where = `document "${d.id}"`;
    let cycle = d.cycle;
    if (d.mechanism === 'upr') {
      const derived = `upr-${uprCycle(d.session)}`;
      if (cycle && cycle !== derived) throw new IngestError(file, null, `${where}: cycle "${cycle}" does not match Working Group session ${d.session} (${derived}); remove "cycle" or correct "session"`);
      cycle = derived;
    } else if (!cycle) {
      throw new IngestError(file, null, `${where}: a ${d.mechanism} document needs "cycle": "${d.mechanism}-<periodic report number>", e.g. "${d.mechanism}-2"`);
    } else if (!cycle.startsWith(`${d.mechanism}-`)) {
      throw new IngestError(file, null, `${where}: cycle "${cycle}" belongs to another mechanism; expected "${d.mechanism}-<periodic report number>"`);
    }
    const url = officialUrl(d.symbol);
    if (d.officialUrl !== undefined && d.officialUrl !== url) throw new IngestError(file, null, `${where}: officialUrl must be built from the symbol (${url}); remove it or correct it`);
    const text = texts.get(d.id) ?? '';
    const printed = d.symbol !== null && text.includes(d.symbol);
    if (d.symbolPrinted === true && !printed) throw new IngestError(file, null, `${where}: symbolPrinted is true but "${d.symbol}" does not occur in the text; set it to false or remove it`);
    return documentSchema.parse({ ...d, cycle, symbolPrinted: d.symbolPrinted ?? printed, officialUrl: url });
  });
}

const TREATY_LABEL: Record<Mechanism, string> = {
  upr: 'UPR', iccpr: 'ICCPR', icescr: 'ICESCR', cat: 'CAT', cedaw: 'CEDAW', cerd: 'CERD', crc: 'CRC', crpd: 'CRPD', cmw: 'CMW', ced: 'CED',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** English ordinal ("2nd"). */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * The reviews of a corpus, one per distinct `cycle` of its documents: curated facts (cycles.json) win,
 * the rest is derived (label, session and date from the documents, period from the date, outcome from
 * a Working Group report of the same review in the corpus). A cycles.json entry no document uses is an error.
 */
export function resolveCycles(documents: DocumentEntry[], inputs: CycleInput[], file: string): Cycle[] {
  const used = new Set(documents.map((d) => d.cycle));
  for (const c of inputs) if (!used.has(c.id)) throw new IngestError(file, null, `review "${c.id}" has no document; remove it or add its documents`);
  const byId = new Map(inputs.map((c) => [c.id, c]));
  const out: Cycle[] = [];
  for (const id of [...used].sort()) {
    const docs = documents.filter((d) => d.cycle === id);
    const c = byId.get(id) ?? { id };
    const number = Number(id.split('-').at(-1));
    const mech = docs[0].mechanism;
    const date = c.date ?? docs.map((d) => d.date).sort()[0];
    const [y, m] = date.split('-').map(Number);
    const outcomeDoc = docs.find((d) => d.type === 'wg-report') ?? null;
    out.push(
      cycleSchema.parse({
        id,
        mechanism: mech,
        number,
        label: c.label ?? (mech === 'upr' ? `UPR cycle ${number}` : `${TREATY_LABEL[mech]} ${ordinal(number)} periodic review`),
        session: c.session ?? Math.min(...docs.map((d) => d.session)),
        date,
        period: c.period ?? `${MONTHS[m - 1]} ${y}`,
        body: docs[0].reviewingBody,
        outcome: outcomeDoc?.symbol ?? c.outcome ?? null,
        outcomeDocument: outcomeDoc?.id ?? null,
      }),
    );
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The corpus as the site describes it: title, States under review, one-sentence description. */
export function resolveCorpus(name: string, input: Registry['corpus'], documents: DocumentEntry[], cycles: Cycle[]): Corpus {
  const states: Corpus['states'] = [];
  for (const d of [...documents].sort((a, b) => a.date.localeCompare(b.date))) if (!states.some((s) => s.code === d.state.code)) states.push(d.state);
  const names = states.map((s) => s.name);
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const years = documents.map((d) => d.date.slice(0, 4)).sort();
  const span = years[0] === years.at(-1) ? years[0] : `${years[0]}–${years.at(-1)}`;
  const reviews = cycles.length === 1 ? 'one review' : `${cycles.length} reviews`;
  return corpusSchema.parse({
    name,
    title: input.title ?? 'Rights Review Atlas',
    states,
    description:
      input.description ??
      `${documents.length} documents from ${reviews} of ${who} (${span}), every paragraph with a permanent link.`,
  });
}

/** A corpus read from disk: its registry, its verified texts, and the resolved registry. */
export interface LoadedCorpus {
  registry: Registry;
  /** Source text of each document id (hash verified). */
  texts: Map<string, string>;
  documents: DocumentEntry[];
  cycles: Cycle[];
  corpus: Corpus;
}

/**
 * Reads a corpus: registry files validated, every text in sources/ registered, every source present
 * and byte-identical to its registered SHA-256, derived fields resolved.
 */
export function loadCorpus(paths: CorpusPaths): LoadedCorpus {
  const registry = loadRegistry(paths);
  const docFile = join(paths.registry, 'documents.json');
  // Every text in sources/ must be registered: an unregistered file is a document nobody described.
  const registered = new Set(registry.documents.map((d) => d.source));
  if (existsSync(paths.sources)) {
    for (const f of readdirSync(paths.sources).sort()) {
      if (f.endsWith('.txt') && !registered.has(f)) throw new IngestError(join(paths.sources, f), null, `unknown source: no entry in ${docFile} has "source": "${f}"; add one with \`npm run add\` (or by hand, with its sourceSha256) or remove the file`);
    }
  }
  const texts = new Map<string, string>();
  for (const d of registry.documents) {
    const src = join(paths.sources, d.source);
    if (!existsSync(src)) throw new IngestError(src, null, `source for document "${d.id}" is missing; copy the text to this path (byte for byte)`);
    const bytes = readFileSync(src);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== d.sourceSha256) throw new IngestError(src, null, `SHA-256 is ${sha}, registry says ${d.sourceSha256}; sources are never edited — restore the file, or if the document was re-issued, update sourceSha256 in ${docFile}`);
    texts.set(d.id, bytes.toString('utf8'));
  }
  const documents = resolveDocuments(registry.documents, texts, docFile);
  const cycles = resolveCycles(documents, registry.cycles, join(paths.registry, 'cycles.json'));
  return { registry, texts, documents, cycles, corpus: resolveCorpus(paths.name, registry.corpus, documents, cycles) };
}
