import * as path from 'node:path';
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { AttributeType, BillingMode, Operation, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { ContextName } from '../../shared/api';
import { routeKey } from '../../shared/api/endpoint';
import { tableEnvVar, tables, type TableKey } from '../../functions/src/db/tables';
import { CORS_ALLOW_HEADERS } from '../../functions/src/http/stack';
import {
  allJobs,
  allRoutes,
  contextSecrets,
  contextTables,
  contextUploads,
  routeTable,
  tokenIssuers,
  type TableAction,
} from '../../functions/src/routes';
import { INCOMING_PREFIX, uploadGrants } from '../../functions/src/uploads/keys';
import type { OutboxMessage } from '../../functions/src/notify/outbox';
import { wechatTemplateEnvVar } from '../../functions/src/notify/senders';
import { entryFor, lambdaRuntime, nodejsBundling, projectRoot } from './bundling';

export interface GongzhiStackProps extends StackProps {
  /**
   * The browser origins allowed to call the API (CORS allow-list of the gateway and of every function), each
   * `https://host[:port]` exactly as browsers send it. Required: there is no `*` default.
   */
  readonly corsOrigins: readonly string[];
  /** The community a first login joins (`DEFAULT_COMMUNITY_ID`). */
  readonly defaultCommunityId?: string;
  /** Where alarm notifications go; without it, subscribe to the `AlarmTopicArn` output by hand. */
  readonly alarmEmail?: string;
  /**
   * WeChat subscription-message template ids by message kind (mp.weixin.qq.com → 订阅消息), e.g.
   * `{ 'feedback-status': '…' }`: fields thing1 (the matter), phrase2 (the status), time3 (when). A kind without a
   * template is not sent (the notifier records why).
   */
  readonly wechatTemplates?: Readonly<Partial<Record<OutboxMessage['kind'], string>>>;
  /** Steady requests per second and burst the API's default stage accepts before answering 429. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

/**
 * Checks a CORS allow-list and returns it as a plain array; throws with the reason otherwise. Browsers send
 * `Origin` as scheme://host[:port] in lower case with no path, and the gateway and middy compare it verbatim,
 * so anything else would never match.
 */
export const checkCorsOrigins = (origins: readonly string[] | undefined): string[] => {
  const example = 'e.g. https://admin.example.cn';
  if (!origins?.length) throw new Error(`corsOrigins must list at least one https:// origin (${example}); there is no * default`);
  for (const origin of origins) {
    if (origin.includes('*')) throw new Error(`corsOrigins must not contain wildcards: "${origin}"`);
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed?.protocol !== 'https:' || parsed.origin !== origin) {
      throw new Error(`corsOrigins entry "${origin}" is not an https:// origin (lower case, no path or trailing slash; ${example})`);
    }
  }
  return [...origins];
};

/**
 * Reads the `corsOrigins` CDK context (`-c corsOrigins=https://a.cn,https://b.cn`, or a string array in
 * cdk.json) and checks it; a missing value fails with the command that supplies it.
 */
export const corsOriginsFromContext = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  const origins = list.map((o) => o.trim()).filter(Boolean);
  if (!origins.length) {
    throw new Error(
      'Missing CDK context corsOrigins: the https:// origins the admin page is served from, comma-separated. ' +
        'Pass it on the command line (npx cdk deploy -c corsOrigins=https://admin.example.cn) or set "corsOrigins" ' +
        'in the "context" of cdk.json. There is no * default.',
    );
  }
  return checkCorsOrigins(origins);
};

const pascal = (s: string): string => s.replace(/(^|[-_])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());

/** The DynamoDB operation (metric dimension) of each IAM action the route table may grant. */
const operationOf: Record<TableAction, Operation> = {
  GetItem: Operation.GET_ITEM,
  BatchGetItem: Operation.BATCH_GET_ITEM,
  PutItem: Operation.PUT_ITEM,
  UpdateItem: Operation.UPDATE_ITEM,
  DeleteItem: Operation.DELETE_ITEM,
  Query: Operation.QUERY,
};

