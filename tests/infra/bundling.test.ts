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
import { entryFor, esbuildOptionsFor, esbuildTarget, lambdaAliases, lambdaRuntime, nodejsBundling, projectRoot } from '../../infra/lib/bundling';

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

/** What Lambda gives every function: the role's credentials in the environment (fake here: nothing is called). */
const lambdaEnv = {
  PATH: process.env.PATH,
  AWS_REGION: 'us-east-1',
  AWS_LAMBDA_FUNCTION_NAME: 'probe',
  AWS_ACCESS_KEY_ID: 'AKIDPROBE',
  AWS_SECRET_ACCESS_KEY: 'probe-secret',
  AWS_SESSION_TOKEN: 'probe-token',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** The SDK's default credential chain and the clients only it uses: never in a Lambda bundle. */
const CREDENTIAL_CHAIN = /@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|http|login)|nested-clients|token-providers)\/|@smithy\/credential-provider-imds\//;

describe('the credential provider in the bundles', () => {
  it('is the environment alone: CDK passes the same alias to esbuild as the bench does', () => {
    expect(lambdaAliases['@aws-sdk/credential-provider-node']).toBeDefined();
    for (const [from, to] of Object.entries(lambdaAliases)) {
      expect(nodejsBundling.esbuildArgs!['--alias']).toContain(`${from}=${to}`);
      expect(existsSync(path.join(projectRoot, to))).toBe(true);
    }
    expect(esbuildOptionsFor('identity', '/tmp/x.mjs').alias).toEqual(lambdaAliases);
  });

  it("hands every client Lambda's environment credentials", () => {
    const outfile = path.join(outDir, 'credentials.mjs');
    const { entryPoints: _, ...options } = esbuildOptionsFor('identity', outfile);
    buildSync({
      ...options,
      logLevel: 'error',
      stdin: {
        contents: [
          "import { dynamo } from './functions/src/db/client';",
          "import { s3 } from './functions/src/uploads/client';",
          'const ids = await Promise.all([dynamo().config.credentials(), s3().config.credentials()]);',
          'process.stdout.write(JSON.stringify(ids.map(({ accessKeyId, secretAccessKey, sessionToken }) => ({ accessKeyId, secretAccessKey, sessionToken }))));',
        ].join('\n'),
        resolveDir: projectRoot,
        loader: 'ts',
      },
    });
    const out = execFileSync(process.execPath, [outfile], { env: lambdaEnv, encoding: 'utf8', timeout: 30_000 });
    const fromEnv = { accessKeyId: 'AKIDPROBE', secretAccessKey: 'probe-secret', sessionToken: 'probe-token' };
    expect(JSON.parse(out)).toEqual([fromEnv, fromEnv]);
  });
});

describe.each(contexts)('the %s bundle', (context) => {
  it('builds, loads as ESM on Node, and serves its own routes (and only those)', () => {
    const outfile = path.join(outDir, `${context}.mjs`);
    const { metafile } = buildSync({ ...esbuildOptionsFor(context, outfile), logLevel: 'error', metafile: true });
    expect(readFileSync(outfile, 'utf8').startsWith(nodejsBundling.banner!)).toBe(true);
    // Lambda hands credentials in the environment: the rest of the SDK's chain would be parsed on every cold start.
    expect(Object.keys(metafile!.inputs).filter((input) => CREDENTIAL_CHAIN.test(input))).toEqual([]);

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
      env: lambdaEnv,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(JSON.parse(out)).toEqual({ type: 'function', status: 404 });
  });
});
