import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { decodeSegment, requestTarget } from './target';

/** What the local server serves whatever the app: `robots.txt` and `favicon.ico`. Looked up before the H5 build. */
export const PUBLIC_DIR = join(__dirname, 'public');

/**
 * Headers on every answer of the static server. The H5 build loads only its own scripts and styles (no inline
 * script, no CDN); Taro and NutUI set inline `style` attributes, hence `'unsafe-inline'` for styles only. The
 * admin page and the resident app are never framed, and need none of the listed device features.
 */
export const APP_SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  // The app talks to its own origin only, and routes by hash (never sent): no page needs to send a referrer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Text compresses to a fraction; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.txt', '.svg']);
/** Below this, gzip's own overhead eats the gain. */
const MIN_GZIP_BYTES = 1024;
/** Taro names bundles by content hash (`js/app.bb878407.js`, `css/app.bb87840721fa0703afe2.css`): such a file never changes. */
const HASHED = /\.[0-9a-f]{8,}\.(?:js|css)$/;

/** True when `Accept-Encoding` accepts gzip (by name or `*`) with a weight above 0. */
export const acceptsGzip = (header: string | undefined): boolean => {
  if (!header) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name === 'gzip' || name === 'x-gzip') gzip = weight;
    else if (name === '*') any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
};

/**
 * The path below the root, decoded, or undefined when it cannot name a file here: a malformed escape, an encoded
 * `/`, `\` or NUL, or a segment starting with a dot (`..`, `.env`, `.git`).
 */
const relativePath = (rawPath: string): string | undefined => {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    const seg = decodeSegment(raw);
    if (seg === undefined || /[/\\\0]/.test(seg) || seg.startsWith('.')) return undefined;
    if (seg) segments.push(seg);
  }
  return segments.join('/');
};

/** A regular file under `root`, or undefined (missing, a folder, or a name the file system refuses). */
const fileAt = (root: string, relative: string): { path: string; stats: Stats } | undefined => {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep)) return undefined;
  try {
    const stats = statSync(path);
    return stats.isFile() ? { path, stats } : undefined;
  } catch {
    return undefined;
  }
};

const sendText = (req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, {
    ...APP_SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
};

/** Streams one file, gzipped when it is text and the client accepts it; HEAD gets the same headers and no body. */
const sendFile = (req: IncomingMessage, res: ServerResponse, file: { path: string; stats: Stats }, cacheControl: string) => {
  const ext = extname(file.path).toLowerCase();
  const compressible = COMPRESSIBLE.has(ext);
  const gzip = compressible && file.stats.size >= MIN_GZIP_BYTES && acceptsGzip(req.headers['accept-encoding']);
  res.writeHead(200, {
    ...APP_SECURITY_HEADERS,
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    ...(gzip ? { 'content-encoding': 'gzip' } : { 'content-length': file.stats.size }),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // Headers are out: a file that vanishes mid-way (a rebuild) can only cut the answer short.
  const done = (err: Error | null) => {
    if (err) res.destroy();
  };
  if (gzip) pipeline(createReadStream(file.path), createGzip(), res, done);
  else pipeline(createReadStream(file.path), res, done);
};

/**
 * Serves the H5 build (and PUBLIC_DIR) to GET and HEAD. A path without an extension that names no file gets
 * index.html (the app routes by hash, so such a path is a mistyped or old link to the app); a missing file with
 * an extension is a 404, so a missing script never arrives as HTML. Without `h5Dir`, only PUBLIC_DIR is served.
 */
export const makeStaticServer = (h5Dir?: string) => {
  const app = h5Dir ? resolve(h5Dir) : undefined;
  const roots = [PUBLIC_DIR, ...(app ? [app] : [])];
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(req, res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
      return;
    }
    const target = requestTarget(req.url);
    if (!target) {
      sendText(req, res, 400, 'Bad Request');
      return;
    }
    const path = relativePath(target.path);
    if (path === undefined) {
      sendText(req, res, 404, 'Not Found');
      return;
    }
    const found = path ? roots.map((root) => fileAt(root, path)).find((f) => f !== undefined) : undefined;
    const index = app ? join(app, 'index.html') : undefined;
    if (found) {
      const cache = found.path === index ? 'no-cache' : HASHED.test(found.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
      sendFile(req, res, found, cache);
      return;
    }
    if (!app || extname(path) !== '') {
      sendText(req, res, 404, 'Not Found');
      return;
    }
    const indexFile = fileAt(app, 'index.html');
    if (!indexFile) {
      sendText(req, res, 503, 'H5 app is not built yet: npm run build:h5');
      return;
    }
    sendFile(req, res, indexFile, 'no-cache');
  };
};
