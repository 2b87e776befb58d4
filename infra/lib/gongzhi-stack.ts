import * as path from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { ContextName } from '../../shared/api';
import { routeKey } from '../../shared/api/endpoint';
import { tableEnvVar, tables, type TableKey } from '../../functions/src/db/tables';
import { CORS_ALLOW_HEADERS } from '../../functions/src/http/stack';
import { allRoutes, contextSecrets, contextTables, routeTable } from '../../functions/src/routes';
import { entryFor, lambdaRuntime, nodejsBundling, projectRoot } from './bundling';

export interface GongzhiStackProps extends StackProps {
  /** Origins the browser app is served from (`CORS_ORIGINS`); `['*']` when unset. */
  readonly corsOrigins?: readonly string[];
  /** The community a first login joins (`DEFAULT_COMMUNITY_ID`). */
  readonly defaultCommunityId?: string;
  /** Where alarm notifications go; without it, subscribe to the `AlarmTopicArn` output by hand. */
  readonly alarmEmail?: string;
  /** Steady requests per second and burst the API's default stage accepts before answering 429. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}


const pascal = (s: string): string => s.replace(/(^|[-_])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());

/**
 * Gongzhi in AWS: one DynamoDB table per table definition, one Lambda per bounded context, and an HTTP API
 * whose routes are the route table's. Nothing here repeats a route or a key schema: both are read from
 * `functions/src`.
 */
export class GongzhiStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<ContextName, NodejsFunction>;
  readonly tables: Record<TableKey, Table>;

  constructor(scope: Construct, id: string, props: GongzhiStackProps = {}) {
    super(scope, id, props);
    const corsOrigins = props.corsOrigins?.length ? [...props.corsOrigins] : ['*'];
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
      for (const index of def.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
        });
      }
      this.tables[key] = table;
    }

    // ---- Secrets. Neither value ever appears in the template or in a function's environment: the functions
    // get the ARN and read the value at cold start.
    const jwtSecret = new Secret(this, 'JwtSigningSecret', {
      description: 'Gongzhi: HMAC key that signs access tokens (HS256). Rotating it signs everyone out.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
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

    // ---- One Lambda per bounded context. GONGZHI_DEV_LOGIN is never set here (and the code refuses it inside
    // Lambda anyway); tests/infra proves the first half.
    const contexts = Object.keys(routeTable) as ContextName[];
    this.functions = {} as Record<ContextName, NodejsFunction>;
    for (const context of contexts) {
      const name = pascal(context);
      const environment: Record<string, string> = {
        POWERTOOLS_SERVICE_NAME: `gongzhi-${context}`,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        DEFAULT_COMMUNITY_ID: props.defaultCommunityId ?? 'baogong-qingnian',
        CORS_ORIGINS: corsOrigins.join(','),
        JWT_SECRET_ARN: jwtSecret.secretArn,
      };
      for (const key of contextTables[context]) environment[tableEnvVar(key)] = this.tables[key].tableName;
      if (contextSecrets[context].includes('wechat')) environment.WECHAT_SECRET_ARN = wechatSecret.secretArn;

      const fn = new NodejsFunction(this, `${name}Function`, {
        description: `Gongzhi ${context} context: ${routeTable[context].length} routes`,
        entry: entryFor(context),
        handler: 'handler',
        projectRoot,
        depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
        runtime: lambdaRuntime,
        architecture: Architecture.ARM_64,
        memorySize: 512,
        timeout: Duration.seconds(10),
        environment,
        bundling: nodejsBundling,
        logGroup: new LogGroup(this, `${name}Logs`, { retention: RetentionDays.ONE_MONTH }),
      });
      for (const key of contextTables[context]) this.tables[key].grantReadWriteData(fn);
      jwtSecret.grantRead(fn);
      if (contextSecrets[context].includes('wechat')) wechatSecret.grantRead(fn);
      this.functions[context] = fn;
    }

    // ---- The HTTP API: one route per route-table entry, to its context's function. Tokens are checked in the
    // functions (no API Gateway authorizer), so every route is open at the gateway.
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
    this.stage = this.api.addStage('DefaultStage', { stageName: '$default', autoDeploy: true, throttle });
    for (const context of contexts) {
      const integration = new HttpLambdaIntegration(`${pascal(context)}Integration`, this.functions[context]);
      for (const route of routeTable[context]) {
        this.api.addRoutes({ path: route.endpoint.path, methods: [HttpMethod[route.endpoint.method]], integration });
      }
    }

    // ---- Alarms: any function error, or any 5xx from the API, within five minutes.
    const alarmTopic = new Topic(this, 'AlarmTopic', { displayName: 'Gongzhi alarms' });
    if (props.alarmEmail) alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const alarm = (id: string, metric: IMetric, description: string) =>
      new Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(new SnsAction(alarmTopic));
    for (const context of contexts) {
      alarm(
        `${pascal(context)}ErrorsAlarm`,
        this.functions[context].metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        `Gongzhi ${context} function: errors (uncaught exceptions or timeouts) in 5 minutes`,
      );
    }
    alarm(
      'Api5xxAlarm',
      this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      'Gongzhi HTTP API: 5xx answers in 5 minutes',
    );

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the API (append v1/…)' });
    new CfnOutput(this, 'WechatSecretArn', {
      value: wechatSecret.secretArn,
      description: 'Fill with {"appId","appSecret"} after the first deploy',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn, description: 'Subscribe to get alarms' });
  }
}