/** A function's p99 duration above this share of its timeout raises an alarm: it is about to time out. */
const DURATION_ALARM_SHARE = 0.8;
const FUNCTION_TIMEOUT = Duration.seconds(10);

/**
 * Gongzhi in AWS: one DynamoDB table per table definition, one Lambda per bounded context, and an HTTP API
 * whose routes are the route table's. Nothing here repeats a route, a key schema or a permission: all are read
 * from `functions/src`.
 */
export class GongzhiStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<ContextName, NodejsFunction>;
  readonly tables: Record<TableKey, Table>;
  readonly tokenKey: Key;
  readonly uploadsBucket: Bucket;
  readonly uploadsAccessLogs: Bucket;
  readonly alarmTopic: Topic;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: GongzhiStackProps) {
    super(scope, id, props);
    const corsOrigins = checkCorsOrigins(props.corsOrigins);
    const throttle = props.throttle ?? { rateLimit: 50, burstLimit: 100 };

    // ---- Tables: keys and indexes from functions/src/db/tables.ts. Every key attribute holds a typed string
    // prefix (`C#<community>#…`), so all are STRING. Construct ids are derived from the table's key: renaming
    // one would make CloudFormation create a new (empty) table and orphan the retained old one.
    this.tables = {} as Record<TableKey, Table>;
    for (const key of Object.keys(tables) as TableKey[]) {
      const def: (typeof tables)[TableKey] = tables[key];
      const table = new Table(this, `${pascal(key)}Table`, {
        partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
        sortKey: 'sortKey' in def ? { name: def.sortKey, type: AttributeType.STRING } : undefined,
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: true,
        encryption: TableEncryption.AWS_MANAGED,
        removalPolicy: RemovalPolicy.RETAIN,
        timeToLiveAttribute: 'ttlAttribute' in def ? def.ttlAttribute : undefined,
      });
      // Each index carries only what its lists read: a page costs what its summaries weigh, not the items.
      for (const index of def.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
          projectionType: ProjectionType.INCLUDE,
          nonKeyAttributes: [...index.projection],
        });
      }
      this.tables[key] = table;
    }

    // ---- The token key: an ECDSA P-256 key pair whose private half never leaves KMS. Identity signs (ES256)
    // with kms:Sign; every function verifies with the public key, fetched once per cold start. DESTROY (after
    // the 7-day waiting period, during which deletion can be cancelled) rather than RETAIN: nothing is encrypted
    // under it and the tokens it signs are short-lived, so losing it only signs everyone out, while a retained
    // key would be billed monthly after `cdk destroy` with no use. Asymmetric keys cannot rotate automatically.
    this.tokenKey = new Key(this, 'TokenSigningKey', {
      description: 'Gongzhi: signs access tokens (ES256). Only token issuers may sign; every function reads the public key.',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });

    /*
     * WeChat mini-program credentials: deployed as a placeholder, filled once by the operator with the values
     * from mp.weixin.qq.com (开发管理 → 开发设置):
     *   aws secretsmanager put-secret-value --secret-id <WechatSecretArn output> \
     *     --secret-string '{"appId":"wx…","appSecret":"…"}'
     * Later deploys leave the stored value alone as long as the placeholder below is not edited. Until it is
     * filled, WeChat login fails with a logged "WeChat secret lacks appId/appSecret"; staff login still works.
     */
    const wechatSecret = new Secret(this, 'WechatCredentials', {
      description: 'Gongzhi: WeChat mini-program {"appId","appSecret"} (fill by hand after the first deploy)',
      secretObjectValue: { appId: SecretValue.unsafePlainText(''), appSecret: SecretValue.unsafePlainText('') },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(wechatSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'The WeChat AppSecret is issued by WeChat (mp.weixin.qq.com, development settings) and Secrets Manager ' +
          'cannot reset it there; the operator resets it by hand and stores the new value with put-secret-value.',
      },
    ]);

    /*
     * The key of secret ballots' keys (functions/src/council/ballot-key.ts): a random value made by Secrets Manager
     * at the first deploy, readable by the council function only. A secret ballot is stored under a keyed hash of
     * member and motion, so the table alone links no member to a choice. RETAIN: without it, the members of motions
     * still voting could not be told apart from their ballots.
     */
    const ballotSecret = new Secret(this, 'BallotKey', {
      description: 'Gongzhi: the key that hides who cast which secret council ballot (generated; never set by hand)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(ballotSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Rotating it would cut the link from each member to their own ballot on motions still voting (no change of ' +
          'ballot, no "has voted" mark); it is readable by the council function alone and never leaves AWS.',
      },
    ]);

    // ---- Uploads (feedback photos now; evidence and attachments next): one private bucket. Devices upload with
    // presigned POSTs into `incoming/` (forgotten after a day unless the functions check and move them to
    // `stored/`) and read through signed URLs; nothing is public. SSE-S3 rather than a KMS key: a customer key
    // would cost a monthly fee and a kms:Decrypt grant behind every signed URL, and keep out no one who cannot
    // already read the bucket. No versioning: a replaced or removed photo must really be gone. RETAIN: residents' reports keep their
    // photos whatever happens to the stack. CORS lets the admin page's origins post forms; reads are <img> loads
    // and need none.
    //
    // Server access logs go to a small bucket of their own (cdk-nag S1), kept 90 days: the photos are personal
    // data and a signed URL is a bearer link, so the access log is the record of who fetched which photo from
    // where (CloudTrail's data events would cost per request). A leaked photo is noticed later than an API fault,
    // hence longer than the API's month of access logs.
    this.uploadsAccessLogs = new Bucket(this, 'UploadsAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.uploadsAccessLogs, [
      {
        id: 'AwsSolutions-S1',
        reason:
          'This bucket is the access log of the uploads bucket: only S3 log delivery writes to it (bucket policy, ' +
          'this account and bucket only). Logging it in turn would take another log bucket, and that one another.',
      },
    ]);
    this.uploadsBucket = new Bucket(this, 'UploadsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: false,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.uploadsAccessLogs,
      serverAccessLogsPrefix: 'uploads/',
      lifecycleRules: [
        { id: 'ForgetUncheckedUploads', prefix: INCOMING_PREFIX, expiration: Duration.days(1) },
        { id: 'AbortIncompleteMultipartUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [{ allowedMethods: [HttpMethods.POST], allowedOrigins: corsOrigins, maxAge: 600 }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const uploadsBucketId = this.getLogicalId(this.uploadsBucket.node.defaultChild as CfnBucket);

    // ---- One Lambda per bounded context, each with its own role that may do exactly what its code does.
    // GONGZHI_DEV_LOGIN is never set here (and the code refuses it inside Lambda anyway); tests/infra proves
    // the first half.
    const contexts = Object.keys(routeTable) as ContextName[];
    this.functions = {} as Record<ContextName, NodejsFunction>;
    for (const context of contexts) {
      const name = pascal(context);
      const used = Object.entries(contextTables[context]) as Array<[TableKey, readonly TableAction[]]>;
      const environment: Record<string, string> = {
        POWERTOOLS_SERVICE_NAME: `gongzhi-${context}`,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        DEFAULT_COMMUNITY_ID: props.defaultCommunityId ?? 'baogong-qingnian',
        CORS_ORIGINS: corsOrigins.join(','),
        TOKEN_KEY_ARN: this.tokenKey.keyArn,
      };
      for (const [key] of used) environment[tableEnvVar(key)] = this.tables[key].tableName;
      if (contextSecrets[context].includes('wechat')) {
        environment.WECHAT_SECRET_ARN = wechatSecret.secretArn;
        for (const [kind, template] of Object.entries(props.wechatTemplates ?? {}))
          if (template) environment[wechatTemplateEnvVar(kind as OutboxMessage['kind'])] = template;
      }
      if (contextSecrets[context].includes('ballot')) environment.BALLOT_KEY_SECRET_ARN = ballotSecret.secretArn;
      const grants = uploadGrants(contextUploads[context]);
      if (grants.length) environment.UPLOADS_BUCKET = this.uploadsBucket.bucketName;

      // Its own role instead of AWSLambdaBasicExecutionRole: that managed policy may write to any log group.
      const logGroup = new LogGroup(this, `${name}Logs`, { retention: RetentionDays.ONE_MONTH });
      const role = new Role(this, `${name}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `Gongzhi ${context} function`,
      });
      logGroup.grantWrite(role);

      const fn = new NodejsFunction(this, `${name}Function`, {
        description: `Gongzhi ${context} context: ${routeTable[context].length} routes`,
        entry: entryFor(context),
        handler: 'handler',
        projectRoot,
        depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
        runtime: lambdaRuntime,
        architecture: Architecture.ARM_64,
        memorySize: 512,
        timeout: FUNCTION_TIMEOUT,
        environment,
        bundling: nodejsBundling,
        logGroup,
        role,
      });

      // Exactly the DynamoDB actions the route table lists for this context, on its tables; Query also on
      // those tables' indexes, each named (no `index/*`).
      for (const [key, actions] of used) {
        const table = this.tables[key];
        role.addToPrincipalPolicy(
          new PolicyStatement({ actions: actions.map((a) => `dynamodb:${a}`), resources: [table.tableArn] }),
        );
        if (actions.includes('Query') && tables[key].indexes.length) {
          role.addToPrincipalPolicy(
            new PolicyStatement({
              actions: ['dynamodb:Query'],
              resources: tables[key].indexes.map((ix) => `${table.tableArn}/index/${ix.name}`),
            }),
          );
        }
      }
      this.tokenKey.grant(role, 'kms:GetPublicKey');
      if (tokenIssuers.includes(context)) this.tokenKey.grant(role, 'kms:Sign');
      if (contextSecrets[context].includes('wechat')) wechatSecret.grantRead(role);
      if (contextSecrets[context].includes('ballot')) ballotSecret.grantRead(role);
      // Exactly the object actions the uploads code calls for this context's purposes, on their keys only.
      for (const grant of grants) {
        role.addToPrincipalPolicy(
          new PolicyStatement({ actions: [...grant.actions], resources: [this.uploadsBucket.arnForObjects(grant.keyPattern)] }),
        );
      }
      if (grants.length) {
        NagSuppressions.addResourceSuppressions(
          role,
          [
            {
              id: 'AwsSolutions-IAM5',
              reason:
                'Object keys are made per upload (a random uuid), so the narrowest static scope is the key prefix: ' +
                '`incoming/*` (where devices upload; the function checks that a key is the caller’s own ' +
                '`incoming/<community>/<user>/` before it touches it) and `stored/*/<purpose>/*` for the purposes ' +
                `this context serves (${contextUploads[context].join(', ')}). No bucket-wide or action wildcard.`,
              appliesTo: grants.map((g) => `Resource::<${uploadsBucketId}.Arn>/${g.keyPattern}`),
            },
          ],
          true,
        );
      }

      NagSuppressions.addResourceSuppressions(fn, [
        {
          id: 'AwsSolutions-L1',
          reason:
            `${lambdaRuntime.name} is the runtime infra/lib/bundling.ts pins together with the esbuild target and the ` +
            'bundle test; moving to a newer Node.js is a deliberate change of both, not a deploy-time default.',
        },
      ]);
      this.functions[context] = fn;
    }

    // ---- Schedules: one rule per job of the job table, invoking its context's function with `{ "job": name }`
    // (deadlines that must pass without a reader, e.g. closing unrated feedback). `npm start` runs the same jobs
    // on timers.
    for (const job of allJobs()) {
      new Rule(this, `${pascal(job.name)}Schedule`, {
        description: `Gongzhi ${job.context}: run the ${job.name} job`,
        schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [new LambdaFunction(this.functions[job.context], { event: RuleTargetInput.fromObject({ job: job.name }), retryAttempts: 2 })],
      });
    }

    // ---- The HTTP API: one route per route-table entry, to its context's function. Tokens are checked in the
    // functions (no API Gateway authorizer), so the same request path runs in AWS and locally.
    const methods = [...new Set(allRoutes().map((r) => r.endpoint.method))];
    this.api = new HttpApi(this, 'Api', {
      apiName: 'gongzhi',
      description: 'Gongzhi 共治 HTTP API (/v1)',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: corsOrigins,
        allowMethods: methods.map((m) => CorsHttpMethod[m]),
        allowHeaders: [...CORS_ALLOW_HEADERS],
        maxAge: Duration.minutes(10),
      },
    });
    // A method + path listed twice is a bug in the route table: say so plainly.
    const keys = allRoutes().map((r) => routeKey(r.endpoint));
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate) throw new Error(`route table lists ${duplicate} twice`);

    // Access log: who asked for what and how it went; no headers, no bodies, no tokens.
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            ip: AccessLogField.contextIdentitySourceIp(),
            routeKey: AccessLogField.contextRouteKey(),
            status: AccessLogField.contextStatus(),
            responseLength: AccessLogField.contextResponseLength(),
            integrationLatency: AccessLogField.contextIntegrationLatency(),
          }),
        ),
      },
    });

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    const throttledRoutes: HttpRoute[] = [];
    for (const context of contexts) {
      const integration = new HttpLambdaIntegration(`${pascal(context)}Integration`, this.functions[context]);
      for (const route of routeTable[context]) {
        const { endpoint } = route;
        const [httpRoute] = this.api.addRoutes({ path: endpoint.path, methods: [HttpMethod[endpoint.method]], integration });
        const key = routeKey(endpoint);
        NagSuppressions.addResourceSuppressions(httpRoute!, [
          {
            id: 'AwsSolutions-APIG4',
            reason:
              endpoint.access === 'public'
                ? `${key} is public by its contract (health, the OpenAPI document, or a sign-in that issues the token).`
                : `No gateway authorizer by design: the ${context} function's middy stack verifies the ES256 ` +
                  `access token with the KMS public key and checks the route's roles before ${key} runs ` +
                  '(one request path in AWS and locally).',
          },
        ]);
        if (endpoint.throttle) {
          const { rateLimit, burstLimit } = endpoint.throttle;
          if (rateLimit > throttle.rateLimit || burstLimit > throttle.burstLimit) {
            throw new Error(
              `${key}: its throttle (${rateLimit}/s, burst ${burstLimit}) must not exceed the stage's ` +
                `(${throttle.rateLimit}/s, burst ${throttle.burstLimit})`,
            );
          }
          routeSettings[key] = { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit };
          throttledRoutes.push(httpRoute!);
        }
      }
    }
    // HTTP API per-route throttles live on the stage (the L2 has no prop for them), and API Gateway refuses a
    // stage whose route settings name a route that does not exist yet: the stage waits for those routes.
    if (throttledRoutes.length) {
      const cfnStage = this.stage.node.defaultChild as CfnStage;
      cfnStage.routeSettings = routeSettings;
      cfnStage.node.addDependency(...throttledRoutes);
    }

    // ---- Alarms, all to one topic. Publishing requires TLS (SNS3). No KMS encryption of the topic: alarm texts
    // carry no personal data, and CloudWatch cannot publish to a topic under the AWS-managed SNS key, so it
    // would take a customer key (a monthly fee plus a key policy) to protect nothing.
    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: 'Gongzhi alarms', enforceSSL: true });
    // With a topic policy in place SNS no longer applies its default one: CloudWatch must be let in explicitly,
    // and only for this account's alarms.
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowThisAccountsAlarms',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': this.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
          StringEquals: { 'aws:SourceAccount': this.account },
        },
      }),
    );
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const alarmAction = new SnsAction(this.alarmTopic);
    const fiveMinutes = Duration.minutes(5);
    const alarm = (id: string, metric: IMetric, threshold: number, description: string) =>
      new Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(alarmAction);

    // Functions: errors, throttles (concurrency exhausted), and a p99 close to the timeout.
    const durationLimit = FUNCTION_TIMEOUT.toMilliseconds() * DURATION_ALARM_SHARE;
    for (const context of contexts) {
      const fn = this.functions[context];
      const name = pascal(context);
      alarm(
        `${name}ErrorsAlarm`,
        fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        1,
        `Gongzhi ${context} function: errors (uncaught exceptions or timeouts) in 5 minutes`,
      );
      alarm(
        `${name}ThrottlesAlarm`,
        fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
        1,
        `Gongzhi ${context} function: invocations throttled (concurrency exhausted) in 5 minutes`,
      );
      alarm(
        `${name}DurationAlarm`,
        fn.metricDuration({ period: fiveMinutes, statistic: 'p99' }),
        durationLimit,
        `Gongzhi ${context} function: p99 duration over 5 minutes at ${durationLimit} ms or more ` +
          `(timeout ${FUNCTION_TIMEOUT.toSeconds()} s)`,
      );
    }

    // The API. HTTP APIs publish no throttle metric: a 429 counts as a 4xx, so a stage throttle shows up in
    // the 4xx rate below, and a Lambda throttle (a 5xx to the caller) in the per-function throttle alarms.
    const requests = this.api.metricCount({ period: fiveMinutes, statistic: 'Sum' });
    const clientErrors = this.api.metricClientError({ period: fiveMinutes, statistic: 'Sum' });
    const serverErrors = this.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    alarm('Api5xxAlarm', serverErrors, 1, 'Gongzhi HTTP API: 5xx answers in 5 minutes');
    alarm(
      'Api4xxRateAlarm',
      new MathExpression({
        // Quiet periods are too small to judge: below 20 requests the rate counts as 0. FILL: one missing
        // variable would leave the whole expression without data.
        expression: 'IF(FILL(requests, 0) >= 20, 100 * FILL(clientErrors, 0) / FILL(requests, 0), 0)',
        usingMetrics: { requests, clientErrors },
        period: fiveMinutes,
        label: '4xx share of requests (%)',
      }),
      25,
      'Gongzhi HTTP API: 25 % or more of 20+ requests in 5 minutes answered 4xx (429 included): ' +
        'a broken client, guessing, or the stage throttle',
    );
    alarm(
      'ApiLatencyAlarm',
      this.api.metricLatency({ period: fiveMinutes, statistic: 'p99' }),
      3000,
      'Gongzhi HTTP API: p99 latency over 5 minutes at 3 s or more',
    );

    // Tables: throttled requests and DynamoDB's own errors, summed over the operations the contexts call on
    // each (both metrics exist per operation only). Built here rather than with the table's
    // metric…ForOperations: its plain `a + b` has no data whenever one operation has none (so a throttled
    // Query alone would never alarm), and its per-operation ids clash when two such sums share a graph.
    const operationsOn = (key: TableKey): Operation[] => [
      ...new Set(contexts.flatMap((c) => contextTables[c][key] ?? []).map((a) => operationOf[a])),
    ];
    const sumOverOperations = (key: TableKey, metricName: 'ThrottledRequests' | 'SystemErrors'): MathExpression => {
      const prefix = `${key}_${metricName}_`.toLowerCase();
      const usingMetrics = Object.fromEntries(
        operationsOn(key).map((op) => [
          `${prefix}${op.toLowerCase()}`,
          this.tables[key].metric(metricName, {
            dimensionsMap: { TableName: this.tables[key].tableName, Operation: op },
            statistic: 'Sum',
            period: fiveMinutes,
          }),
        ]),
      );
      return new MathExpression({
        expression: Object.keys(usingMetrics).map((id) => `FILL(${id}, 0)`).join(' + '),
        usingMetrics,
        period: fiveMinutes,
        label: `${key} ${metricName}`,
      });
    };
    // A table no context touches has no operation to watch (and a sum over nothing is no metric).
    const tableKeysInUse = (Object.keys(this.tables) as TableKey[]).filter((k) => operationsOn(k).length);
    for (const key of tableKeysInUse) {
      const name = pascal(key);
      alarm(
        `${name}TableThrottlesAlarm`,
        sumOverOperations(key, 'ThrottledRequests'),
        1,
        `Gongzhi ${key} table: throttled requests in 5 minutes`,
      );
      alarm(
        `${name}TableSystemErrorsAlarm`,
        sumOverOperations(key, 'SystemErrors'),
        1,
        `Gongzhi ${key} table: DynamoDB system errors (HTTP 500) in 5 minutes`,
      );
    }

    // ---- One dashboard: the API, every function, every table.
    const perFunction = (metric: (fn: NodejsFunction, label: string) => IMetric) =>
      contexts.map((c) => metric(this.functions[c], c));
    const perTable = (metric: (table: Table, key: TableKey) => IMetric) =>
      (Object.keys(this.tables) as TableKey[]).map((k) => metric(this.tables[k], k));
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'API requests, 4xx, 5xx', left: [requests, clientErrors, serverErrors], width: 12 }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [
          this.api.metricLatency({ period: fiveMinutes, statistic: 'p50', label: 'p50' }),
          this.api.metricLatency({ period: fiveMinutes, statistic: 'p99', label: 'p99' }),
          this.api.metricIntegrationLatency({ period: fiveMinutes, statistic: 'p99', label: 'integration p99' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function invocations',
        left: perFunction((f, label) => f.metricInvocations({ period: fiveMinutes, label })),
        width: 6,
      }),
      new GraphWidget({
        title: 'Function errors',
        left: perFunction((f, label) => f.metricErrors({ period: fiveMinutes, label })),
        width: 6,
      }),
      new GraphWidget({
        title: 'Function duration p99 (ms)',
        left: perFunction((f, label) => f.metricDuration({ period: fiveMinutes, statistic: 'p99', label })),
        width: 6,
      }),
      new GraphWidget({
        title: 'Function throttles',
        left: perFunction((f, label) => f.metricThrottles({ period: fiveMinutes, label })),
        width: 6,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Table consumed capacity (read / write units)',
        left: perTable((t, k) => t.metricConsumedReadCapacityUnits({ period: fiveMinutes, label: `${k} read` })),
        right: perTable((t, k) => t.metricConsumedWriteCapacityUnits({ period: fiveMinutes, label: `${k} write` })),
        width: 12,
      }),
      new GraphWidget({
        title: 'Table throttled requests and system errors',
        left: tableKeysInUse.flatMap((k) => [sumOverOperations(k, 'ThrottledRequests'), sumOverOperations(k, 'SystemErrors')]),
        width: 12,
      }),
    );

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the API (append v1/…)' });
    new CfnOutput(this, 'WechatSecretArn', {
      value: wechatSecret.secretArn,
      description: 'Fill with {"appId","appSecret"} after the first deploy',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn, description: 'Subscribe to get alarms' });
    new CfnOutput(this, 'DashboardName', { value: this.dashboard.dashboardName, description: 'CloudWatch dashboard' });
  }
}
