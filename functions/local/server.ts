import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ensureTables } from '../src/db/setup';
import { badRequest, internalError, problemResponse } from '../src/http/problem';
import { API_DOCS_PATH, serveApiDocs } from './api-docs';
import { makeGateway } from './gateway';
import { loadDemoData } from './demo-data';
import { isS3Path, makeS3Proxy, S3_PATH, startS3 } from './s3-proxy';
import { startJobRunner } from './jobs';
import { allJobs } from '../src/routes';
import { makeStaticServer } from './static';
import { startStore } from './store';
import { requestTarget } from './target';

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
  /** With it, a few months of its feedback for the statistics (default false: tests start faster without). */
  demoHistory?: boolean;
  /** Where the S3 stand-in keeps uploads; omit for a temporary folder, removed on close. */
  s3Dir?: string;
  /** Run the job table on timers, as the schedules do in AWS (default false: tests run jobs themselves). */
  jobs?: boolean;
}

export interface LocalApp {
  url: string;
  port: number;
  storeEndpoint: string;
  demoLoaded: boolean;
  close(): Promise<void>;
}

const isApiPath = (path: string) => path === '/v1' || path.startsWith('/v1/');

type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Wraps a request listener so that nothing it throws, synchronously or later, ends the process: the error is
 * logged and the client gets 500 (400 for a malformed escape the listener failed to catch), as problem+json on
 * API paths. When the answer has already begun, the connection is cut instead.
 */
export const guardListener =
  (listener: Listener, log: (err: unknown) => void = (err) => console.error('request failed', err)) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const fail = (err: unknown) => {
      log(err);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const problem = err instanceof URIError ? badRequest('请求地址含有无效的 URL 编码') : internalError();
      try {
        if (isApiPath(requestTarget(req.url)?.path ?? '')) {
          const r = problemResponse(problem, randomUUID());
          res.writeHead(problem.status, r.headers as Record<string, string>).end(r.body);
        } else res.writeHead(problem.status, { 'content-type': 'text/plain; charset=utf-8' }).end(problem.title);
      } catch {
        res.destroy();
      }
    };
    try {
      const pending = listener(req, res);
      if (pending) pending.catch(fail);
    } catch (err) {
      fail(err);
    }
  };

/**
 * Starts Gongzhi locally: dynalite, the tables from their definitions, the demo community, and one HTTP server
 * with the API under `/v1`, its reference under `/docs/api/` and the H5 app everywhere else. `npm start` and the
 * e2e tests both use this.
 */
export const startLocal = async (opts: LocalOptions = {}): Promise<LocalApp> => {
  const store = opts.storeEndpoint
    ? { endpoint: opts.storeEndpoint, close: async () => undefined }
    : await startStore({ path: opts.dataDir });
  process.env.DYNAMODB_ENDPOINT = store.endpoint;
  process.env.GONGZHI_DEV_LOGIN = '1';
  await ensureTables();
  const demoLoaded = opts.demoData === false ? false : await loadDemoData(new Date(), { history: opts.demoHistory });
  const s3 = await startS3({ directory: opts.s3Dir });
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.UPLOADS_BUCKET = s3.bucket;
  const serveS3 = makeS3Proxy(s3.endpoint, s3.bucket);

  // Built once the port is known (below); a request cannot arrive before that, but the listener says so if one does.
  let gateway: ReturnType<typeof makeGateway> | undefined;
  const serveStatic = makeStaticServer(opts.h5Dir);
  const listener = guardListener(async (req, res) => {
    const target = requestTarget(req.url);
    if (target && isS3Path(target.path)) {
      serveS3(req, res);
      return;
    }
    if (target && isApiPath(target.path)) {
      if (gateway) await gateway(req, res);
      else res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    // Only paths under the reference reach serveApiDocs: it parses the URL itself (`//[` would make it throw).
    if (target?.path.startsWith(API_DOCS_PATH.slice(0, -1)) && serveApiDocs(req, res)) return;
    serveStatic(req, res);
  });
  const server = createServer(listener);
  // `Expect: 100-continue` comes here instead of 'request': the gateway sends 100 only for a body it will read.
  server.on('checkContinue', listener);
  server.keepAliveTimeout = 5000;
  server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  // The browser app is served from this origin: by default it is the only one allowed to call the API
  // cross-origin (e.g. the app on localhost calling the API on 127.0.0.1). The middy stack reads CORS_ORIGINS when
  // the route handlers are built, so it must be set before makeGateway().
  const ownOrigins = process.env.CORS_ORIGINS === undefined ? `http://localhost:${port},http://127.0.0.1:${port}` : undefined;
  if (ownOrigins) process.env.CORS_ORIGINS = ownOrigins;
  // Devices reach the S3 stand-in through this port (the app's CSP allows its own origin only).
  const s3Public = `http://localhost:${port}${S3_PATH}`;
  process.env.S3_PUBLIC_ENDPOINT = s3Public;
  gateway = makeGateway();
  const jobs = opts.jobs ? startJobRunner(allJobs()) : undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    storeEndpoint: store.endpoint,
    demoLoaded,
    close: async () => {
      await jobs?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await s3.close();
      if (process.env.S3_PUBLIC_ENDPOINT === s3Public) delete process.env.S3_PUBLIC_ENDPOINT;
      // A later server in this process (the next harness) has a port, and so origins, of its own.
      if (ownOrigins && process.env.CORS_ORIGINS === ownOrigins) delete process.env.CORS_ORIGINS;
    },
  };
};
