/**
 * The static server for the built site (dist/), used by `npm start`, the browser tests and the
 * benchmarks. Files are served by `sirv` (ETag/304, Range, content types) behind `compression`
 * (gzip/brotli streamed per response, never blocking other requests); this module adds what a
 * static host does around them:
 * - the rules of dist/_headers (Netlify/Cloudflare format), parsed once at start, on every response
 *   including 301, 304, 400, 404 and 405 (a rule's Cache-Control only on successful responses);
 * - a 301 from a directory without its slash to the same path with it (same host, always);
 * - the site's 404 page with status 404;
 * - refusals: methods other than GET/HEAD (405), undecodable paths (400), and, as 404, paths with
 *   `//` or `\` (never read as a host), dot-files, `_headers`/`_redirects`, and any file that a
 *   symlink places outside the root.
 *
 * Files of 32 KB and more have `.br`/`.gz` siblings written by the build (scripts/precompress.ts),
 * which sirv sends as they are to clients that accept them.
 *
 * Files are looked up per request, so a rebuild swapped in under a running server (scripts/build.ts)
 * is served as it is; the `_headers` rules are those of the build the server started with.
 *
 * CLI: `node scripts/serve.ts` (PORT, default 4321; HOST, default 127.0.0.1; SITE_DIR, default dist).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';

/** Content types by file extension (sirv's own lack charsets and Pagefind's types); others are application/octet-stream. */
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
  '.zip': 'application/zip',
  // Pagefind's index files are already gzip-compressed binaries; the client decompresses them.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** One block of a `_headers` file: a URL pattern and the headers it adds. */
export interface HeaderRule {
  /** URL path pattern; `*` matches any run of characters. */
  pattern: string;
  /** The pattern compiled once; null for patterns this server never matches (absolute URLs). */
  matcher: RegExp | null;
  /** Header name/value pairs in file order. */
  headers: Array<[string, string]>;
}

function compilePattern(pattern: string): RegExp | null {
  if (/^https?:/.test(pattern)) return null;
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** Parses a Netlify/Cloudflare-style `_headers` file (pattern line, then indented `Name: value` lines). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), matcher: compilePattern(raw.trim()), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = raw.indexOf(':');
    if (!rule || colon < 0) continue;
    rule.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Headers from `rules` that apply to a URL path, later rules adding to earlier ones. */
export function headersFor(rules: HeaderRule[], path: string): Array<[string, string]> {
  return rules.filter((rule) => rule.matcher?.test(path) ?? false).flatMap((rule) => rule.headers);
}

/**
 * Why a decoded URL path must not be served (a reason for logs), or null. Rejects `//` and `\`
 * (a browser or a naive server would read what follows as a host), NUL bytes, `..` segments,
 * dot-files other than /.well-known/, and the host configuration files.
 */
