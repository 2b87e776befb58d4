/**
 * What the deployed stack promises, read off the synthesised CloudFormation template. Routes, tables and
 * permissions are walked from their single sources (`functions/src/routes.ts`, `functions/src/db/tables.ts`),
 * never listed here.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import type { ContextName } from '../../shared/api';
import { routeKey } from '../../shared/api/endpoint';
import { tableEnvVar, tables, type TableKey } from '../../functions/src/db/tables';
import { allJobs, allRoutes, contextSecrets, contextTables, contextUploads, routeTable, tokenIssuers } from '../../functions/src/routes';
import { uploadGrants } from '../../functions/src/uploads/keys';
import { checkCorsOrigins, corsOriginsFromContext, GongzhiStack } from '../../infra/lib/gongzhi-stack';
import { TEST_ORIGINS, testApp } from './synth';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; DependsOn?: string[] };

const stack = new GongzhiStack(testApp(), 'Gongzhi', { corsOrigins: TEST_ORIGINS });
const template = Template.fromStack(stack);

const contexts = Object.keys(routeTable) as ContextName[];
const tableKeys = Object.keys(tables) as TableKey[];
const logicalId = (construct: { node: { defaultChild?: unknown } }): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resources = (type: string): Record<string, Resource> => template.findResources(type) as Record<string, Resource>;
const fnResource = (context: ContextName): Resource => resources('AWS::Lambda::Function')[logicalId(stack.functions[context])]!;
const environmentOf = (context: ContextName): Record<string, unknown> => fnResource(context).Properties.Environment.Variables;
const usedTables = (context: ContextName): TableKey[] => Object.keys(contextTables[context]) as TableKey[];

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

/** A resource expression as one comparable string: `<id>.Arn`, `<id>.Arn/index/gsi1`, `ref:<id>`, or the literal. */
const arnText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v.Ref) return `ref:${v.Ref}`;
  if (v['Fn::GetAtt']) return `${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}`;
  if (v['Fn::Join'] && v['Fn::Join'][0] === '') return (v['Fn::Join'][1] as unknown[]).map(arnText).join('');
  throw new Error(`unexpected resource expression ${JSON.stringify(value)}`);
};
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Everything a context's role may do, as `action on resource` lines (policy merging undone). */
const permissionsOf = (context: ContextName): string[] => {
  const roleId = [...referencedIds(fnResource(context).Properties.Role)][0]!;
  const statements = Object.values(resources('AWS::IAM::Policy'))
    .filter((p) => referencedIds(p.Properties.Roles).has(roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
  for (const s of statements) {
    expect(s.Effect).toBe('Allow');
    expect(s.Condition).toBeUndefined();
  }
  return statements.flatMap((s) => list<string>(s.Action).flatMap((a) => list(s.Resource).map((r) => `${a} on ${arnText(r)}`))).sort();
};
const dynamoPermissions = (context: ContextName): string[] =>
  permissionsOf(context).filter((p) => p.startsWith('dynamodb:'));

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

  it('answers CORS preflight for every method and header the API uses, from exactly the allowed origins', () => {
    const methods = [...new Set(allRoutes().map((r) => r.endpoint.method))];
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowMethods: Match.arrayWith(methods),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key']),
        AllowOrigins: [...TEST_ORIGINS],
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

  it('throttles each route whose contract says so, below the stage default, once the route exists', () => {
    const [stage] = Object.values(resources('AWS::ApiGatewayV2::Stage'));
    const throttled = allRoutes().filter((r) => r.endpoint.throttle);
    expect(throttled.length).toBeGreaterThan(0);
    const defaults = stage!.Properties.DefaultRouteSettings;
    expect(stage!.Properties.RouteSettings).toEqual(
      Object.fromEntries(
        throttled.map((r) => [
          routeKey(r.endpoint),
          { ThrottlingRateLimit: r.endpoint.throttle!.rateLimit, ThrottlingBurstLimit: r.endpoint.throttle!.burstLimit },
        ]),
      ),
    );
    for (const setting of Object.values(stage!.Properties.RouteSettings as Record<string, Record<string, number>>)) {
      expect(setting.ThrottlingRateLimit).toBeLessThanOrEqual(defaults.ThrottlingRateLimit);
      expect(setting.ThrottlingBurstLimit).toBeLessThanOrEqual(defaults.ThrottlingBurstLimit);
    }
    // API Gateway refuses route settings for a route that does not exist yet.
    const routes = resources('AWS::ApiGatewayV2::Route');
    for (const r of throttled) {
      const [id] = Object.entries(routes).find(([, res]) => res.Properties.RouteKey === routeKey(r.endpoint))!;
      expect(stage!.DependsOn).toContain(id);
    }
  });

  it('refuses a route throttle above the stage default', () => {
    expect(
      () => new GongzhiStack(testApp(), 'TooLoose', { corsOrigins: TEST_ORIGINS, throttle: { rateLimit: 1, burstLimit: 2 } }),
    ).toThrow(/must not exceed the stage's/);
  });

  it('writes a JSON access log line per request to a log group kept one month: no headers, no bodies', () => {
    const [stage] = Object.values(resources('AWS::ApiGatewayV2::Stage'));
    const { DestinationArn, Format } = stage!.Properties.AccessLogSettings;
    const [groupId] = [...referencedIds(DestinationArn)];
    expect(resources('AWS::Logs::LogGroup')[groupId!]!.Properties.RetentionInDays).toBe(30);
    const fields = JSON.parse(Format) as Record<string, string>;
    expect(Object.keys(fields).sort()).toEqual(['integrationLatency', 'ip', 'requestId', 'responseLength', 'routeKey', 'status']);
    expect(fields).toMatchObject({ requestId: '$context.requestId', ip: '$context.identity.sourceIp', routeKey: '$context.routeKey' });
    expect(Format).not.toMatch(/header|body|authorization|\$input/i);
  });

  it('outputs the API URL', () => {
    template.hasOutput('ApiUrl', { Value: Match.anyValue() });
  });
});

describe('CORS allow-list', () => {
  it('reaches every function as CORS_ORIGINS, the whole list', () => {
    for (const context of contexts) expect(environmentOf(context).CORS_ORIGINS).toBe(TEST_ORIGINS.join(','));
  });

  it.each([
    ['no origin at all', []],
    ['a wildcard', ['*']],
    ['a wildcard subdomain', ['https://*.example.cn']],
    ['plain http', ['http://admin.example.cn']],
    ['a path', ['https://admin.example.cn/app']],
    ['a trailing slash', ['https://admin.example.cn/']],
    ['upper case (browsers send lower case)', ['https://Admin.example.cn']],
    ['a bare host', ['admin.example.cn']],
    ['one bad entry among good ones', ['https://admin.example.cn', 'http://localhost:3000']],
  ])('refuses %s', (_, origins) => {
    expect(() => checkCorsOrigins(origins)).toThrow(/corsOrigins/);
    expect(() => new GongzhiStack(testApp(), 'Bad', { corsOrigins: origins })).toThrow(/corsOrigins/);
  });

  it('accepts https origins, with a port too', () => {
    expect(checkCorsOrigins(['https://admin.example.cn', 'https://h5.example.cn:8443'])).toEqual([
      'https://admin.example.cn',
      'https://h5.example.cn:8443',
    ]);
  });

  it('reads the context as a comma list (command line) or an array (cdk.json)', () => {
    expect(corsOriginsFromContext(' https://a.example.cn , https://b.example.cn ')).toEqual([
      'https://a.example.cn',
      'https://b.example.cn',
    ]);
    expect(corsOriginsFromContext(['https://a.example.cn'])).toEqual(['https://a.example.cn']);
  });

  it.each([undefined, '', ' , '])('says how to supply it when the context is %p', (value) => {
    expect(() => corsOriginsFromContext(value)).toThrow(/Missing CDK context corsOrigins.*-c corsOrigins=https:\/\//);
  });

  it('makes the CDK app fail with that message when -c corsOrigins is not given', async () => {
    const root = path.join(__dirname, '..', '..');
    const run = promisify(execFile)(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'infra', 'bin', 'app.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      timeout: 60_000,
    });
    await expect(run).rejects.toMatchObject({ stderr: expect.stringContaining('Missing CDK context corsOrigins') });
  }, 60_000);
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
      expect(tableVars).toEqual(usedTables(context).map(tableEnvVar).sort());
      for (const key of usedTables(context)) expect(env[tableEnvVar(key)]).toEqual({ Ref: logicalId(stack.tables[key]) });
    }
  });

  it('may call exactly the DynamoDB actions the route table lists, on their own tables; Query also on those indexes', () => {
    for (const context of contexts) {
      const expected = usedTables(context).flatMap((key) => {
        const table = `${logicalId(stack.tables[key])}.Arn`;
        const actions = contextTables[context][key]!;
        return [
          ...actions.map((a) => `dynamodb:${a} on ${table}`),
          ...(actions.includes('Query') ? tables[key].indexes.map((ix) => `dynamodb:Query on ${table}/index/${ix.name}`) : []),
        ];
      });
      expect(dynamoPermissions(context)).toEqual(expected.sort());
    }
  });

  it('have no wildcard DynamoDB action, no Scan and no BatchWriteItem unless the route table lists it', () => {
    for (const context of contexts) {
      const listed = new Set(Object.values(contextTables[context]).flat() as string[]);
      for (const p of dynamoPermissions(context)) {
        expect(p).not.toMatch(/^dynamodb:[^ ]*\*/);
        if (!listed.has('Scan')) expect(p).not.toMatch(/^dynamodb:Scan /);
        if (!listed.has('BatchWriteItem')) expect(p).not.toMatch(/^dynamodb:BatchWriteItem /);
      }
    }
  });

  it('may read the token public key; only token issuers may sign; nobody may encrypt or decrypt with it', () => {
    const key = `${logicalId(stack.tokenKey)}.Arn`;
    for (const context of contexts) {
      const kms = permissionsOf(context).filter((p) => p.startsWith('kms:'));
      const expected = [`kms:GetPublicKey on ${key}`, ...(tokenIssuers.includes(context) ? [`kms:Sign on ${key}`] : [])];
      expect(kms).toEqual(expected.sort());
    }
    expect(tokenIssuers).toContain('identity');
    expect(tokenIssuers).not.toContain('feedback');
  });

  it('have nothing beyond that: their own log group, their tables, the token key, their secrets, their uploads', () => {
    for (const context of contexts) {
      const roleId = [...referencedIds(fnResource(context).Properties.Role)][0]!;
      // No managed policy: AWSLambdaBasicExecutionRole would let it write to any log group.
      expect(resources('AWS::IAM::Role')[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
      const logGroup = `${[...referencedIds(fnResource(context).Properties.LoggingConfig.LogGroup)][0]}.Arn`;
      const secretIds = { wechat: 'WechatCredentials', ballot: 'BallotKey' } as const;
      const secrets = contextSecrets[context].flatMap((name) =>
        ['DescribeSecret', 'GetSecretValue'].map((a) => `secretsmanager:${a} on ref:${logicalId(stack.node.findChild(secretIds[name]) as never)}`),
      );
      const others = permissionsOf(context).filter((p) => !/^(dynamodb|kms|s3):/.test(p));
      expect(others).toEqual([`logs:CreateLogStream on ${logGroup}`, `logs:PutLogEvents on ${logGroup}`, ...secrets].sort());
    }
  });

  it('get the token key and secrets by ARN, never by value; no JWT secret anywhere', () => {
    for (const context of contexts) {
      const env = environmentOf(context);
      expect(env.TOKEN_KEY_ARN).toEqual({ 'Fn::GetAtt': [logicalId(stack.tokenKey), 'Arn'] });
      expect(env).not.toHaveProperty('JWT_SECRET_ARN');
      expect(env).not.toHaveProperty('JWT_SECRET');
      // The local stand-in for the KMS key (a PEM in the environment) never reaches AWS.
      expect(env).not.toHaveProperty('TOKEN_PRIVATE_KEY');
      if (contextSecrets[context].includes('wechat')) expect(env.WECHAT_SECRET_ARN).toEqual({ Ref: expect.any(String) });
      else expect(env).not.toHaveProperty('WECHAT_SECRET_ARN');
      if (contextSecrets[context].includes('ballot')) expect(env.BALLOT_KEY_SECRET_ARN).toEqual({ Ref: logicalId(stack.node.findChild('BallotKey') as never) });
      else expect(env).not.toHaveProperty('BALLOT_KEY_SECRET_ARN');
    }
    expect(JSON.stringify(template.toJSON())).not.toMatch(/JWT_SECRET|JwtSigningSecret/);
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

  it('log to their own log group, kept one month', () => {
    const groups = resources('AWS::Logs::LogGroup');
    const seen = new Set<string>();
    for (const context of contexts) {
      const [groupId] = [...referencedIds(fnResource(context).Properties.LoggingConfig?.LogGroup)];
      expect(groupId).toBeDefined();
      expect(groups[groupId!]!.Properties.RetentionInDays).toBe(30);
      seen.add(groupId!);
    }
    expect(seen.size).toBe(contexts.length);
  });
});

describe('uploads', () => {
  const bucketId = () => logicalId(stack.uploadsBucket);
  const logsId = () => logicalId(stack.uploadsAccessLogs);
  const bucket = (id: string) => resources('AWS::S3::Bucket')[id]!;
  const policyOf = (id: string) =>
    Object.values(resources('AWS::S3::BucketPolicy')).find((p) => referencedIds(p.Properties.Bucket).has(id))!.Properties.PolicyDocument
      .Statement as Array<Record<string, any>>;
  const usesUploads = (context: ContextName) => contextUploads[context].length > 0;

  it('live in one bucket (and its access log): private, encrypted with S3-managed keys, TLS only, retained', () => {
    template.resourceCountIs('AWS::S3::Bucket', 2);
    for (const id of [bucketId(), logsId()]) {
      const b = bucket(id);
      expect(b.DeletionPolicy).toBe('Retain');
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
      expect(b.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      expect(policyOf(id)).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('keep no old versions, forget unchecked uploads and abandoned multipart uploads after a day', () => {
    const { Properties } = bucket(bucketId());
    expect(Properties.VersioningConfiguration).toBeUndefined();
    expect(Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'incoming/', ExpirationInDays: 1, Status: 'Enabled' }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
      ]),
    );
    // Nothing expires what the functions have checked and linked.
    for (const rule of Properties.LifecycleConfiguration.Rules) if (rule.ExpirationInDays) expect(rule.Prefix).toBe('incoming/');
  });

  it('accept form uploads (POST) from exactly the allowed browser origins, and nothing else cross-origin', () => {
    expect(bucket(bucketId()).Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['POST'], AllowedOrigins: [...TEST_ORIGINS] }),
    ]);
  });

  it('log every access to the log bucket, which only S3 log delivery for this bucket and account may write to', () => {
    expect(bucket(bucketId()).Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logsId() }, LogFilePrefix: 'uploads/' });
    const allows = policyOf(logsId()).filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Condition: {
          ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId(), 'Arn'] } },
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        },
      }),
    ]);
    expect(bucket(logsId()).Properties.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 90 })]);
    // The uploads bucket grants nobody anything in its policy: the functions' roles carry their grants.
    expect(policyOf(bucketId()).filter((s) => s.Effect === 'Allow')).toEqual([]);
  });

  it('are named to the functions whose context uses them (UPLOADS_BUCKET), and to no other', () => {
    expect(contexts.some(usesUploads)).toBe(true);
    for (const context of contexts) {
      if (usesUploads(context)) expect(environmentOf(context).UPLOADS_BUCKET).toEqual({ Ref: bucketId() });
      else expect(environmentOf(context)).not.toHaveProperty('UPLOADS_BUCKET');
    }
  });

  it('may be touched exactly as the uploads code does for the context’s purposes, on their keys only', () => {
    for (const context of contexts) {
      const s3 = permissionsOf(context).filter((p) => p.startsWith('s3:'));
      const expected = uploadGrants(contextUploads[context]).flatMap((g) => g.actions.map((a) => `${a} on ${bucketId()}.Arn/${g.keyPattern}`));
      expect(s3).toEqual(expected.sort());
      for (const p of s3) {
        expect(p).not.toMatch(/^s3:[^ ]*\*/);
        expect(p).toMatch(/\.Arn\/(incoming|stored)\//);
      }
    }
    expect(uploadGrants(contextUploads.feedback).map((g) => g.keyPattern)).toEqual(['incoming/*', 'stored/*/feedback-photo/*']);
    // the red stewards' visit photos: their own folder, nothing of feedback's or scoring's
    expect(uploadGrants(contextUploads.stewards).map((g) => g.keyPattern)).toEqual(['incoming/*', 'stored/*/visit-photo/*']);
  });
});

