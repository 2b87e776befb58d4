import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';

/** Where the API reference lives on the local server. */
export const API_DOCS_PATH = '/docs/api/';
const BASE = API_DOCS_PATH.slice(0, -1);
const SPEC_URL = '/v1/openapi.json';

/** swagger-ui-dist's folder, found by its package.json so none of its code runs in Node. */
const DIST = dirname(require.resolve('swagger-ui-dist/package.json'));

/** The only files served from the package: a fixed list, so no request path ever reaches the file system. */
const ASSETS = new Set([
  'swagger-ui.css',
  'swagger-ui.css.map',
  'swagger-ui-bundle.js',
  'swagger-ui-bundle.js.map',
  'index.css',
  'favicon-16x16.png',
  'favicon-32x32.png',
]);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

/**
 * Scripts only from this origin, no inline script (the app's policy too); Swagger UI's icons are data: URLs.
 * `connect-src 'self'` lets "Try it out" call the API on this origin and nowhere else.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const INDEX_HTML = `<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>共治 API · Gongzhi API reference</title>
    <link rel="stylesheet" href="./swagger-ui.css">
    <link rel="stylesheet" href="./index.css">
    <link rel="icon" type="image/png" href="./favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="./favicon-16x16.png" sizes="16x16">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <noscript>The API reference needs JavaScript; the contract itself is at <a href="${SPEC_URL}">${SPEC_URL}</a>.</noscript>
    <script src="./swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="./init.js" charset="UTF-8"></script>
  </body>
</html>
`;

/** Swagger UI's start, as a file of its own (the CSP allows no inline script). No validator: it would call out. */
const INIT_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(SPEC_URL)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    validatorUrl: null,
  });
});
`;

const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'content-security-policy': CSP, 'referrer-policy': 'no-referrer' };

const sendText = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
};

/**
 * Serves the API reference (Swagger UI from swagger-ui-dist, offline) under `/docs/api/`, reading the published
 * contract from `/v1/openapi.json`. Returns false for any other path, so the caller serves it.
 */
export const serveApiDocs = (req: IncomingMessage, res: ServerResponse): boolean => {
  const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname !== BASE && !pathname.startsWith(API_DOCS_PATH)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(req, res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { allow: 'GET, HEAD' });
    return true;
  }
  // The page's links are relative: it must be read from the folder.
  if (pathname === BASE) {
    sendText(req, res, 301, 'text/plain; charset=utf-8', API_DOCS_PATH, { location: API_DOCS_PATH + search });
    return true;
  }
  const name = pathname.slice(API_DOCS_PATH.length);
  if (name === '' || name === 'index.html') sendText(req, res, 200, TYPES['.html']!, INDEX_HTML, { 'cache-control': 'no-cache' });
  else if (name === 'init.js') sendText(req, res, 200, TYPES['.js']!, INIT_JS, { 'cache-control': 'no-cache' });
  else if (ASSETS.has(name)) {
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' });
    if (req.method === 'HEAD') res.end();
    else
      createReadStream(join(DIST, name))
        .on('error', () => res.destroy())
        .pipe(res);
  } else sendText(req, res, 404, 'text/plain; charset=utf-8', 'Not Found');
  return true;
};
