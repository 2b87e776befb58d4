import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { ensureTables } from '../src/db/setup';
import { makeGateway } from './gateway';
import { loadDemoData } from './demo-data';
import { startStore } from './store';

export interface LocalOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where dynalite keeps its data; omit for an in-memory store. */
  dataDir?: string;
  /** The H5 build to serve at `/`; omit to serve the API only. */
  h5Dir?: string;
  /** Use a store that is already running (e.g. dynalite in another process) instead of starting one. */
  storeEndpoint?: string;
  /** Load the demo community on first start (default true). */
  demoData?: boolean;
}

export interface LocalApp {
  url: string;
  port: number;
  storeEndpoint: string;
  demoLoaded: boolean;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Serves the H5 build; anything that is not a file gets index.html (the app routes by hash). */
const serveStatic = (root: string, req: IncomingMessage, res: ServerResponse) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(400).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 app is not built yet: npm run build:h5');
    return;
  }
  const isIndex = file.endsWith('index.html');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': isIndex ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(file).pipe(res);
};

/**
 * Starts Gongzhi locally: dynalite, the tables from their definitions, the demo community, and one HTTP server
 * with the API under `/v1` and the H5 app everywhere else. `npm start` and the e2e tests both use this.
 */
export const startLocal = async (opts: LocalOptions = {}): Promise<LocalApp> => {
  const store = opts.storeEndpoint
    ? { endpoint: opts.storeEndpoint, close: async () => undefined }
    : await startStore({ path: opts.dataDir });
  process.env.DYNAMODB_ENDPOINT = store.endpoint;
  process.env.GONGZHI_DEV_LOGIN = '1';
  await ensureTables();
  const demoLoaded = opts.demoData === false ? false : await loadDemoData();

  const gateway = makeGateway();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/v1' || path.startsWith('/v1/')) {
      gateway(req, res).catch((err) => {
        console.error('gateway error', err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'urn:gongzhi:problem:internal-error', title: '服务暂时出错', status: 500 }));
      });
    } else if (opts.h5Dir) serveStatic(opts.h5Dir, req, res);
    else res.writeHead(404).end();
  });
  server.keepAliveTimeout = 5000;
  server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    storeEndpoint: store.endpoint,
    demoLoaded,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
};