export function refusedPath(path: string): string | null {
  if (!path.startsWith('/')) return 'not an absolute path';
  if (path.includes('//') || path.includes('\\') || path.includes('\0')) return 'empty segment or backslash';
  const segments = path.split('/');
  if (segments.includes('..') || segments.includes('.')) return 'dot segment';
  if (segments.some((s) => s.startsWith('.') && s !== '.well-known')) return 'dot-file';
  if (path === '/_headers' || path === '/_redirects') return 'host configuration';
  return null;
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
  /** Called after each response with its path, status and body bytes as sent (after compression). */
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

/** Whether the real location of `file` (symlinks resolved) is inside `realRoot`. */
function insideRoot(file: string, realRoot: string): boolean {
  try {
    const real = realpathSync(file);
    return real === realRoot || real.startsWith(realRoot + sep);
  } catch {
    return false;
  }
}

/**
 * The file sirv answers a path with, or null: its candidates in its order (with
 * `extensions: ['html']` and precompressed files on): for each suffix of `.html.br`, `.br` (when
 * the client accepts brotli), `.html.gz`, `.gz` (gzip), none, `.html`: the path plus the suffix,
 * then `path/index` plus the suffix; directories are skipped.
 */
export function servedFile(root: string, path: string, acceptEncoding = ''): string | null {
  const uri = path.endsWith('/') ? path.slice(0, -1) : path;
  const suffixes = [
    ...(/(br|brotli)/i.test(acceptEncoding) ? ['.html.br', '.br'] : []),
    ...(acceptEncoding.includes('gzip') ? ['.html.gz', '.gz'] : []),
    '',
    '.html',
  ];
  for (const suffix of suffixes) {
    for (const candidate of [uri && uri + suffix, `${uri}/index${suffix}`]) {
      if (!candidate) continue;
      const file = join(root, candidate);
      if (existsSync(file) && !statSync(file).isDirectory()) return file;
    }
  }
  return null;
}

/** Starts a static server for `root`; resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(options.root ?? join(projectRoot, 'dist'));
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`${root}: no such directory; build the site first (npm run build)`);
  }
  const realRoot = realpathSync(root);
  const host = options.host ?? '127.0.0.1';
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const notFoundPage = join(root, '404.html');

  const files = sirv(root, {
    dev: true, // look files up per request (see the module comment), never from a startup snapshot
    etag: true,
    gzip: true, // precompressed siblings written by the build (scripts/precompress.ts)
    brotli: true,
    dotfiles: false,
    extensions: ['html'],
    setHeaders(res, pathname) {
      // sirv passes the requested path (also for a precompressed sibling); a path without an
      // extension was answered with an index.html or a .html file (the site has no other such files).
      const ext = extname(pathname).toLowerCase();
      res.setHeader('Content-Type', ext === '' || pathname.endsWith('/') ? (CONTENT_TYPES['.html'] as string) : (CONTENT_TYPES[ext] ?? 'application/octet-stream'));
    },
  });
  const compress = compression();

  /** The `_headers` rules for a path; a rule's caching only applies to successful responses. */
  const applyRules = (res: ServerResponse, path: string, ok: boolean): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    for (const [name, value] of headersFor(rules, path)) {
      if (!ok && name.toLowerCase() === 'cache-control') continue;
      res.setHeader(name, value);
    }
  };

  const plain = (res: ServerResponse, status: number, extra: Record<string, string> = {}): void => {
    for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.statusCode = status;
    res.end(`${status}\n`);
  };

  const notFound = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    applyRules(res, path, false);
    if (!existsSync(notFoundPage)) return plain(res, 404);
    res.statusCode = 404;
    res.setHeader('Content-Type', CONTENT_TYPES['.html'] as string);
    res.end(req.method === 'HEAD' ? undefined : readFileSync(notFoundPage));
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const raw = (req.url ?? '/').split('?')[0] as string;
    const query = (req.url ?? '').slice(raw.length);
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      applyRules(res, '/', false);
      return plain(res, 400);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      applyRules(res, path, false);
      return plain(res, 405, { Allow: 'GET, HEAD' });
    }
    if (refusedPath(path) !== null) return notFound(req, res, path);
    // sirv follows symlinks: the file it would send must really be inside the root.
    const served = servedFile(root, path, String(req.headers['accept-encoding'] ?? ''));
    if (served !== null && !insideRoot(served, realRoot)) return notFound(req, res, path);
    const file = join(root, path);
    if (!path.endsWith('/') && existsSync(file) && statSync(file).isDirectory() && insideRoot(file, realRoot)) {
      applyRules(res, path, false);
      // The path has no "//" (refusedPath), so this Location stays on this host.
      res.setHeader('Location', `${encodeURI(path)}/${query}`);
      return plain(res, 301);
    }
    applyRules(res, path, true);
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {
      files(req, res, () => notFound(req, res, path));
    });
  }

  const server = createServer((req, res) => {
    let bytes = 0;
    if (options.onResponse) {
      // Installed before compression wraps write/end, so it counts the bytes actually sent.
      const write = res.write.bind(res) as (...a: unknown[]) => boolean;
      const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
      const count = (chunk: unknown) => {
        if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
        else if (chunk instanceof Uint8Array) bytes += chunk.length;
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk, ...rest))) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => (typeof chunk !== 'function' && count(chunk), end(chunk, ...rest))) as typeof res.end;
    }
    res.on('finish', () => {
      const path = (req.url ?? '/').split('?')[0] as string;
      if (options.log) console.log(`${res.statusCode} ${req.method} ${req.url}`);
      options.onResponse?.({ path, status: res.statusCode, bytes: req.method === 'HEAD' ? 0 : bytes });
    });
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) plain(res, 500);
      else res.destroy(error as Error);
    }
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
