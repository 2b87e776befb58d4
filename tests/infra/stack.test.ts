/**
 * What the deployed stack promises, read off the synthesised CloudFormation template. Routes and tables are
 * walked from their single sources (`functions/src/routes.ts`, `functions/src/db/tables.ts`), never listed here.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import type { ContextName } from '../../shared/api';
import { routeKey } from '../../shared/api/endpoint';
import { tableEnvVar, tables, type TableKey } from '../../functions/src/db/tables';
import { allRoutes, contextTables, routeTable } from '../../functions/src/routes';
import { GongzhiStack } from '../../infra/lib/gongzhi-stack';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

// The same feature flags `cdk synth` uses (cdk.json), with asset bundling skipped: no esbuild run here.
const cdkJson = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};
// CloudFormation's own template validation (about 5 s of WASM) is left to `npm run synth`.
const app = new App({
  context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] },
  builtinCloudFormationValidation: false,
});
const stack = new GongzhiStack(app, 'Gongzhi');
const template = Template.fromStack(stack);

const contexts = Object.keys(routeTable) as ContextName[];
const tableKeys = Object.keys(tables) as TableKey[];
const logicalId = (construct: { node: { defaultChild?: unknown } }): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resources = (type: string): Record<string, Resource> => template.findResources(type) as Record<string, Resource>;
const fnResource = (context: ContextName): Resource => resources('AWS::Lambda::Function')[logicalId(stack.functions[context])]!;
const environmentOf = (context: ContextName): Record<string, unknown> => fnResource(context).Properties.Environment.Variables;

/** Every `{ Ref }` / `{ Fn::GetAtt }` target inside a template fragment. */
const referencedIds = (value: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((v) => referencedIds(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref' && typeof v === 'string') into.add(v);
      else if (k === 'Fn::GetAtt' && Array.isArray(v)) into.add(String(v[0]));
      else referencedIds(v, into);
    }
  }
  return into;
};

describe('HTTP API', () => {
  it('serves every route in the route table, and no route that is not in it', () => {
    const served = Object.values(resources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey).sort();
    const declared = allRoutes().map((r) => routeKey(r.endpoint)).sort();
    expect(declared.length).toBeGreaterThan(0);
    expect(served).toEqual(declared);
  });

  it("sends each route to the Lambda of the context that owns it", () => {
    const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    const integrations = resources('AWS::ApiGatewayV2::Integration');
    for (const context of contexts) {
      for (const route of routeTable[context]) {
        const served = routes.find((r) => r.Properties.RouteKey === routeKey(route.endpoint))!;
        const [integrationId] = [...referencedIds(served.Properties.Target)].filter((id) => id in integrations);
        expect(integrationId).toBeDefined();
        const integration = integrations[integrationId!]!;
        expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
        expect([...referencedIds(integration.Properties.IntegrationUri)]).toEqual([logicalId(stack.functions[context])]);
      }
    }
  });

  it('leaves authentication to the functions: no API Gateway authorizer on any route', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    for (const route of Object.values(resources('AWS::ApiGatewayV2::Route'))) {
      expect(route.Properties.AuthorizerId).toBeUndefined();
      expect(route.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    }
  });

  it('answers CORS preflight for every method and header the API uses', () => {
    const methods = [...new Set(allRoutes().map((r) => r.endpoint.method))];
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowMethods: Match.arrayWith(methods),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key']),
        AllowOrigins: Match.anyValue(),
      },
    });
  });

  it('throttles the default stage (steady rate and burst)', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    const [stage] = Object.values(resources('AWS::ApiGatewayV2::Stage'));
    expect(stage!.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true });
    const { ThrottlingRateLimit, ThrottlingBurstLimit } = stage!.Properties.DefaultRouteSettings;
    expect(ThrottlingRateLimit).toBeGreaterThan(0);
    expect(ThrottlingBurstLimit).toBeGreaterThanOrEqual(ThrottlingRateLimit);
  });

  it('outputs the API URL', () => {
    template.hasOutput('ApiUrl', { Value: Match.anyValue() });
  });
});

