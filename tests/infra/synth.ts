/**
 * How the infra tests build the CDK app: the feature flags `cdk synth` uses (cdk.json), asset bundling skipped
 * (no esbuild run here; tests/infra/bundling.test.ts builds the real bundles), and CloudFormation's own template
 * validation (about 5 s of WASM) left to `npm run synth`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';

const cdkJson = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

/** Two made-up origins (`.invalid` is reserved, RFC 2606), to tell a list from its first entry. */
export const TEST_ORIGINS = ['https://admin.example.invalid', 'https://h5.example.invalid'] as const;

export const testApp = (context: Record<string, unknown> = {}): App =>
  new App({
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: false,
  });
