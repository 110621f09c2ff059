/**
 * A small static file server for the built site (dist/), used by `npm start` and by the browser
 * tests. It serves directory index.html files, the site's 404 page with status 404, the content
 * types Pagefind needs (.pagefind, .pf_* binaries, .wasm), gzip for text types (as any static host
 * would, so measured transfer sizes are realistic), and the headers declared in dist/_headers
 * (Netlify/Cloudflare format) so tests run under the same Content-Security-Policy as production.
 *
 * CLI: `node scripts/serve.ts` (PORT, default 4321; HOST, default 127.0.0.1; SITE_DIR, default dist).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

/** Content types by file extension; anything else is served as application/octet-stream. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  // Pagefind's index files are already gzip-compressed binaries; the client decompresses them.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/;

/** One block of a `_headers` file: a URL pattern and the headers it adds. */
export interface HeaderRule {
  /** URL path pattern; `*` matches any run of characters. */
  pattern: string;
  /** Header name/value pairs in file order. */
  headers: Array<[string, string]>;
}

/** Parses a Netlify/Cloudflare-style `_headers` file (pattern line, then indented `Name: value` lines). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = raw.indexOf(':');
    if (!rule || colon < 0) continue;
    rule.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
  }
  return rules;
}

function patternMatches(pattern: string, path: string): boolean {
  if (/^https?:/.test(pattern)) return false;
  const re = new RegExp(
    '^' + pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$',
  );
  return re.test(path);
}

/** Headers from `rules` that apply to a URL path, later rules adding to earlier ones. */
export function headersFor(rules: HeaderRule[], path: string): Array<[string, string]> {
  return rules.filter((rule) => patternMatches(rule.pattern, path)).flatMap((rule) => rule.headers);
}

/** Options for {@link startServer}. */
export interface ServeOptions {
  /** Directory to serve (default: dist/ next to this script's project). */
  root?: string;
  /** Port; 0 picks a free one (default 0). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Log each request to stdout (default false). */
  log?: boolean;
  /** Called after each response with its path, status and body bytes as sent (after gzip). */
  onResponse?: (entry: { path: string; status: number; bytes: number }) => void;
}

/** A running server. */
export interface RunningServer {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:43123 */
  url: string;
  /** The port actually bound. */
  port: number;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Starts a static server for `root`; resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(options.root ?? join(projectRoot, 'dist'));
  if (!(await isDirectory(root))) {
    throw new Error(`${root}: no such directory; build the site first (npm run build)`);
  }
  const host = options.host ?? '127.0.0.1';
  let rules: HeaderRule[] = [];
  try {
    rules = parseHeadersFile(await readFile(join(root, '_headers'), 'utf8'));
  } catch {
    // No _headers file: serve without extra headers.
  }

  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    file: string,
    urlPath: string,
  ): Promise<void> {
    let body: Buffer = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    for (const [name, value] of headersFor(rules, urlPath)) headers[name] = value;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(accepts) && body.length > 512) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    options.onResponse?.({ path: urlPath, status, bytes: req.method === 'HEAD' ? 0 : body.length });
  }

  async function notFound(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    const page = join(root, '404.html');
    if (await isFile(page)) return send(req, res, 404, page, urlPath);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404 Not Found\n');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const file = normalize(join(root, urlPath));
    if (file !== root && !file.startsWith(root + sep)) return notFound(req, res, urlPath);
    if (await isDirectory(file)) {
      if (!urlPath.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        res.end();
        return;
      }
      const index = join(file, 'index.html');
      if (await isFile(index)) return send(req, res, 200, index, urlPath);
      return notFound(req, res, urlPath);
    }
    if (await isFile(file)) return send(req, res, 200, file, urlPath);
    return notFound(req, res, urlPath);
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`500 ${String(error)}\n`);
      })
      .finally(() => {
        if (options.log) console.log(`${res.statusCode} ${req.method} ${req.url}`);
      });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321);
  const server = await startServer({
    root: process.env.SITE_DIR,
    port,
    host: process.env.HOST ?? '127.0.0.1',
    log: process.env.QUIET !== '1',
  });
  console.log(`Serving ${process.env.SITE_DIR ?? 'dist'} at ${server.url}/ (Ctrl+C to stop)`);
  const stop = (): void => {
    server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
