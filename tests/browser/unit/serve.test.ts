/** The static server used by `npm start`, the browser tests and the benchmark. */
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
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
  await writeFile(join(root, '_headers'), '# comment\n/*\n  X-Test: all\n/docs/*\n  X-Docs: yes\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  await mkdir(join(root, '_astro'), { recursive: true });
  await writeFile(join(root, '_astro/app.js'), `console.log(${JSON.stringify('y'.repeat(3000))});`);
  await writeFile(join(root, 'data.json'), JSON.stringify({ big: 'z'.repeat(5000) }));
  await writeFile(join(root, '.env'), 'SECRET=1');
  await writeFile(join(base, 'secret.txt'), 'outside the site');
  await mkdir(join(base, 'outside-dir'), { recursive: true });
  await writeFile(join(base, 'outside-dir/index.html'), '<title>outside</title>');
  await symlink(join(base, 'secret.txt'), join(root, 'leak.txt'));
  await symlink(join(base, 'outside-dir'), join(root, 'leakdir'));
  await symlink(join(root, 'docs/index.html'), join(root, 'inside-link.html'));
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

  it('never follows a symlink out of the root, but serves one that stays inside', async () => {
    for (const path of ['/leak.txt', '/leakdir/', '/leakdir/index.html', '/leakdir']) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      expect(response.body.toString(), path).not.toMatch(/outside/);
    }
    const inside = await rawGet('/inside-link.html');
    expect(inside.status).toBe(200);
    expect(inside.body.toString()).toContain('<title>Docs</title>');
  });

  it('never redirects to another host and never reads a path segment as a host', async () => {
    for (const path of ['//evil.example/x%2f..', '//evil.example', '/\\evil.example/docs', '/%5cevil.example/docs', '//docs']) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.location, path).toBeUndefined();
    }
    const search = await rawGet('//search/');
    expect(search.status).toBe(404);
    expect(search.body.toString()).not.toContain('<title>Home</title>');
  });

  it('refuses dot-files, host configuration files and methods other than GET and HEAD', async () => {
    expect((await rawGet('/.env')).status).toBe(404);
    expect((await rawGet('/_headers')).status).toBe(404);
    const post = await fetch(`${server.url}/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await rawGet('/%E0%A4%A')).status).toBe(400);
  });

  it('sends the _headers rules with every response: 200, 301, 304, 400, 404 and 405', async () => {
    const ok = await rawGet('/docs/');
    const responses = {
      200: ok,
      301: await rawGet('/docs'),
      304: await rawGet('/docs/', { 'if-none-match': String(ok.headers.etag) }),
      400: await rawGet('/%E0%A4%A'),
      404: await rawGet('/nope/'),
      405: await new Promise<{ headers: Record<string, unknown>; status: number }>((resolve, reject) => {
        const { hostname, port } = new URL(server.url);
        import('node:http').then(({ request }) =>
          request({ hostname, port, path: '/docs/', method: 'DELETE' }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          })
            .on('error', reject)
            .end(),
        );
      }),
    };
    for (const [status, response] of Object.entries(responses)) {
      expect(response.status, status).toBe(Number(status));
      expect(response.headers['x-test'], status).toBe('all');
      expect(response.headers['x-content-type-options'], status).toBe('nosniff');
    }
  });

  it('answers a matching If-None-Match with 304 and no body, and a changed file with a new ETag', async () => {
    const first = await rawGet('/docs/');
    expect(first.headers.etag).toMatch(/^W\/"/);
    const again = await rawGet('/docs/', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    await writeFile(join(root, 'docs/index.html'), '<!doctype html><title>Docs</title><p>changed, longer</p>');
    const changed = await rawGet('/docs/', { 'if-none-match': String(first.headers.etag) });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    await writeFile(join(root, 'docs/index.html'), '<!doctype html><title>Docs</title>');
  });

  it('compresses text with brotli or gzip as the client asks, and keeps immutable caching off error responses', async () => {
    const br = await rawGet('/data.json', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString()).big).toHaveLength(5000);
    const plain = await rawGet('/data.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const asset = await rawGet('/_astro/app.js', { 'accept-encoding': 'gzip' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(asset.body).toString()).toContain('console.log');
    const missing = await rawGet('/_astro/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-cache');
  });

  it('sends a precompressed .br sibling as it is, with the type of the original', async () => {
    await writeFile(join(root, 'big.json'), JSON.stringify({ text: 'original' }));
    await writeFile(join(root, 'big.json.br'), brotliCompressSync(JSON.stringify({ text: 'from the .br file' })));
    const br = await rawGet('/big.json', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(brotliDecompressSync(br.body).toString()).text).toBe('from the .br file');
    const identity = await rawGet('/big.json');
    expect(JSON.parse(identity.body.toString()).text).toBe('original');
  });
});