describe('Lambda functions', () => {
  it('are one per bounded context, on Node.js 22 or newer, arm64', () => {
    template.resourceCountIs('AWS::Lambda::Function', contexts.length);
    for (const context of contexts) {
      const { Runtime, Architectures, Handler } = fnResource(context).Properties;
      expect(Number(/^nodejs(\d+)\.x$/.exec(Runtime)?.[1])).toBeGreaterThanOrEqual(22);
      expect(Architectures).toEqual(['arm64']);
      expect(Handler).toBe('index.handler');
    }
  });

  it('never enable the dev login, even when the machine that synthesises has it on', () => {
    // tests/support/env.ts turns GONGZHI_DEV_LOGIN on for this very process: it must not leak into the stack.
    for (const fn of Object.values(resources('AWS::Lambda::Function'))) {
      expect(Object.keys(fn.Properties.Environment?.Variables ?? {})).not.toContain('GONGZHI_DEV_LOGIN');
    }
    expect(JSON.stringify(template.toJSON())).not.toContain('GONGZHI_DEV_LOGIN');
  });

  it('name in their environment the physical table of every table their context uses, and no other', () => {
    for (const context of contexts) {
      const env = environmentOf(context);
      const tableVars = Object.keys(env).filter((k) => k.startsWith('TABLE_')).sort();
      expect(tableVars).toEqual(contextTables[context].map(tableEnvVar).sort());
      for (const key of contextTables[context]) expect(env[tableEnvVar(key)]).toEqual({ Ref: logicalId(stack.tables[key]) });
    }
  });

  it("may read and write only their own context's tables", () => {
    const policies = Object.values(resources('AWS::IAM::Policy'));
    const allTableIds = new Set(tableKeys.map((k) => logicalId(stack.tables[k])));
    for (const context of contexts) {
      const roleId = [...referencedIds(fnResource(context).Properties.Role)][0]!;
      const statements = policies
        .filter((p) => referencedIds(p.Properties.Roles).has(roleId))
        .flatMap((p) => p.Properties.PolicyDocument.Statement);
      const reached = [...referencedIds(statements)].filter((id) => allTableIds.has(id)).sort();
      expect(reached).toEqual(contextTables[context].map((k) => logicalId(stack.tables[k])).sort());
    }
  });

  it('get secrets by ARN, never by value; only identity may read the WeChat credentials', () => {
    for (const context of contexts) {
      const env = environmentOf(context);
      expect(env.JWT_SECRET_ARN).toEqual({ Ref: expect.any(String) });
      expect(env).not.toHaveProperty('JWT_SECRET');
      if (context === 'identity') expect(env.WECHAT_SECRET_ARN).toEqual({ Ref: expect.any(String) });
      else expect(env).not.toHaveProperty('WECHAT_SECRET_ARN');
    }
  });

  it('carry the settings the code reads: service name, log level, default community', () => {
    for (const context of contexts) {
      expect(environmentOf(context)).toMatchObject({
        POWERTOOLS_SERVICE_NAME: `gongzhi-${context}`,
        POWERTOOLS_LOG_LEVEL: expect.any(String),
        DEFAULT_COMMUNITY_ID: 'baogong-qingnian',
        CORS_ORIGINS: expect.any(String),
      });
    }
  });

  it('log to their own log group, kept for a limited time', () => {
    const groups = resources('AWS::Logs::LogGroup');
    for (const context of contexts) {
      const [groupId] = [...referencedIds(fnResource(context).Properties.LoggingConfig?.LogGroup)];
      expect(groupId).toBeDefined();
      expect(groups[groupId!]!.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });
});

describe('DynamoDB tables', () => {
  it('exist once per table definition and no more', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', tableKeys.length);
  });

  it.each(tableKeys)('%s: on demand, point-in-time recovery, deletion protection, encrypted, retained', (key) => {
    const table = resources('AWS::DynamoDB::Table')[logicalId(stack.tables[key])]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
    });
  });

  it.each(tableKeys)('%s: keys, indexes and TTL as its definition says', (key) => {
    const def = tables[key];
    const table = resources('AWS::DynamoDB::Table')[logicalId(stack.tables[key])]!;
    const keySchema = (pk: string, sk?: string) => [
      { AttributeName: pk, KeyType: 'HASH' },
      ...(sk ? [{ AttributeName: sk, KeyType: 'RANGE' }] : []),
    ];
    expect(table.Properties.KeySchema).toEqual(keySchema(def.partitionKey, 'sortKey' in def ? def.sortKey : undefined));
    const indexes = (table.Properties.GlobalSecondaryIndexes ?? []) as Array<Record<string, unknown>>;
    expect(indexes).toEqual(
      def.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: keySchema(i.partitionKey, i.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    if ('ttlAttribute' in def) {
      expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: def.ttlAttribute, Enabled: true });
    } else {
      expect(table.Properties.TimeToLiveSpecification).toBeUndefined();
    }
  });
});

describe('secrets and alarms', () => {
  it('generate the token signing key in Secrets Manager and ship WeChat credentials as an empty placeholder', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      SecretString: JSON.stringify({ appId: '', appSecret: '' }),
    });
  });

  it("raise an alarm on any function's errors and on the API's 5xx answers", () => {
    const alarms = Object.values(resources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    for (const context of contexts) {
      const id = logicalId(stack.functions[context]);
      expect(
        alarms.some((a) => a.MetricName === 'Errors' && referencedIds(a.Dimensions).has(id)),
      ).toBe(true);
    }
    expect(alarms.some((a) => a.MetricName === '5xx' && a.Namespace === 'AWS/ApiGateway')).toBe(true);
    for (const a of alarms) expect(a.AlarmActions?.length).toBeGreaterThan(0);
  });
});

