/**
 * The CDK app: `npm run synth` (offline, no AWS account needed) or `npx cdk deploy`.
 * Settings come from CDK context (`-c key=value` or cdk.json):
 *   corsOrigins         required: comma list of the https:// origins the admin page is served from (no `*`)
 *   defaultCommunityId  community a first login joins (default `baogong-qingnian`)
 *   alarmEmail          address subscribed to the alarm topic (default: none)
 *   wechatTemplate<Kind>  a WeChat subscription-message template id per message kind (default: none, not sent):
 *                         wechatTemplateFeedbackStatus (a reporter's feedback changed status),
 *                         wechatTemplateCouncilReminder (a council member has not voted, a day and an hour before close),
 *                         wechatTemplateScoringSentBack (a branch secretary's self-assessment was sent back, with why)
 * cdk-nag's AWS Solutions checks run on every synth: an unsuppressed finding at error level fails it.
 */
import { App, Aspects, Tags } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { OUTBOX_MESSAGE_KINDS, type OutboxMessageKind } from '../../functions/src/notify/outbox';
import { GongzhiStack, corsOriginsFromContext } from '../lib/gongzhi-stack';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

/** `council-reminder` → `wechatTemplateCouncilReminder`: one context setting per message kind, none forgotten. */
const templateSetting = (kind: OutboxMessageKind): string =>
  `wechatTemplate${kind.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;

new GongzhiStack(app, 'Gongzhi', {
  description: 'Gongzhi 共治: community co-governance API (HTTP API, Lambda, DynamoDB)',
  // No `env`: the template is region-agnostic; `cdk deploy` deploys to the profile's region.
  corsOrigins: corsOriginsFromContext(app.node.tryGetContext('corsOrigins')),
  defaultCommunityId: context('defaultCommunityId'),
  alarmEmail: context('alarmEmail'),
  wechatTemplates: Object.fromEntries(OUTBOX_MESSAGE_KINDS.map((kind) => [kind, context(templateSetting(kind))])),
});
Tags.of(app).add('project', 'gongzhi');
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
