/**
 * The bundle CDK deploys, built for real: ESM, minified, and it loads and answers on Node with the createRequire
 * banner in place. (`npm run synth` builds the same through NodejsFunction; `npm run bench` reports the sizes.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { ContextName } from '../../shared/api';
import { routeKey } from '../../shared/api/endpoint';
import { routeTable } from '../../functions/src/routes';
import { entryFor, esbuildOptionsFor, esbuildTarget, lambdaRuntime, nodejsBundling } from '../../infra/lib/bundling';

const contexts = Object.keys(routeTable) as ContextName[];
let outDir: string;
beforeAll(() => (outDir = mkdtempSync(path.join(tmpdir(), 'gongzhi-bundle-'))));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('bundling settings', () => {
  it('are the same for CDK and for plain esbuild', () => {
    const plain = esbuildOptionsFor('identity', '/tmp/x.mjs');
    expect(plain).toMatchObject({
      format: 'esm',
      target: nodejsBundling.target,
      minify: nodejsBundling.minify,
      mainFields: nodejsBundling.mainFields,
      banner: { js: nodejsBundling.banner },
    });
    expect(nodejsBundling.forceDockerBundling).toBe(false);
    expect(nodejsBundling.format).toBe('esm');
  });

  it('target the Node.js version the Lambda runtime runs', () => {
    expect(lambdaRuntime.name).toBe(`nodejs${esbuildTarget.replace('node', '')}.x`);
  });

  it('give ESM bundles a `require` for the CommonJS code inside them', () => {
    expect(nodejsBundling.banner).toMatch(/createRequire.*import\.meta\.url/);
  });

  it.each(contexts)('point at an entry file that exists for %s', (context) => {
    expect(existsSync(entryFor(context))).toBe(true);
  });
});

describe.each(contexts)('the %s bundle', (context) => {
  it('builds, loads as ESM on Node, and serves its own routes (and only those)', () => {
    const outfile = path.join(outDir, `${context}.mjs`);
    buildSync({ ...esbuildOptionsFor(context, outfile), logLevel: 'error' });
    expect(readFileSync(outfile, 'utf8').startsWith(nodejsBundling.banner!)).toBe(true);

    // Call the handler with a route key that is not this context's: it must load fully and answer 404 itself.
    const foreign = contexts.filter((c) => c !== context).flatMap((c) => routeTable[c]).map((r) => routeKey(r.endpoint));
    const probe = `
      const { handler } = await import(${JSON.stringify(outfile)});
      const key = ${JSON.stringify(foreign[0] ?? 'GET /v1/__nothing__')};
      const [method, rawPath] = key.split(' ');
      const res = await handler(
        { version: '2.0', routeKey: key, rawPath, rawQueryString: '', headers: {}, isBase64Encoded: false,
          requestContext: { requestId: 'probe', http: { method, path: rawPath, sourceIp: '127.0.0.1' } } },
        { awsRequestId: 'probe', functionName: 'probe', getRemainingTimeInMillis: () => 5000 });
      process.stdout.write(JSON.stringify({ type: typeof handler, status: res.statusCode }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
      env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', AWS_LAMBDA_FUNCTION_NAME: 'probe', POWERTOOLS_LOG_LEVEL: 'SILENT' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(JSON.parse(out)).toEqual({ type: 'function', status: 404 });
  });
});
