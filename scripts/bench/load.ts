/**
 * `npm run bench:serve`: load on the local static server (scripts/serve.ts), measured and printed
 * (never asserted). The server runs in its own process, so the load generator does not share its
 * event loop; requests go to 127.0.0.1 only and the run stops after a fixed number of requests.
 *
 * Scenarios (each N requests, C at a time, keep-alive, `Accept-Encoding: gzip, br`):
 * - mixed: home, a document page, paragraph pages, CSS/JS, Pagefind files, the dataset, a 404;
 * - dataset: /data/paragraphs.json only (the largest compressible file).
 *
 * Usage: node scripts/bench/load.ts [--dist dist] [--requests 2000] [--concurrency 50] [--json FILE]
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

/** Latency and throughput of one scenario. */
export interface LoadResult {
  scenario: string;
  requests: number;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Body bytes received (compressed as sent). */
  bytes: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** Sends `total` GET requests for `paths` (round robin), `concurrency` at a time; returns the figures. */
export async function runLoad(base: string, scenario: string, paths: string[], total: number, concurrency: number): Promise<LoadResult> {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  let next = 0;
  const one = (path: string) =>
    new Promise<void>((done, fail) => {
      const started = performance.now();
      request({ hostname, port, path, agent, headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          latencies.push(performance.now() - started);
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          done();
        });
      })
        .on('error', fail)
        .end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        await one(paths[i % paths.length] as string);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    scenario,
    requests: total,
    concurrency,
    seconds: r(seconds),
    requestsPerSecond: Math.round(total / seconds),
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
    max: r(sorted.at(-1) ?? 0),
    bytes,
    statuses,
  };
}

/** A realistic mix of URLs from a built site: pages of every kind, assets, search files, data, a 404. */
export function mixedPaths(dist: string): string[] {
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dist, join(e.parentPath, e.name)).split(sep).join('/')}`)
    .sort();
  const pages = files.filter((f) => f.endsWith('/index.html')).map((f) => f.slice(0, -'index.html'.length));
  const paragraphs = pages.filter((p) => /^\/documents\/[^/]+\/[^/]+\/$/.test(p));
  const documents = pages.filter((p) => /^\/documents\/[^/]+\/$/.test(p));
  const pick = <T>(xs: T[], n: number): T[] => Array.from({ length: Math.min(n, xs.length) }, (_, i) => xs[Math.floor((i * xs.length) / n)] as T);
  return [
    '/',
    '/search/',
    '/about/',
    ...pick(documents, 2),
    ...pick(paragraphs, 20),
    ...pick(files.filter((f) => f.startsWith('/_astro/')), 4),
    ...pick(files.filter((f) => f.startsWith('/pagefind/fragment/')), 8),
    '/pagefind/pagefind.js',
    '/data/paragraphs.csv',
    '/data/paragraphs.json',
    '/no-such-page/',
  ];
}

/** Starts `node scripts/serve.ts` on a free port in a child process; resolves with its URL and a stop function. */
export function startServerProcess(dist: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = resolve(import.meta.dirname, '../serve.ts');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: '0', SITE_DIR: dist, QUIET: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ready, fail) => {
    let out = '';
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`scripts/serve.ts exited with ${code}: ${out}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/[^/\s]+)\//.exec(out);
      if (m)
        ready({
          url: m[1] as string,
          stop: () =>
            new Promise((stopped) => {
              child.removeAllListeners('exit');
              child.once('exit', () => stopped());
              child.kill('SIGTERM');
            }),
        });
    });
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      requests: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '50' },
      json: { type: 'string' },
    },
  });
  const dist = resolve(values.dist as string);
  const total = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const server = await startServerProcess(dist);
  const results: LoadResult[] = [];
  try {
    // Warm-up (file system cache, JIT), not counted.
    await runLoad(server.url, 'warm-up', mixedPaths(dist), 200, 10);
    results.push(await runLoad(server.url, 'mixed', mixedPaths(dist), total, concurrency));
    results.push(await runLoad(server.url, 'dataset', ['/data/paragraphs.json'], total, concurrency));
  } finally {
    await server.stop();
  }
  console.log(`scenario   requests  conc.   seconds   req/s     p50 ms    p95 ms    p99 ms    max ms   MB received  statuses`);
  for (const r of results) {
    console.log(
      [r.scenario.padEnd(9), String(r.requests).padStart(8), String(r.concurrency).padStart(6), String(r.seconds).padStart(9), String(r.requestsPerSecond).padStart(7), ...[r.p50, r.p95, r.p99, r.max].map((x) => String(x).padStart(9)), (r.bytes / 1e6).toFixed(1).padStart(12), ` ${JSON.stringify(r.statuses)}`].join(' '),
    );
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}
