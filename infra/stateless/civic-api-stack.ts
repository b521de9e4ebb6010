import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  type FunctionDefinition,
  ROUTES,
  routeKey,
  routeTableProblems,
  SCHEDULED_FUNCTIONS,
  STREAM_FUNCTIONS,
  WORKFLOW_FUNCTIONS,
} from '../../shared/functions/route-table';
import { corsOrigins, siteSettings } from '../site-settings';
import type { CivicDataStack } from '../stateful/civic-data-stack';
import { CaseLifecycle } from './case-lifecycle';
import { CivicFunction } from './civic-function';
import { type Lifecycle, wireFunction } from './route-environment';

export interface CivicApiStackProps extends StackProps {
  readonly data: CivicDataStack;
}

/** Requests per second for the whole stage, and for each public write route (abuse resistance). */
export const STAGE_THROTTLE = { rateLimit: 200, burstLimit: 400 };
export const PUBLIC_WRITE_THROTTLE = { rateLimit: 20, burstLimit: 40 };

const WHY_NO_AUTHORIZER = {
  public:
    'Citizen route: citizens have no accounts. The function validates input and applies per-client limits; the stage and route are throttled.',
  'citizen-or-staff':
    'Serves citizens (query code) and staff (Bearer JWT) on one path; the function verifies the JWT itself against the same issuer, audience, JWKS and scope as the authorizer.',
} as const;

/** The stateless half: one function per route behind an HTTP API. */
export class CivicApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions: ReadonlyMap<string, CivicFunction>;
  readonly lifecycle: CaseLifecycle;
  readonly notificationTopic: Topic;
  /** Stream batches that kept failing (statistics, notices), for `npm run redrive`. */
  readonly streamFailures: Queue;

  constructor(scope: Construct, id: string, props: CivicApiStackProps) {
    super(scope, id, props);
    const { data } = props;
    const functions = new Map<string, CivicFunction>();

    // Notifications (reply ready, rating request, supervision, overdue) go to the outbox table and
    // to this topic; SMS and other channels subscribe to it.
    this.notificationTopic = new Topic(this, 'CaseNotifications', {
      displayName: 'CivicLine case notifications',
      masterKey: data.dataKey,
      enforceSSL: true,
    });
    const workflowFunction = (definition: FunctionDefinition) => {
      const fn = new CivicFunction(this, pascalCase(definition.functionName), {
        functionName: definition.functionName,
      });
      functions.set(definition.functionName, fn);
      return fn;
    };
    const steps = {
      plan: workflowFunction(WORKFLOW_FUNCTIONS.plan),
      await: workflowFunction(WORKFLOW_FUNCTIONS.await),
      escalate: workflowFunction(WORKFLOW_FUNCTIONS.escalate),
      closeUnrated: workflowFunction(WORKFLOW_FUNCTIONS.closeUnrated),
    };
    this.lifecycle = new CaseLifecycle(this, 'CaseLifecycle', steps);
    const lifecycle: Lifecycle = {
      stateMachine: this.lifecycle.stateMachine,
      notificationTopic: this.notificationTopic,
    };
    for (const [key, definition] of Object.entries(WORKFLOW_FUNCTIONS)) {
      const fn = steps[key as keyof typeof steps];
      for (const [name, value] of Object.entries(wireFunction(this, definition, data, fn, lifecycle)))
        fn.addEnvironment(name, value);
    }
    // CORS only for the site and the front ends cdk.json names (`civicline:site`).
    const allowOrigins = corsOrigins(siteSettings(this.node));
    this.api = new HttpApi(this, 'CivicApi', {
      apiName: 'civicline',
      createDefaultStage: false,
      ...(allowOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins,
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PATCH,
                CorsHttpMethod.DELETE,
                CorsHttpMethod.OPTIONS,
              ],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-query-code'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.SIX_MONTHS });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No headers, bodies or query strings: access logs must not collect contact data.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const staffJwt = data.staffTokens.authorizer();
    const staffScopes = [data.staffTokens.claims.scope];
    // A JSON map in CloudFormation: property names are written as CloudFormation spells them.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    // A route table the types let through but that would open a door fails the synth.
    const problems = routeTableProblems(ROUTES);
    if (problems.length > 0) throw new Error(`The route table is not deployable:\n${problems.join('\n')}`);
    const routesOf = new Map<string, number>();
    for (const route of ROUTES) {
      const id = pascalCase(route.functionName);
      // A function serving several routes (an Open311 resource in JSON and XML) is created once.
      const served = routesOf.get(route.functionName) ?? 0;
      routesOf.set(route.functionName, served + 1);
      let fn = functions.get(route.functionName);
      if (!fn) {
        fn = new CivicFunction(this, id, { functionName: route.functionName });
        for (const [name, value] of Object.entries(wireFunction(this, route, data, fn, lifecycle)))
          fn.addEnvironment(name, value);
      }
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}Integration${served === 0 ? '' : served + 1}`, fn),
        ...(route.access === 'staff' ? { authorizer: staffJwt, authorizationScopes: staffScopes } : {}),
      });
      if (httpRoute && route.access !== 'staff') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason: WHY_NO_AUTHORIZER[route.access],
        });
      }
      if (route.access === 'public' && route.method === 'POST') {
        routeSettings[routeKey(route)] = {
          ThrottlingRateLimit: PUBLIC_WRITE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: PUBLIC_WRITE_THROTTLE.burstLimit,
        };
      }
      functions.set(route.functionName, fn);
    }
    // In the cloud an open case whose workflow failed or never started is picked up within the hour.
    const sweep = workflowFunction(SCHEDULED_FUNCTIONS.resumeStalledCases);
    for (const [name, value] of Object.entries(
      wireFunction(this, SCHEDULED_FUNCTIONS.resumeStalledCases, data, sweep, lifecycle),
    )) {
      sweep.addEnvironment(name, value);
    }
    new Rule(this, 'ResumeStalledCasesHourly', {
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(sweep, { retryAttempts: 2 })],
    });
    // Statistics and notices follow the tables' streams; what keeps failing waits here for redrive.
    // A failure record names shards and sequence numbers, never an item's data: SQS-managed
    // encryption suffices, and the mappings need no grant on the data key.
    this.streamFailures = new Queue(this, 'StreamFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.streamFailures).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This queue is itself the failure destination of the stream event source mappings.',
    });
    // `npm run redrive -- --queue-url <this>` sends the failed batches to their functions again.
    new CfnOutput(this, 'StreamFailuresQueueUrl', { value: this.streamFailures.queueUrl });
    for (const definition of Object.values(STREAM_FUNCTIONS)) {
      const fn = workflowFunction(definition);
      for (const [name, value] of Object.entries(wireFunction(this, definition, data, fn, lifecycle)))
        fn.addEnvironment(name, value);
      for (const source of definition.stream.sources) {
        fn.addEventSource(
          new DynamoEventSource(data.tables[source], {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: definition.stream.batchSize,
            maxBatchingWindow: Duration.seconds(definition.stream.batchingWindowSeconds),
            retryAttempts: definition.stream.retryAttempts,
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            onFailure: new SqsDlq(this.streamFailures),
          }),
        );
      }
    }
    (stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
    this.functions = functions;
  }
}

export function pascalCase(kebab: string): string {
  return kebab
    .split('-')
    .map((part) => `${part[0]?.toUpperCase()}${part.slice(1)}`)
    .join('');
}