describe('WeChat subscription messages', () => {
  it('reach the functions that talk to WeChat as one template id per message kind, when set', () => {
    const withTemplates = new GongzhiStack(testApp(), 'WithTemplates', {
      corsOrigins: TEST_ORIGINS,
      wechatTemplates: { 'feedback-status': 'tmpl-123', 'council-reminder': 'tmpl-456', 'scoring-sent-back': 'tmpl-789' },
    });
    const t = Template.fromStack(withTemplates);
    const fns = t.findResources('AWS::Lambda::Function') as Record<string, Resource>;
    for (const context of contexts) {
      const env = fns[withTemplates.getLogicalId(withTemplates.functions[context].node.defaultChild as CfnElement)]!.Properties.Environment.Variables;
      expect([context, env.WECHAT_TEMPLATE_FEEDBACK_STATUS]).toEqual([context, contextSecrets[context].includes('wechat') ? 'tmpl-123' : undefined]);
      expect([context, env.WECHAT_TEMPLATE_COUNCIL_REMINDER]).toEqual([context, contextSecrets[context].includes('wechat') ? 'tmpl-456' : undefined]);
      expect([context, env.WECHAT_TEMPLATE_SCORING_SENT_BACK]).toEqual([context, contextSecrets[context].includes('wechat') ? 'tmpl-789' : undefined]);
    }
    expect(environmentOf('feedback').WECHAT_TEMPLATE_FEEDBACK_STATUS).toBeUndefined();
  });
});

