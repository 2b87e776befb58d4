import { createServer, request, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { api } from '../../shared/api';
import { openApiDocument } from '../../shared/api/openapi';
import { allRoutes } from '../../functions/src/routes';
import { API_DOCS_PATH, serveApiDocs } from '../../functions/local/api-docs';
import { Harness } from '../support/harness';

describe('GET /v1/openapi.json', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ demoData: false });
  });
  afterAll(() => h.close());

  it('answers the published contract without a token', async () => {
    const r = await h.call(api.identity.openapi);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(openApiDocument(api))));
    for (const route of allRoutes())
      expect(r.body.paths[route.endpoint.path][route.endpoint.method.toLowerCase()].operationId).toBe(route.name);
  });

  it('answers the same document every time', async () => {
    const [a, b] = await Promise.all([h.call(api.identity.openapi), h.call(api.identity.openapi)]);
    expect(a.body).toEqual(b.body);
  });
});

describe('the API reference page (/docs/api/)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!serveApiDocs(req, res)) res.writeHead(418).end('not mine');
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves an index that loads Swagger UI from this origin, with no inline script', async () => {
    const r = await fetch(`${base}${API_DOCS_PATH}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await r.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])).toEqual(['./swagger-ui-bundle.js', './init.js']);
    expect(scripts.every((m) => m[2]!.trim() === '')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('points Swagger UI at /v1/openapi.json from a script file, and calls out nowhere', async () => {
    const r = await fetch(`${base}${API_DOCS_PATH}init.js`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    const js = await r.text();
    expect(js).toContain('"/v1/openapi.json"');
    expect(js).toContain('validatorUrl: null');
  });

  it('serves the assets the index links to from swagger-ui-dist', async () => {
    const html = await (await fetch(`${base}${API_DOCS_PATH}`)).text();
    const links = [...html.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toEqual(expect.arrayContaining(['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js']));
    for (const file of links) {
      const r = await fetch(`${base}${API_DOCS_PATH}${file}`);
      expect([file, r.status]).toEqual([file, 200]);
      expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    const bundle = await fetch(`${base}${API_DOCS_PATH}swagger-ui-bundle.js`);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(Number((await bundle.arrayBuffer()).byteLength)).toBeGreaterThan(100_000);
  });

  it('redirects /docs/api to the folder, so the relative links work', async () => {
    const r = await fetch(`${base}/docs/api`, { redirect: 'manual' });
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe(API_DOCS_PATH);
  });

  /** The status for a path sent byte for byte (fetch would resolve `..` and `%2e%2e` first). */
  const rawStatus = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(base);
      request({ hostname, port, path, method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });

  it('serves nothing else from the package or the disk, however the path is spelt', async () => {
    const paths = ['package.json', 'index.js', 'swagger-ui.js', 'nope.css', '..%2F..%2Fpackage.json', '%2e%2e/%2e%2e/package.json', '../../package.json', '..\\..\\package.json', 'swagger-ui.css%00'];
    // 404 from the docs, or (where the URL resolves `..` out of /docs/api/) left to the caller: never a file.
    for (const path of paths) expect([path, [404, 418].includes(await rawStatus(`${API_DOCS_PATH}${path}`))]).toEqual([path, true]);
  });

  it('answers GET and HEAD only', async () => {
    expect((await fetch(`${base}${API_DOCS_PATH}`, { method: 'HEAD' })).status).toBe(200);
    const post = await fetch(`${base}${API_DOCS_PATH}`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('leaves every other path to the caller', async () => {
    for (const path of ['/', '/v1/openapi.json', '/docs', '/docs/apiary', '/docs/other/']) {
      const r = await fetch(`${base}${path}`);
      expect([path, r.status]).toEqual([path, 418]);
    }
  });
});
