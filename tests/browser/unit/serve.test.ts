/** The static server used by `npm start`, the browser tests and the benchmark. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, headersFor, parseHeadersFile, startServer } from '../../../scripts/serve.ts';

let base: string;
let root: string;
let server: RunningServer;

/** GET with the path sent exactly as written (fetch() would normalise "/../"). */
async function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const { request } = await import('node:http');
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'serve-test-'));
  root = join(base, 'site');
  await mkdir(join(root, 'docs'), { recursive: true });
  await mkdir(join(root, 'pagefind'), { recursive: true });
  await writeFile(join(root, 'index.html'), `<!doctype html><title>Home</title>${'x'.repeat(2000)}`);
  await writeFile(join(root, 'docs/index.html'), '<!doctype html><title>Docs</title>');
  await writeFile(join(root, '404.html'), '<!doctype html><title>Not found</title>');
  await writeFile(join(root, 'pagefind/wasm.en.pagefind'), Buffer.from([1, 2, 3]));
  await writeFile(join(root, 'pagefind/a.pf_fragment'), Buffer.from([4, 5]));
  await writeFile(join(root, 'app.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(root, '_headers'), '# comment\n/*\n  X-Test: all\n/docs/*\n  X-Docs: yes\n');
  await writeFile(join(base, 'secret.txt'), 'outside the site');
  server = await startServer({ root });
});

afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

describe('static server', () => {
  it('serves a directory index and redirects a directory without its slash', async () => {
    const docs = await fetch(`${server.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('<title>Docs</title>');
    const bare = await fetch(`${server.url}/docs?x=1`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/docs/?x=1');
  });

  it('answers unknown paths and escapes from the root with the 404 page and status 404', async () => {
    for (const path of ['/nope/', '/../secret.txt', '/%2e%2e/secret.txt', '/docs/..%2f..%2fsecret.txt']) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      expect(response.body.toString(), path).toContain('Not found');
    }
  });

  it('gives Pagefind and WebAssembly files their content types, uncompressed', async () => {
    const wasm = await fetch(`${server.url}/app.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const fragment = await fetch(`${server.url}/pagefind/a.pf_fragment`, { headers: { 'accept-encoding': 'gzip' } });
    expect(fragment.headers.get('content-type')).toBe('application/octet-stream');
    expect(fragment.headers.get('content-encoding')).toBeNull();
    expect((await fetch(`${server.url}/pagefind/wasm.en.pagefind`)).headers.get('content-type')).toBe(
      'application/octet-stream',
    );
  });

  it('gzips text when the client accepts it, and applies the _headers rules that match', async () => {
    const raw = await rawGet('/', { 'accept-encoding': 'gzip' });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toContain('<title>Home</title>');
    expect(raw.headers['x-test']).toBe('all');
    expect(raw.headers['x-docs']).toBeUndefined();
    const docs = await fetch(`${server.url}/docs/`);
    expect(docs.headers.get('x-docs')).toBe('yes');
  });

  it('parses _headers blocks and matches wildcard patterns', () => {
    const rules = parseHeadersFile('/*\n  A: 1\n/_astro/*\n  Cache-Control: immutable\nhttps://x/*\n  B: 2\n');
    expect(headersFor(rules, '/_astro/x.js')).toEqual([['A', '1'], ['Cache-Control', 'immutable']]);
    expect(headersFor(rules, '/index.html')).toEqual([['A', '1']]);
  });
});