describe('schedules', () => {
  it('run every job of the job table on its rate, invoking its context function with { job }', () => {
    const rules = Object.values(resources('AWS::Events::Rule'));
    expect(rules).toHaveLength(allJobs().length);
    for (const job of allJobs()) {
      const rule = rules.find((r) => r.Properties.Targets?.[0]?.Input === JSON.stringify({ job: job.name }));
      expect(rule).toBeDefined();
      // CDK writes whole hours as hours
      const rate = job.everyMinutes % 60 === 0 ? `${job.everyMinutes / 60} hour` : `${job.everyMinutes} minute`;
      expect(rule!.Properties.ScheduleExpression).toMatch(new RegExp(`^rate\\(${rate}s?\\)$`));
      expect([...referencedIds(rule!.Properties.Targets[0].Arn)]).toEqual([logicalId(stack.functions[job.context])]);
    }
  });

  it('may invoke only those functions', () => {
    const permissions = Object.values(resources('AWS::Lambda::Permission')).filter((p) => p.Properties.Principal === 'events.amazonaws.com');
    expect(permissions.map((p) => [...referencedIds(p.Properties.FunctionName)][0]).sort()).toEqual(
      allJobs().map((j) => logicalId(stack.functions[j.context])).sort(),
    );
  });
});

describe('token signing key', () => {
  it('is an ECC P-256 signing key pair in KMS, replacing the shared HMAC secret', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    const key = resources('AWS::KMS::Key')[logicalId(stack.tokenKey)]!;
    expect(key.Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    // Nothing is encrypted under it: deleting it (after a cancellable week) only signs everyone out.
    expect(key.DeletionPolicy).toBe('Delete');
    expect(key.Properties.PendingWindowInDays).toBe(7);
  });

  it('grants functions nothing in its key policy: their roles carry the grants', () => {
    const key = resources('AWS::KMS::Key')[logicalId(stack.tokenKey)]!;
    const statements = key.Properties.KeyPolicy.Statement as Array<Record<string, any>>;
    expect(statements).toHaveLength(1);
    expect(JSON.stringify(statements[0]!.Principal)).toContain(':root');
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
    expect(table.Properties.SSESpecification.KMSMasterKeyId).toBeUndefined();
  });

  it.each(tableKeys)('%s: keys, indexes (projecting what their lists read) and TTL as its definition says', (key) => {
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
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...i.projection] },
      })),
    );
    if ('ttlAttribute' in def) {
      expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: def.ttlAttribute, Enabled: true });
    } else {
      expect(table.Properties.TimeToLiveSpecification).toBeUndefined();
    }
  });
});

