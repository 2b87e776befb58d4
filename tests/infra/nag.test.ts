/**
 * cdk-nag's AWS Solutions checks over the stack, as `cdk synth` runs them (infra/bin/app.ts): no finding may be
 * left standing. What is real gets fixed in the stack; what is by design is suppressed there, on the one
 * resource it concerns, with its reason, and the reasons land in the template.
 */
import { Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { allRoutes, contextUploads } from '../../functions/src/routes';
import { uploadGrants } from '../../functions/src/uploads/keys';
import { GongzhiStack } from '../../infra/lib/gongzhi-stack';
import { TEST_ORIGINS, testApp } from './synth';

// With cdk.json's `annotationsInValidationReport` an error finding makes synthesis throw a validation report;
// off here, so that the assertion below can list the findings by resource.
const app = testApp({ '@aws-cdk/core:annotationsInValidationReport': false });
const stack = new GongzhiStack(app, 'Gongzhi', { corsOrigins: TEST_ORIGINS });
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
const annotations = Annotations.fromStack(stack);
const template = Template.fromStack(stack);

const findings = (level: 'error' | 'warning'): string[] =>
  (level === 'error' ? annotations.findError : annotations.findWarning)
    .call(annotations, '*', Match.stringLikeRegexp('AwsSolutions-.*'))
    .map((m) => `${m.id}: ${String(m.entry.data).split(': ')[0]}`);

type Suppression = { id: string; reason: string; is_reason_encoded?: boolean; applies_to?: unknown[] };
const suppressions = (): Array<{ resource: string; type: string; rule: Suppression }> =>
  Object.entries(template.toJSON().Resources as Record<string, { Type: string; Metadata?: any }>).flatMap(
    ([resource, r]) =>
      ((r.Metadata?.cdk_nag?.rules_to_suppress ?? []) as Suppression[]).map((rule) => ({ resource, type: r.Type, rule })),
  );
const reasonText = (s: Suppression): string => (s.is_reason_encoded ? Buffer.from(s.reason, 'base64').toString('utf8') : s.reason);

describe('cdk-nag AWS Solutions checks', () => {
  it('leave no error standing', () => {
    expect(findings('error')).toEqual([]);
  });

  it('leave no warning standing either', () => {
    const warnings = findings('warning');
    if (warnings.length) console.warn(`cdk-nag AwsSolutions warnings (${warnings.length}):\n${warnings.join('\n')}`);
    expect(warnings).toEqual([]);
  });

  it('are suppressed only for the by-design cases, each on its own resource with a specific reason', () => {
    const found = suppressions();
    expect([...new Set(found.map((s) => s.rule.id))].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
    ]);
    for (const { rule } of found) expect(reasonText(rule).length).toBeGreaterThan(60);
    // No stack-wide suppression: each one names the resource it concerns.
    expect(JSON.stringify(template.toJSON().Metadata ?? {})).not.toContain('rules_to_suppress');
    // Everything else is fixed, not suppressed: access logs, TLS-only topic and buckets, scoped roles, blocked
    // public access.
    for (const fixed of ['APIG1', 'SNS3', 'IAM4', 'S2', 'S10']) expect(found.map((s) => s.rule.id)).not.toContain(`AwsSolutions-${fixed}`);
  });

  it('allow wildcards in IAM only on upload keys: the prefixes each context’s purposes use, nothing wider', () => {
    const iam5 = suppressions().filter((s) => s.rule.id === 'AwsSolutions-IAM5');
    expect(iam5.length).toBeGreaterThan(0);
    const bucketId = stack.getLogicalId(stack.uploadsBucket.node.defaultChild as never);
    const allowed = new Set(
      Object.values(contextUploads).flatMap((purposes) => uploadGrants(purposes).map((g) => `Resource::<${bucketId}.Arn>/${g.keyPattern}`)),
    );
    for (const { type, rule } of iam5) {
      expect(['AWS::IAM::Role', 'AWS::IAM::Policy']).toContain(type);
      // A suppression without appliesTo would cover every wildcard the role ever gets.
      expect(rule.applies_to?.length).toBeGreaterThan(0);
      for (const finding of rule.applies_to!) expect(allowed).toContain(finding);
    }
  });

  it('suppress server access logging only on the bucket that holds the uploads bucket’s access logs', () => {
    const s1 = suppressions().filter((s) => s.rule.id === 'AwsSolutions-S1');
    expect(s1.map((s) => s.resource)).toEqual([stack.getLogicalId(stack.uploadsAccessLogs.node.defaultChild as never)]);
    const uploads = template.toJSON().Resources[stack.getLogicalId(stack.uploadsBucket.node.defaultChild as never)];
    expect(uploads.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: s1[0]!.resource });
  });

  it('suppress the missing gateway authorizer route by route, each saying why that route needs none', () => {
    const apig4 = suppressions().filter((s) => s.rule.id === 'AwsSolutions-APIG4');
    expect(apig4.every((s) => s.type === 'AWS::ApiGatewayV2::Route')).toBe(true);
    expect(apig4).toHaveLength(allRoutes().length);
    for (const route of allRoutes()) {
      const key = `${route.endpoint.method} ${route.endpoint.path}`;
      const reason = apig4.map((s) => reasonText(s.rule)).find((r) => r.includes(key));
      expect(reason).toMatch(route.endpoint.access === 'public' ? /public by its contract/ : /verifies the ES256 access token/);
    }
  });
});
