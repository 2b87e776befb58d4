/**
 * How every Lambda is bundled, in one place: the CDK stack (`NodejsFunction`) and `npm run bench` (plain
 * esbuild) both read it, so the sizes the benchmark reports are the sizes that get deployed.
 */
import * as path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ContextName } from '../../shared/api';
import { contextEntry } from '../../functions/src/routes';

/** The repository root (this file is `infra/lib/bundling.ts`). */
export const projectRoot = path.resolve(__dirname, '..', '..');

/** Absolute path of a context's Lambda entry file (it exports `handler`). */
export const entryFor = (context: ContextName): string =>
  path.join(projectRoot, 'functions', 'src', contextEntry(context));

/** Lambda runtime and esbuild target move together. */
export const lambdaRuntime = Runtime.NODEJS_22_X;
export const esbuildTarget = 'node22';

/**
 * ESM bundles have no `require`; some dependencies (inside the AWS SDK and Powertools) still call it for
 * Node built-ins, so the bundle gets one back.
 */
export const esmRequireBanner =
  "import { createRequire as __gongzhiCreateRequire } from 'node:module'; const require = __gongzhiCreateRequire(import.meta.url);";

/**
 * Modules swapped for smaller ones in the Lambda bundles only (esbuild `alias`; paths from the project root, where
 * both CDK and the bench run esbuild). The SDK's default credential chain (SSO, INI files, process, web identity,
 * ECS, IMDS, with the STS/SSO clients they carry: a quarter of each bundle) becomes the environment provider alone,
 * which is where Lambda puts the function role's credentials. Local runs and tests do not use the bundles and keep
 * the full chain.
 */
export const lambdaAliases: Record<string, string> = {
  '@aws-sdk/credential-provider-node': './infra/lib/lambda-shims/credential-provider-node.ts',
};

/**
 * The shared settings. The AWS SDK is bundled too (not taken from the runtime): the bundle then runs the exact
 * SDK version the tests ran, and ESM imports never depend on how the runtime resolves its own copy.
 * `charset: utf8` keeps the Chinese messages as UTF-8 bytes instead of `\uXXXX` escapes (half the size).
 */
const settings = {
  target: esbuildTarget,
  minify: true,
  sourceMap: false,
  mainFields: ['module', 'main'],
  charset: 'utf8',
  banner: esmRequireBanner,
} as const;

/** `bundling` props for every `NodejsFunction`: local esbuild, never Docker. */
export const nodejsBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: settings.target,
  minify: settings.minify,
  sourceMap: settings.sourceMap,
  mainFields: [...settings.mainFields],
  banner: settings.banner,
  bundleAwsSDK: true,
  externalModules: [],
  forceDockerBundling: false,
  // aws-cdk-lib 2.276 does not pass its own `charset` prop on to esbuild; the raw flag does. It renders
  // `--alias` entries as `--alias:<module>=<path>`, one per array item.
  esbuildArgs: {
    '--charset': settings.charset,
    '--alias': Object.entries(lambdaAliases).map(([from, to]) => `${from}=${to}`),
  },
};

/** The same build as plain esbuild options, for `npm run bench` (`esbuild.build(esbuildOptionsFor(...))`). */
export const esbuildOptionsFor = (context: ContextName, outfile: string): BuildOptions => ({
  entryPoints: [entryFor(context)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: settings.target,
  minify: settings.minify,
  sourcemap: settings.sourceMap,
  mainFields: [...settings.mainFields],
  charset: settings.charset,
  banner: { js: settings.banner },
  alias: lambdaAliases,
  external: [],
  absWorkingDir: projectRoot,
  logLevel: 'warning',
});
