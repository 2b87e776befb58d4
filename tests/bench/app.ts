/**
 * What a phone downloads first: the weapp main package (WeChat loads it before any page), and the H5 app's first
 * load as a browser sees it through the local server (every script the first page pulls in, counted as sent over
 * the wire, so gzip counts), with whether each text answer came compressed.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { APP_BUILDS, ensureAppBuild, H5_DIR, ROOT } from '../../functions/local/app-build';
import { makeStaticServer } from '../../functions/local/static';
import { mainPackageBytes } from '../support/weapp';

export const weappMainPackageBytes = (): number => {
  ensureAppBuild('weapp');
  return mainPackageBytes(APP_BUILDS.weapp.dir);
};

export interface FirstLoad {
  /** Scripts the first page loaded, bytes as sent (compressed) and as files. */
  js: { wire: number; raw: number; files: { path: string; wire: number }[] };
  /** Every answer of the first load, as sent. */
  total: { wire: number; raw: number };
  /** Text answers of at least 1 KB that came without `Content-Encoding: gzip`. */
  uncompressed: string[];
}

/** `@sparticuz/chromium` is ESM-only: a plain Node process tells where its browser is and with which flags. */
const chromiumBinary = (): { executablePath: string; args: string[] } => {
  const script =
    "import c from '@sparticuz/chromium'; process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args }));";
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as {
    executablePath: string;
    args: string[];
  };
};

/** Opens the H5 app's first page in headless Chromium, served by the local static server on 127.0.0.1. */
export const h5FirstLoad = async (opts: { build?: boolean } = {}): Promise<FirstLoad> => {
  if (opts.build !== false) ensureAppBuild('h5');
  const server = createServer(makeStaticServer(H5_DIR)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { executablePath, args } = chromiumBinary();
  const browser = await chromium.launch({ executablePath, args: args.filter((a) => a !== '--single-process'), headless: true });
  try {
    const page = await browser.newPage();
    const seen: Promise<{ url: string; type: string; wire: number; raw: number; gzip: boolean; text: boolean }>[] = [];
    page.on('requestfinished', (request) =>
      seen.push(
        (async () => {
          const response = await request.response();
          const sizes = await request.sizes();
          const headers = (await response?.allHeaders()) ?? {};
          const raw = (await response?.body().catch(() => Buffer.alloc(0)))?.length ?? 0;
          return {
            url: request.url(),
            type: request.resourceType(),
            wire: sizes.responseBodySize,
            raw,
            gzip: /gzip|br/.test(headers['content-encoding'] ?? ''),
            text: /text|javascript|json|svg/.test(headers['content-type'] ?? ''),
          };
        })(),
      ),
    );
    await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
    const loaded = (await Promise.all(seen)).filter((r) => r.url.startsWith(url));
    const scripts = loaded.filter((r) => r.type === 'script');
    const sum = (rs: typeof loaded, k: 'wire' | 'raw') => rs.reduce((n, r) => n + r[k], 0);
    return {
      js: { wire: sum(scripts, 'wire'), raw: sum(scripts, 'raw'), files: scripts.map((r) => ({ path: r.url.slice(url.length - 1), wire: r.wire })) },
      total: { wire: sum(loaded, 'wire'), raw: sum(loaded, 'raw') },
      uncompressed: loaded.filter((r) => r.text && r.raw >= 1024 && !r.gzip).map((r) => r.url.slice(url.length - 1)),
    };
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }
};