describe('secrets', () => {
  it('are the WeChat credentials, shipped as an empty placeholder, and the generated key of secret ballots', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      SecretString: JSON.stringify({ appId: '', appSecret: '' }),
    });
    const ballot = resources('AWS::SecretsManager::Secret')[logicalId(stack.node.findChild('BallotKey') as never)]!;
    expect(ballot.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(ballot.Properties.SecretString).toBeUndefined();
    expect(ballot.DeletionPolicy).toBe('Retain');
    expect(contexts.filter((c) => contextSecrets[c].includes('ballot'))).toEqual(['council']);
  });
});

describe('alarms and dashboard', () => {
  const alarms = () => Object.values(resources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const topicId = () => logicalId(stack.alarmTopic);
  /** Metric names inside an alarm, plain or inside its math expression. */
  const metricNames = (a: Record<string, any>): string[] =>
    a.MetricName
      ? [a.MetricName]
      : (a.Metrics as Array<Record<string, any>>).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : []));

  it('all go to the alarm topic', () => {
    expect(alarms().length).toBeGreaterThan(0);
    for (const a of alarms()) expect([...referencedIds(a.AlarmActions)]).toEqual([topicId()]);
  });

  it.each(['Errors', 'Throttles'])("fire on any function's %s", (metric) => {
    for (const context of contexts) {
      const id = logicalId(stack.functions[context]);
      expect(alarms().some((a) => a.MetricName === metric && a.Threshold === 1 && referencedIds(a.Dimensions).has(id))).toBe(true);
    }
  });

  it("fire when a function's p99 duration nears its timeout", () => {
    for (const context of contexts) {
      const id = logicalId(stack.functions[context]);
      const timeoutMs = fnResource(context).Properties.Timeout * 1000;
      const alarm = alarms().find((a) => a.MetricName === 'Duration' && referencedIds(a.Dimensions).has(id));
      expect(alarm).toMatchObject({ ExtendedStatistic: 'p99' });
      expect(alarm!.Threshold).toBeLessThan(timeoutMs);
      expect(alarm!.Threshold).toBeGreaterThanOrEqual(timeoutMs / 2);
    }
  });

  it("fire on the API's 5xx answers, a high 4xx share (429 included) and a p99 latency of 3 s", () => {
    const api = alarms().filter((a) => JSON.stringify(a).includes('AWS/ApiGateway'));
    expect(api.some((a) => a.MetricName === '5xx' && a.Threshold === 1)).toBe(true);
    expect(api.some((a) => a.MetricName === 'Latency' && a.ExtendedStatistic === 'p99' && a.Threshold === 3000)).toBe(true);
    const rate = api.find((a) => !a.MetricName && metricNames(a).includes('4xx'));
    expect(metricNames(rate!).sort()).toEqual(['4xx', 'Count']);
  });

  it.each(['ThrottledRequests', 'SystemErrors'])('fire on %s of every table, summed over the operations called on it', (metric) => {
    for (const key of tableKeys) {
      const operations = [...new Set(contexts.flatMap((c) => contextTables[c][key] ?? []))].sort();
      const alarm = alarms().find((a) => metricNames(a)[0] === metric && referencedIds(a.Metrics).has(logicalId(stack.tables[key])));
      expect(alarm).toBeDefined();
      const stats = (alarm!.Metrics as Array<Record<string, any>>).filter((m) => m.MetricStat);
      const dimension = (m: Record<string, any>, name: string) =>
        (m.MetricStat.Metric.Dimensions as Array<{ Name: string; Value: unknown }>).find((d) => d.Name === name)!.Value;
      expect(stats.map((m) => dimension(m, 'Operation')).sort()).toEqual(operations);
      for (const m of stats) expect(dimension(m, 'TableName')).toEqual({ Ref: logicalId(stack.tables[key]) });
      // A missing operation series must count as 0, not blank out the sum.
      const [expression] = (alarm!.Metrics as Array<Record<string, any>>).filter((m) => m.Expression);
      expect(expression!.Expression.match(/FILL\(/g)).toHaveLength(operations.length);
    }
  });

  it('reach a topic that accepts publishing over TLS only, and lets this account’s alarms publish', () => {
    const [policy] = Object.values(resources('AWS::SNS::TopicPolicy'));
    expect([...referencedIds(policy!.Properties.Topics)]).toEqual([topicId()]);
    const statements = policy!.Properties.PolicyDocument.Statement as Array<Record<string, any>>;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: expect.objectContaining({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
      }),
    );
    // No KMS on the topic: CloudWatch cannot publish to one under the AWS-managed SNS key.
    expect(resources('AWS::SNS::Topic')[topicId()]!.Properties.KmsMasterKeyId).toBeUndefined();
  });

  it('are shown on one dashboard with the API, every function and every table', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const [dashboard] = Object.values(resources('AWS::CloudWatch::Dashboard'));
    const shown = referencedIds(dashboard!.Properties.DashboardBody);
    expect(shown).toContain(logicalId(stack.api));
    for (const context of contexts) expect(shown).toContain(logicalId(stack.functions[context]));
    for (const key of tableKeys) expect(shown).toContain(logicalId(stack.tables[key]));
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    const api = ['Count', '4xx', '5xx', 'Latency'];
    const functions = ['Invocations', 'Errors', 'Duration', 'Throttles'];
    const dynamo = ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits', 'ThrottledRequests', 'SystemErrors'];
    for (const metric of [...api, ...functions, ...dynamo]) expect(body).toContain(`\\"${metric}\\"`);
  });
});

