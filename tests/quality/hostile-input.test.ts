/**
 * Hostile and broken input: every mutated source either stops the ingest with an IngestError that
 * names the file (and the line, where one is to blame), or is accepted and yields schema-valid
 * output. Never another exception, never a hang. Each case runs in a worker with a time limit.
 */
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { IngestContext } from '../../scripts/ingest/pipeline.ts';
import type { CaseOutcome } from './lib/ingest-worker.ts';
import { mutations } from './lib/mutations.ts';
import { corpusDir, loadedCorpus } from '../corpora.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ROOT = resolve(import.meta.dirname, '../..');
const CASE_TIME_LIMIT_MS = 30_000;
const corpus = loadedCorpus();
const { documents } = corpus;
const { errata, tables } = corpus.registry;
const sourcesRel = relative(ROOT, corpusDir().sources);
const errataRel = relative(ROOT, join(corpusDir().registry, 'errata.json'));

/** Runs one input through the ingest in a worker; 'timeout' if it takes longer than the limit. */
function runCase(entry: unknown, text: string, ctx: IngestContext): Promise<CaseOutcome | { kind: 'timeout' }> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./lib/ingest-worker.ts', import.meta.url), { workerData: { entry, text, ctx } });
    const timer = setTimeout(() => {
      void worker.terminate();
      done({ kind: 'timeout' });
    }, CASE_TIME_LIMIT_MS);
    worker.once('message', (m: CaseOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      done(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
  });
}

for (const [index, entry] of documents.entries()) {
  const file = `${sourcesRel}/${entry.source}`;
  const original = corpus.texts.get(entry.id)!;
  const ctx: IngestContext = { file, errataFile: errataRel, errata, tables };

  describe(`hostile variants of ${entry.source}`, () => {
    it.concurrent.each(mutations(original, 1000 + index).map((m) => [m.name, m] as const))(
      'handles %s: a clean IngestError naming the file and line, or valid output',
      async (_name, mutation) => {
        const outcome = await runCase(entry, mutation.text, ctx);
        if (outcome.kind === 'timeout') expect.fail(`ingest did not finish within ${CASE_TIME_LIMIT_MS / 1000} s`);
        if (outcome.kind === 'crash') expect.fail(`ingest crashed with ${outcome.name}: ${outcome.message}\n${outcome.stack}`);
        if (mutation.expect === 'error') {
          expect(outcome.kind, 'the ingest accepted an input it must reject').toBe('ingest-error');
        }
        if (outcome.kind === 'ingest-error') {
          // The message opens with the file to fix: the source, or curated data keyed to it (errata).
          expect(outcome.message).toMatch(new RegExp(`^(${escapeRe(file)}|content/corpora/[a-z-]+/registry/[a-z-]+\\.json)(:\\d+)?: \\S`));
          if (mutation.needsLine) expect(outcome.message, 'no source line named').toMatch(/content\/[^\s:]+:\d+/);
          if (mutation.line !== undefined) expect(outcome.message).toMatch(new RegExp(`^${escapeRe(file)}:${mutation.line}: `));
          expect(outcome.message).not.toMatch(/\n\s+at /);
        }
      },
      CASE_TIME_LIMIT_MS + 10_000,
    );
  });
}
