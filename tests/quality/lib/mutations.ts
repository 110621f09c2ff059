/** Seeded mutations of source texts for the hostile-input fuzz (same seed, same inputs, every run). */

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One mutated input and what the pipeline must do with it. */
export interface Mutation {
  /** Behaviour-style name of the case. */
  name: string;
  /** The mutated text. */
  text: string;
  /** 'error' if the pipeline must stop with an IngestError; 'either' if it may also accept it. */
  expect: 'error' | 'either';
  /** Source line the error must name, when known. */
  line?: number;
  /** Whether an error must name a line (false for whole-file problems such as an empty file). */
  needsLine: boolean;
}

/** Lines that open a numbered paragraph ("12. Text"), with their 1-based line numbers. */
function numberedLines(lines: string[]): Array<{ index: number; number: number }> {
  const out: Array<{ index: number; number: number }> = [];
  lines.forEach((l, index) => {
    const m = /^\s{0,3}(\d{1,3})\.\s+[A-Z]/.exec(l);
    if (m) out.push({ index, number: Number(m[1]) });
  });
  return out;
}

/** Builds the mutation matrix for one source text. */
export function mutations(text: string, seed: number): Mutation[] {
  const rand = prng(seed);
  const lines = text.split('\n');
  const pick = (n: number) => Math.floor(rand() * n);
  const insertLine = (line: string, at = Math.min(10, lines.length)) => [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
  const cases: Mutation[] = [
    { name: 'an empty file', text: '', expect: 'error', needsLine: false },
    { name: 'a file of blank lines', text: '\n \n\t\n\n', expect: 'error', needsLine: false },
    { name: 'a file truncated in the middle of a line', text: text.slice(0, Math.floor(text.length / 2) + 7), expect: 'either', needsLine: true },
    { name: 'a file cut to its first tenth', text: text.slice(0, Math.floor(text.length / 10)), expect: 'either', needsLine: true },
    {
      name: 'lines shuffled',
      text: lines
        .map((l) => [rand(), l] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, l]) => l)
        .join('\n'),
      expect: 'either',
      needsLine: true,
    },
    {
      name: 'binary bytes spliced into lines',
      text: (() => {
        const out = [...lines];
        for (let i = 0; i < 8; i++) {
          const at = pick(out.length);
          const junk = Buffer.from([0x00, 0x01, 0x1b, 0x7f, 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x80]).toString('utf8');
          const l = out[at] ?? '';
          const cut = pick(l.length + 1);
          out[at] = l.slice(0, cut) + junk + l.slice(cut);
        }
        return out.join('\n');
      })(),
      expect: 'either',
      needsLine: true,
    },
    {
      name: 'a file of random bytes',
      text: Buffer.from(Array.from({ length: 4096 }, () => pick(256))).toString('utf8'),
      expect: 'either',
      needsLine: false,
    },
    { name: 'a 100 kB line of words', text: insertLine('lorem ipsum dolor '.repeat(5600)), expect: 'either', needsLine: true },
    { name: 'a 100 kB line without spaces', text: insertLine('x'.repeat(100_000)), expect: 'either', needsLine: true },
    {
      name: 'a 100 kB line of a word glued to digits (footnote-marker bait)',
      text: insertLine(`${'Convention'.repeat(5000)}No.${'87'.repeat(25000)}.`),
      expect: 'either',
      needsLine: true,
    },
    { name: 'a 100 kB numbered line', text: insertLine(`999. ${'(a) 2019 (No. 190).6 '.repeat(4800)}`), expect: 'either', needsLine: true },
    { name: 'CRLF line endings and a byte-order mark', text: `\ufeff${text.replace(/\n/g, '\r\n')}`, expect: 'either', needsLine: true },
  ];
  const numbered = numberedLines(lines);
  // Two consecutive paragraphs printed n. and n+1. (so surely in one numbering section).
  const i = numbered.findIndex((x, k) => k >= 3 && numbered[k + 1]?.number === x.number + 1);
  const a = numbered[i];
  const b = numbered[i + 1];
  if (a && b) {
    const dup = [...lines];
    dup[b.index] = (dup[b.index] as string).replace(/^(\s{0,3})\d{1,3}\./, `$1${a.number}.`);
    cases.push({ name: `paragraph number ${a.number} printed twice`, text: dup.join('\n'), expect: 'error', line: b.index + 1, needsLine: true });
    const desc = [...lines];
    desc[b.index] = (desc[b.index] as string).replace(/^(\s{0,3})\d{1,3}\./, `$1${Math.max(1, a.number - 2)}.`);
    cases.push({ name: `paragraph numbers descending after ${a.number}`, text: desc.join('\n'), expect: 'error', line: b.index + 1, needsLine: true });
  }
  return cases;
}
