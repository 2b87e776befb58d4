/**
 * The CDK app: `npm run synth` (offline, no AWS account needed) or `npx cdk deploy`.
 * Settings come from CDK context (`-c key=value` or cdk.json):
 *   corsOrigins         comma list of browser origins (default `*`)
 *   defaultCommunityId  community a first login joins (default `baogong-qingnian`)
 *   alarmEmail          address subscribed to the alarm topic (default: none)
 */
import { App, Tags } from 'aws-cdk-lib';
import { GongzhiStack } from '../lib/gongzhi-stack';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

new GongzhiStack(app, 'Gongzhi', {
  description: 'Gongzhi 共治: community co-governance API (HTTP API, Lambda, DynamoDB)',
  // No `env`: the template is region-agnostic; `cdk deploy` deploys to the profile's region.
  corsOrigins: context('corsOrigins')?.split(',').map((o) => o.trim()).filter(Boolean),
  defaultCommunityId: context('defaultCommunityId'),
  alarmEmail: context('alarmEmail'),
});
Tags.of(app).add('project', 'gongzhi');
