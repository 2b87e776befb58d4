/**
 * Cold init: each Lambda bundle, built exactly as CDK builds it, imported by a fresh Node process (whole process,
 * spawn to exit), against a bare Node process started the same way. Runs go round-robin (bare, then each bundle,
 * the order rotating every round) so a busy moment of the machine lands on all of them alike; the figures are
 * medians. Each process also reports its own CPU time, which a machine shared with other work disturbs less.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { ContextName } from '../../shared/api';
import { routeTable } from '../../functions/src/routes';
import { esbuildOptionsFor, projectRoot } from '../../infra/lib/bundling';
import { median, quantile } from './stats';

/** What Lambda gives every function (fake credentials: nothing is called), and what the stack sets. */
const LAMBDA_ENV = {
  PATH: process.env.PATH ?? '',
  AWS_LAMBDA_FUNCTION_NAME: 'gongzhi-bench',
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'AKIDBENCH',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  TOKEN_KEY_ARN: 'arn:aws-cn:kms:cn-north-1:000000000000:key/bench',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export interface Bundle {
  context: ContextName;
  file: string;
  bytes: number;
  /** Bytes in the bundle per package, largest first. */
  packages: [string, number][];
}

const packageOf = (input: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1]! : input.split('/').slice(0, 2).join('/');
};

/**
 * Parts every context's bundle must hold, bundled alone with the same settings: they show where the floor is.
 * `sdk`: the DynamoDB document client and KMS (each context reads its table and checks tokens with KMS's public
 * key); `zod`: zod itself with one schema; `feedback contracts`: one context's endpoint contracts (each bundle
 * builds its own context's when imported; feedback's are mid-sized: scoring's are about twice as large).
 */
export const REFERENCES = {
  'sdk alone': [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
    "import { GetPublicKeyCommand, KMSClient } from '@aws-sdk/client-kms';",
    'export const parts = [DynamoDBClient, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand, GetPublicKeyCommand, KMSClient];',
  ].join('\n'),
  'zod alone': "import * as z from 'zod'; export const s = z.object({ a: z.string() });",
  'feedback contracts alone': "export { feedbackApi } from './shared/api/feedback';",
} as const;

const built = (file: string, metafile: Metafile | undefined) => {
  const per = new Map<string, number>();
  for (const [input, v] of Object.entries((Object.values(metafile!.outputs)[0] as Metafile['outputs'][string]).inputs))
    per.set(packageOf(input), (per.get(packageOf(input)) ?? 0) + v.bytesInOutput);
  return { file, bytes: statSync(file).size, packages: [...per].sort((a, b) => b[1] - a[1]) };
};

/** Builds every context's bundle (and the references) into a temporary folder; `done()` removes it. */
export const buildBundles = async (): Promise<{ bundles: Bundle[]; references: (Omit<Bundle, 'context'> & { name: string })[]; done: () => void }> => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bundle-'));
  const bundles: Bundle[] = [];
  for (const context of Object.keys(routeTable) as ContextName[]) {
    const file = join(dir, `${context}.mjs`);
    const { metafile } = await build({ ...esbuildOptionsFor(context, file), metafile: true });
    bundles.push({ context, ...built(file, metafile) });
  }
  const references = [];
  for (const [name, contents] of Object.entries(REFERENCES)) {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.mjs`);
    const { entryPoints: _, ...options } = esbuildOptionsFor('identity', file);
    const { metafile } = await build({ ...options, stdin: { contents, resolveDir: projectRoot, loader: 'ts', sourcefile: `${name}.ts` }, metafile: true });
    references.push({ name, ...built(file, metafile) });
  }
  return { bundles, references, done: () => rmSync(dir, { recursive: true, force: true }) };
};

interface Run {
  wallMs: number;
  cpuMs: number;
}

/** One whole process: `node --input-type=module -e` importing `file` (nothing for bare Node), then exiting. */
const runOnce = (file: string | undefined): Promise<Run> =>
  new Promise((resolve, reject) => {
    const code = `${file ? `await import(${JSON.stringify(file)});` : ''}const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));`;
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { env: LAMBDA_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) reject(new Error(`cold start of ${file ?? 'bare node'} failed (${code}): ${err}`));
      else resolve({ wallMs, cpuMs: Number(out) });
    });
  });

export interface ColdFigures {
  name: string;
  wall: { median: number; p25: number; p75: number };
  cpu: { median: number; p25: number; p75: number };
  /** Median ÷ bare Node's median. */
  wallRatio: number;
  cpuRatio: number;
}

export const coldStarts = async (files: { name: string; file: string }[], runs: number): Promise<{ bare: ColdFigures; bundles: ColdFigures[] }> => {
  const subjects: { name: string; file?: string }[] = [{ name: 'bare node' }, ...files];
  const results = new Map<string, Run[]>(subjects.map((s) => [s.name, []]));
  for (const s of subjects) await runOnce(s.file); // the file cache warm for all alike
  for (let r = 0; r < runs; r++)
    for (let k = 0; k < subjects.length; k++) {
      const s = subjects[(k + r) % subjects.length]!;
      results.get(s.name)!.push(await runOnce(s.file));
    }
  const stats = (xs: number[]) => ({ median: median(xs), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75) });
  const figures = subjects.map((s) => {
    const rs = results.get(s.name)!;
    return { name: s.name, wall: stats(rs.map((x) => x.wallMs)), cpu: stats(rs.map((x) => x.cpuMs)), wallRatio: 1, cpuRatio: 1 };
  });
  const [bare, ...rest] = figures;
  for (const f of rest) {
    f.wallRatio = f.wall.median / bare!.wall.median;
    f.cpuRatio = f.cpu.median / bare!.cpu.median;
  }
  return { bare: bare!, bundles: rest };
};