describe('the teams context (dance-team registration)', () => {
  it('has its own function serving its routes, the public registration check among them', () => {
    expect(contexts).toContain('teams');
    const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    const integrations = resources('AWS::ApiGatewayV2::Integration');
    const teamsFn = logicalId(stack.functions.teams);
    for (const key of ['POST /v1/teams', 'POST /v1/admin/teams/{id}/decisions', 'GET /v1/team-registrations/{number}', 'GET /v1/venues/{id}/timetable']) {
      const route = routes.find((r) => r.Properties.RouteKey === key);
      expect([key, route]).toEqual([key, expect.anything()]);
      const [integrationId] = [...referencedIds(route!.Properties.Target)].filter((id) => id in integrations);
      expect([key, [...referencedIds(integrations[integrationId!]!.Properties.IntegrationUri)]]).toEqual([key, [teamsFn]]);
    }
    expect(fnResource('teams').Properties.Description).toBe(`Gongzhi teams context: ${routeTable.teams.length} routes`);
  });

  it('has its own table: pk/sk, the memberships, status and venue-places indexes, retained', () => {
    const table = resources('AWS::DynamoDB::Table')[logicalId(stack.tables.teams)]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect((table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string }>).map((i) => i.IndexName)).toEqual(['gsi1', 'gsi2', 'gsi3']);
    expect(environmentOf('teams').TABLE_TEAMS).toEqual({ Ref: logicalId(stack.tables.teams) });
  });

  it('may write only its own table and the audit trail, and only read single items of identity (the community) and feedback (a complaint)', () => {
    const id = (key: TableKey) => `${logicalId(stack.tables[key])}.Arn`;
    const perms = dynamoPermissions('teams');
    const on = (key: TableKey) => perms.filter((p) => p.endsWith(` on ${id(key)}`)).map((p) => p.split(' ')[0]).sort();
    expect(on('identity')).toEqual(['dynamodb:GetItem']);
    expect(on('feedback')).toEqual(['dynamodb:GetItem']);
    expect(on('audit')).toEqual(['dynamodb:PutItem']);
    expect(on('teams')).toEqual(['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(perms.filter((p) => p.includes('/index/')).sort()).toEqual(['gsi1', 'gsi2', 'gsi3'].map((ix) => `dynamodb:Query on ${id('teams')}/index/${ix}`));
  });

  it('signs no tokens, reads no secrets and touches no uploads', () => {
    const perms = permissionsOf('teams');
    expect(perms.filter((p) => /^(kms:Sign|secretsmanager:|s3:)/.test(p))).toEqual([]);
    expect(environmentOf('teams')).not.toHaveProperty('WECHAT_SECRET_ARN');
    expect(environmentOf('teams')).not.toHaveProperty('UPLOADS_BUCKET');
  });
});

describe('the council context (council issue voting)', () => {
  it('has its own function serving its routes', () => {
    expect(contexts).toContain('council');
    const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    const integrations = resources('AWS::ApiGatewayV2::Integration');
    const councilFn = logicalId(stack.functions.council);
    for (const key of ['POST /v1/admin/councils', 'POST /v1/motions/{id}/ballots', 'GET /v1/councils/{id}/decisions', 'GET /v1/feedback/{id}/motion']) {
      const route = routes.find((r) => r.Properties.RouteKey === key);
      expect([key, route]).toEqual([key, expect.anything()]);
      const [integrationId] = [...referencedIds(route!.Properties.Target)].filter((id) => id in integrations);
      expect([key, [...referencedIds(integrations[integrationId!]!.Properties.IntegrationUri)]]).toEqual([key, [councilFn]]);
    }
    expect(fnResource('council').Properties.Description).toBe(`Gongzhi council context: ${routeTable.council.length} routes`);
  });

  it('has its own table: pk/sk, the lists, decisions, closing and outbox indexes, retained', () => {
    const table = resources('AWS::DynamoDB::Table')[logicalId(stack.tables.council)]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect((table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string }>).map((i) => i.IndexName)).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4']);
    expect(environmentOf('council').TABLE_COUNCIL).toEqual({ Ref: logicalId(stack.tables.council) });
  });

  it('may write only its own table and the audit trail, and only read single items of identity (a person) and feedback', () => {
    const id = (key: TableKey) => `${logicalId(stack.tables[key])}.Arn`;
    const perms = dynamoPermissions('council');
    const on = (key: TableKey) => perms.filter((p) => p.endsWith(` on ${id(key)}`)).map((p) => p.split(' ')[0]).sort();
    expect(on('identity')).toEqual(['dynamodb:GetItem']);
    expect(on('feedback')).toEqual(['dynamodb:GetItem']);
    expect(on('audit')).toEqual(['dynamodb:PutItem']);
    expect(on('teams')).toEqual([]);
    expect(on('council')).toEqual(['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(perms.filter((p) => p.includes('/index/')).sort()).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4'].map((ix) => `dynamodb:Query on ${id('council')}/index/${ix}`));
  });

  it('reads the WeChat credentials (reminders) and the ballot key, signs no tokens and touches no uploads', () => {
    const perms = permissionsOf('council');
    expect(perms.filter((p) => /^(kms:Sign|s3:)/.test(p))).toEqual([]);
    expect(environmentOf('council').WECHAT_SECRET_ARN).toEqual({ Ref: expect.any(String) });
    expect(environmentOf('council')).not.toHaveProperty('UPLOADS_BUCKET');
  });

  it('closes motions, reminds voters and sends reminders on schedules', () => {
    const rules = Object.values(resources('AWS::Events::Rule'));
    for (const [job, rate] of [['close-due-motions', 'rate(1 minute)'], ['remind-council-voters', 'rate(5 minutes)'], ['deliver-council-notifications', 'rate(1 minute)']]) {
      const rule = rules.find((r) => r.Properties.Targets?.[0]?.Input === JSON.stringify({ job }));
      expect([job, rule?.Properties.ScheduleExpression]).toEqual([job, rate]);
      expect([...referencedIds(rule!.Properties.Targets[0].Arn)]).toEqual([logicalId(stack.functions.council)]);
    }
  });
});

describe('the scoring context (branch star rating and the Old Secretary Studio)', () => {
  it('has its own function serving its routes', () => {
    expect(contexts).toContain('scoring');
    const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    const integrations = resources('AWS::ApiGatewayV2::Integration');
    const scoringFn = logicalId(stack.functions.scoring);
    for (const key of ['POST /v1/admin/scoring/periods', 'PUT /v1/scoring/assessments/{id}/entries', 'POST /v1/scoring/assessments/{id}/result', 'GET /v1/scoring/star-distribution', 'POST /v1/admin/scoring/studio/sessions']) {
      const route = routes.find((r) => r.Properties.RouteKey === key);
      expect([key, route]).toEqual([key, expect.anything()]);
      const [integrationId] = [...referencedIds(route!.Properties.Target)].filter((id) => id in integrations);
      expect([key, [...referencedIds(integrations[integrationId!]!.Properties.IntegrationUri)]]).toEqual([key, [scoringFn]]);
    }
    expect(fnResource('scoring').Properties.Description).toBe(`Gongzhi scoring context: ${routeTable.scoring.length} routes`);
  });

  it('has its own table: pk/sk, the lists index, the branch-history index and the notifier’s index, retained', () => {
    const table = resources('AWS::DynamoDB::Table')[logicalId(stack.tables.scoring)]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect((table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string }>).map((i) => i.IndexName)).toEqual(['gsi1', 'gsi2', 'gsi3']);
    // the notifier's index lists items by their pending messages only: no message (nor anything else) is copied into it
    const outboxIndex = (table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string; KeySchema: unknown; Projection: unknown }>).find((i) => i.IndexName === 'gsi3')!;
    expect(outboxIndex.KeySchema).toEqual([
      { AttributeName: 'gsi3pk', KeyType: 'HASH' },
      { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
    ]);
    expect(outboxIndex.Projection).toEqual({ ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] });
    expect(environmentOf('scoring').TABLE_SCORING).toEqual({ Ref: logicalId(stack.tables.scoring) });
  });

  it('may write only its own table and the audit trail; reads identity (branches, a person) and queries the feedback counters', () => {
    const id = (key: TableKey) => `${logicalId(stack.tables[key])}.Arn`;
    const perms = dynamoPermissions('scoring');
    const on = (key: TableKey) => perms.filter((p) => p.endsWith(` on ${id(key)}`)).map((p) => p.split(' ')[0]).sort();
    expect(on('identity')).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(on('feedback')).toEqual(['dynamodb:Query']);
    expect(on('audit')).toEqual(['dynamodb:PutItem']);
    expect(on('teams')).toEqual([]);
    expect(on('scoring')).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(perms.filter((p) => p.includes(`${id('scoring')}/index/`)).sort()).toEqual(['gsi1', 'gsi2', 'gsi3'].map((ix) => `dynamodb:Query on ${id('scoring')}/index/${ix}`));
  });

  it('touches only its evidence uploads, signs no tokens and reads only the WeChat credentials (telling a secretary of a send-back)', () => {
    const perms = permissionsOf('scoring');
    expect(perms.filter((p) => /^kms:Sign/.test(p))).toEqual([]);
    const wechat = logicalId(stack.node.findChild('WechatCredentials') as never);
    expect(perms.filter((p) => p.startsWith('secretsmanager:')).sort()).toEqual([`secretsmanager:DescribeSecret on ref:${wechat}`, `secretsmanager:GetSecretValue on ref:${wechat}`]);
    expect(perms.filter((p) => p.startsWith('s3:')).map((p) => p.split('/').slice(1).join('/')).sort()).toEqual([
      'incoming/*',
      'incoming/*',
      'incoming/*',
      'stored/*/scoring-evidence/*',
      'stored/*/scoring-evidence/*',
    ]);
    expect(environmentOf('scoring').UPLOADS_BUCKET).toEqual({ Ref: expect.any(String) });
    expect(environmentOf('scoring').WECHAT_SECRET_ARN).toEqual({ Ref: wechat });
  });

  it('runs one schedule, the notifier of its outbox (an announcement’s end is read from the time)', () => {
    const rules = Object.values(resources('AWS::Events::Rule')).filter((r) => [...referencedIds(r.Properties.Targets)].includes(logicalId(stack.functions.scoring)));
    expect(rules.map((r) => [r.Properties.Targets[0].Input, r.Properties.ScheduleExpression])).toEqual([[JSON.stringify({ job: 'deliver-scoring-notifications' }), 'rate(1 minute)']]);
  });
});
