import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { departmentItem, departmentOf } from '../../shared/adapters/dynamo-department-directory';
import { dynamoDepartmentRegistry } from '../../shared/adapters/dynamo-department-registry';
import { dynamoStaffDirectory } from '../../shared/adapters/dynamo-staff-directory';
import { isRetryableFault, retryingFaults } from '../../shared/adapters/retryable-faults';
import { LISTED } from '../../shared/adapters/table-schemas';
import { LOCAL_SITE_CONFIG, type SiteConfig } from '../../shared/contract/site-config';
import {
  ROUTES,
  SCHEDULED_FUNCTIONS,
  STREAM_FUNCTIONS,
  WORKFLOW_FUNCTIONS,
} from '../../shared/functions/route-table';
import { COGNITO_CLAIMS } from '../../shared/http/staff-claims';
import type { StaffDirectory } from '../../shared/ports/staff-directory';
import { SETTING_ENV, STAFF_TOKEN_ENV, type TableRole } from '../../shared/runtime/environment';
import { resumeOpenCases } from '../../shared/use-cases/resume-stalled-cases';
import { CACHE_DIR, functionEntry } from '../project-paths';
import { consoleSignIn, externalTokens } from '../stateful/staff-tokens';
import { apiDocsEndpoint } from './api-docs-endpoint';
import { DEMO_DEPARTMENTS, DEMO_USERS } from './demo-directory';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './dynamodb-local';
import { localCors, localFunctionEnvironments, localFunctionTimeouts } from './function-environment';
import { isolateFunctions } from './function-isolation';
import { jwtAuthorizer } from './jwt-authorizer';
import { lambdaContext } from './lambda-context';
import {
  type LambdaHandler,
  type LocalEndpoint,
  type ServedRoute,
  startLocalApiServer,
} from './local-api-server';
import { localClockEnvironment } from './local-clock';
import { claimsOfShape, localIdentityShape } from './local-identity';
import { createLocalIssuer, type LocalIssuer } from './local-issuer';
import { bucketCors, type LocalS3, startLocalS3 } from './local-s3';
import { LocalStackError } from './local-stack-error';
import { createLocalTables, LOCAL_TABLE_PREFIX } from './local-tables';
import { outboxEndpoint } from './outbox-endpoint';
import { platformSignIn } from './platform-sign-in';
import { assertPortFree, freePort } from './ports';
import { synthesizedAppFor } from './presynthesized-app';
import { localSchedules } from './schedules';
import type { LocalSmsProvider } from './sms/local-sms-provider';
import { sentTextsEndpoint, standInForTexting } from './sms/local-texting';
import { LocalStreamMappings } from './stream-mappings';
import { InvocationMeter, usageEndpoint } from './usage-endpoint';
import { webPagesEndpoint } from './web-pages-endpoint';
import { stateTransitions } from './workflow/execution-history';
import { LocalStepFunctions } from './workflow/local-step-functions';
import { localStateMachineDefinition } from './workflow/state-machine-definition';
import { STEP_FUNCTIONS_PATH, stepFunctionsEndpoint } from './workflow/step-functions-endpoint';

export interface LocalStackOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Where data survives restarts; omitted, everything lives in memory (tests). */
  readonly dataDir?: string;
  /**
   * The database in memory even with a data dir (CIVICLINE_DATABASE=memory): its cases end with
   * the server. For servers that never restart: DynamoDB Local on a file reads each page with a
   * system call, and a test that drives thousands of requests ran twice as long on it.
   */
  readonly databaseInMemory?: boolean;
  readonly cacheDir?: string;
  readonly tablePrefix?: string;
  readonly log?: (line: string) => void;
  /** Start the workflow of every open case again (default); one-off tools leave them be. */
  readonly resumeWorkflows?: boolean;
  /** The built pages to serve at `/` and `/console/` (npm start); one-off tools serve none. */
  readonly webBuildDir?: string;
}

export interface LocalStack {
  readonly url: string;
  readonly dynamoDbEndpoint: string;
  /** The local S3 stand-in and the attachment bucket in it. */
  readonly s3Endpoint: string;
  readonly attachmentBucket: string;
  readonly issuer: LocalIssuer;
  /** The SMS provider's stand-in, where the stack texts citizens itself (the China variant). */
  readonly sms?: LocalSmsProvider;
  readonly stepFunctions: LocalStepFunctions;
  /** The tables' streams feeding their functions, as Lambda's event source mappings do. */
  readonly streams: LocalStreamMappings;
  /** Open cases whose workflow was started again at start-up. */
  readonly resumedCases: number;
  tableName(role: TableRole): string;
  /** Invokes one function as Lambda would: its handler, its environment (npm run invoke). */
  invoke(functionName: string, event: unknown): Promise<unknown>;
  /**
   * Runs local maintenance (recounts, key rotation) with every function's variables, as an
   * operator with access to all tables would; outside it, no function variable is visible.
   */
  asOperator<T>(work: () => T): T;
  stop(): Promise<void>;
}

/** The scope of local maintenance: not a function, it sees every function's variables. */
const LOCAL_OPERATOR = 'local-operator';

/**
 * How a start-up pass over the tables (counter rebuild, resuming workflows) meets CIVICLINE_FAULTS:
 * each is idempotent, so a retryable fault repeats the whole pass.
 */
const START_UP_RETRIES = { when: isRetryableFault, attempts: 5, baseMs: 200 };

const LOCAL_STATE_MACHINE_ARN = 'arn:aws:states:local:000000000000:stateMachine:CaseLifecycle';

/**
 * Everything `npm start` runs: DynamoDB Local, the tables of the synthesized stack, the local
 * token issuer, and the route table served by the real handler files.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  const stateDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'civicline-'));
  const prefix = options.tablePrefix ?? LOCAL_TABLE_PREFIX;
  const tableName = (role: TableRole) => `${prefix}${role}`;
  if (options.port !== 0) await assertPortFree(host, options.port);

  const databaseDir =
    options.dataDir && !options.databaseInMemory ? join(options.dataDir, 'dynamodb') : undefined;
  const dynamo = await startDynamoDbLocal({
    cacheDir: options.cacheDir ?? CACHE_DIR,
    ...(databaseDir ? { dataDir: databaseDir } : {}),
    log,
  });
  let server: Server | undefined;
  let s3: LocalS3 | undefined;
  let sms: LocalSmsProvider | undefined;
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    // Staff tokens shaped as Cognito's (the global stack) or an identity platform's (China).
    const identity = localIdentityShape();
    const app = await synthesizedAppFor(identity, log);

    const documents = DynamoDBDocumentClient.from(client);
    await createLocalTables(client, app, tableName);
    await seedDepartments(documents, { departments: tableName('departments'), audit: tableName('audit') });
    const staff = dynamoStaffDirectory(documents, { staff: tableName('staff'), audit: tableName('audit') });
    await seedStaff(staff);

    const port = options.port === 0 ? await freePort() : options.port;
    const issuer = await createLocalIssuer(
      join(stateDir, 'issuer-key.json'),
      `http://${host}:${port}/local/issuer`,
      claimsOfShape(identity),
    );
    const url = `http://${host}:${port}`;
    const attachmentBucket = `${prefix}attachments`;
    s3 = await startLocalS3({
      directory: join(stateDir, 's3'),
      bucket: attachmentBucket,
      cors: bucketCors(app.data, app.attachmentBucketLogicalId),
      origins: [url, ...(process.env.CIVICLINE_CORS_ORIGINS ?? '').split(',').filter(Boolean)],
      host,
    });
    const byLogicalId = new Map([
      ...Object.entries(app.tableLogicalIds).map(([role, id]) => [id, tableName(role as TableRole)] as const),
      [app.attachmentBucketLogicalId, attachmentBucket] as const,
    ]);
    // What every function shares: where the services are, and this machine's settings.
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SFN: `${url}${STEP_FUNCTIONS_PATH}`,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      // Embedded metrics are CloudWatch's to read; locally they would only crowd the output.
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
      ...localClockEnvironment(stateDir),
    });
    // What each function has of its own: its synthesized variables, with the cloud's references
    // replaced by their local stand-ins — only where the function has that variable at all.
    const localKeyFile = ensureMasterKey(join(stateDir, 'local-master.key'));
    const localStandIns: Readonly<Record<string, string>> = {
      [SETTING_ENV.keyWrapper]: 'local-file',
      [STAFF_TOKEN_ENV.issuer]: issuer.issuer,
      [STAFF_TOKEN_ENV.audience]: issuer.audience,
      [STAFF_TOKEN_ENV.jwksUrl]: `${issuer.issuer}/.well-known/jwks.json`,
      [SETTING_ENV.stateMachineArn]: LOCAL_STATE_MACHINE_ARN,
      [SETTING_ENV.signInAccounts]: 'local',
    };
    const environments = localFunctionEnvironments(
      app,
      (logicalId) => byLogicalId.get(logicalId) ?? `local-${logicalId}`,
    );
    for (const variables of environments.values()) {
      for (const [name, value] of Object.entries(localStandIns))
        if (name in variables) variables[name] = value;
      if (SETTING_ENV.keyWrapper in variables) variables[SETTING_ENV.localKeyFile] = localKeyFile;
      // Locally the outbox table is the only delivery: no SNS topic to publish to.
      delete variables[SETTING_ENV.notificationTopicArn];
    }
    sms = await standInForTexting(environments, { host, stateDir });
    environments.set(LOCAL_OPERATOR, Object.assign({}, ...environments.values()));
    const isolation = isolateFunctions(environments);
    // A function may run this long before the local gateway answers 503, as its definition says.
    const timeouts = localFunctionTimeouts(app);
    const timeoutOf = (functionName: string) => timeouts.get(functionName) ?? 3000;
    const asOperator = <T>(work: () => T): T => isolation.runAs(LOCAL_OPERATOR, work);

    const handlers = new Map<string, LambdaHandler>();
    const invocations = new InvocationMeter();
    for (const { functionName } of [
      ...ROUTES,
      ...Object.values(WORKFLOW_FUNCTIONS),
      ...Object.values(STREAM_FUNCTIONS),
      ...Object.values(SCHEDULED_FUNCTIONS),
    ]) {
      // Imported as the function, so what the module reads at load is the function's own.
      const module = (await isolation.runAs(functionName, () => import(functionEntry(functionName)))) as {
        handler: LambdaHandler;
      };
      handlers.set(functionName, (event, context) =>
        invocations.measure(functionName, () =>
          isolation.runAs(functionName, () => module.handler(event, context)),
        ),
      );
    }
    const routes: ServedRoute[] = ROUTES.map((route) => ({
      route,
      handler: handlers.get(route.functionName) as LambdaHandler,
      timeoutMs: timeoutOf(route.functionName),
    }));
    const stepFunctions = new LocalStepFunctions(
      localStateMachineDefinition(app),
      (functionName, payload) =>
        (handlers.get(functionName) as LambdaHandler)(
          payload,
          lambdaContext(functionName, timeoutOf(functionName)),
        ),
      LOCAL_STATE_MACHINE_ARN,
      (execution, error) =>
        log(`workflow ${execution.name} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    const streams = new LocalStreamMappings(
      client,
      new DynamoDBStreamsClient({
        endpoint: dynamo.endpoint,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
      Object.values(STREAM_FUNCTIONS).map((definition) => ({
        functionName: definition.functionName,
        handler: handlers.get(definition.functionName) as LambdaHandler,
        mapping: definition.stream,
        tables: definition.stream.sources.map(tableName),
      })),
      {
        // Where the streams were read to belongs with the database it was read from.
        ...(databaseDir ? { stateFile: join(stateDir, 'stream-mappings.json') } : {}),
        log,
        functionTimeoutMs: timeoutOf,
      },
    );
    // Counters kept before they followed the streams (or before every filter combination was
    // counted) are rebuilt once from the cases; the streams then start after what is counted. The
    // rebuild goes through the functions' clients, so it meets CIVICLINE_FAULTS (at 20 % throttling
    // one read in ~600 runs out of SDK retries); it is idempotent, so a retryable fault repeats it.
    const rebuilt = await retryingFaults(
      () => asOperator(() => rebuildLegacyCounters(documents, tableName('statistics'))),
      START_UP_RETRIES,
    );
    if (rebuilt) {
      log('Rebuilt the statistics counters from the cases.');
      await streams.skipToEnd(STREAM_FUNCTIONS.aggregateStatistics.functionName);
    }
    streams.start();
    // The stack's schedules run here too (the hourly sweep of stalled cases), faster with the clock.
    const timeScale = Number(process.env[SETTING_ENV.timeScale] ?? 1) || 1;
    const timers = localSchedules(app).map(({ functionName, everyMs }) =>
      setInterval(
        () => {
          void (handlers.get(functionName) as LambdaHandler)(
            {},
            lambdaContext(functionName, timeoutOf(functionName)),
          ).catch((error: unknown) =>
            log(
              `scheduled ${functionName} failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
        },
        Math.max(1000, everyMs / timeScale),
      ).unref(),
    );
    const started = await startLocalApiServer({
      host,
      port,
      routes,
      authorize: jwtAuthorizer({
        issuer: issuer.issuer,
        audience: [issuer.audience],
        jwks: issuer.jwks,
        scope: issuer.claims.scope,
      }),
      localEndpoints: [
        loginEndpoint(issuer, staff),
        jwksEndpoint(issuer),
        stepFunctionsEndpoint(stepFunctions, LOCAL_STATE_MACHINE_ARN),
        outboxEndpoint(documents, tableName('notifications')),
        ...(sms ? [sentTextsEndpoint(sms)] : []),
        executionsEndpoint(stepFunctions),
        usageEndpoint(invocations, stepFunctions),
        streamsDrainedEndpoint(streams),
        statisticsCheckEndpoint(streams, asOperator),
        failuresEndpoint(streams),
        apiDocsEndpoint(),
        // With the platform's tokens, staff sign in at its sign-in page (authorization code + PKCE).
        ...(identity === 'oidc' ? [platformSignIn(issuer, staff, url)] : []),
        ...(options.webBuildDir
          ? [webPagesEndpoint(options.webBuildDir, [s3.endpoint], siteConfigOf(issuer))]
          : []),
      ],
      // The API's CORS setting from the template, and any origin a developer adds for a local front end.
      cors: {
        ...localCors(app),
        origins: [
          ...localCors(app).origins,
          ...(process.env.CIVICLINE_CORS_ORIGINS ?? '').split(',').filter(Boolean),
        ],
      },
    });
    server = started.server;
    const running = started.server;
    // Executions live in memory: every open case gets its workflow back, planned from the table.
    // Through the functions' clients, so it meets CIVICLINE_FAULTS too (a soak's restart with 10 %
    // Step Functions outages failed one start in ~16 after the SDK's attempts); a start of a case
    // already started does nothing, so a retryable fault repeats the whole pass.
    const { caseStore } = await import('../../shared/runtime/dependencies');
    const { workflow } = await import('../../shared/runtime/write-dependencies');
    const resumedCases =
      options.resumeWorkflows === false
        ? 0
        : await retryingFaults(
            () =>
              isolation.runAs(SCHEDULED_FUNCTIONS.resumeStalledCases.functionName, () =>
                resumeOpenCases({ store: caseStore(), workflow: workflow() }),
              ),
            START_UP_RETRIES,
          );
    if (resumedCases > 0) log(`Resumed the workflow of ${resumedCases} open case(s).`);
    return {
      url: started.url,
      dynamoDbEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      attachmentBucket,
      issuer,
      ...(sms ? { sms } : {}),
      stepFunctions,
      streams,
      resumedCases,
      tableName,
      async invoke(functionName, event) {
        const handler = handlers.get(functionName);
        if (!handler) throw new LocalStackError(`no local function named ${functionName}`);
        return handler(event, lambdaContext(functionName, timeoutOf(functionName)));
      },
      asOperator,
      async stop() {
        for (const timer of timers) clearInterval(timer);
        stepFunctions.stopAll();
        await streams.stop();
        running.closeAllConnections();
        await new Promise<void>((resolve) => running.close(() => resolve()));
        client.destroy();
        await s3?.stop();
        await sms?.stop();
        await dynamo.stop();
      },
    };
  } catch (error) {
    server?.close();
    client.destroy();
    await s3?.stop();
    await sms?.stop();
    await dynamo.stop();
    throw error;
  }
}

/** What the pages read from /config.json: the console's sign-in at the platform, or with demo accounts. */
function siteConfigOf(issuer: LocalIssuer): SiteConfig {
  if (issuer.claims === COGNITO_CLAIMS) return LOCAL_SITE_CONFIG;
  const tokens = externalTokens({
    issuer: issuer.issuer,
    audience: [issuer.audience],
    jwksUrl: `${issuer.issuer}/.well-known/jwks.json`,
    claims: issuer.claims,
    logoutUrl: `${issuer.issuer}/logout`,
  });
  return { apiUrl: '', signIn: consoleSignIn(tokens) };
}

/** Bumped whenever the counters kept change shape; a local database below it is rebuilt at start. */
const COUNTER_SCHEMA = { scope: 'schema', period: 'counters#stream-combinations' };

async function rebuildLegacyCounters(documents: DynamoDBDocumentClient, table: string): Promise<boolean> {
  const marker = await documents.send(new GetCommand({ TableName: table, Key: COUNTER_SCHEMA }));
  if (marker.Item) return false;
  const { caseStore, statisticsReader } = await import('../../shared/runtime/dependencies');
  const { rebuildStatistics } = await import('../../shared/use-cases/verify-statistics');
  const result = await rebuildStatistics({ store: caseStore(), statistics: statisticsReader() });
  await documents.send(
    new PutCommand({ TableName: table, Item: { ...COUNTER_SCHEMA, at: new Date().toISOString() } }),
  );
  return result.casesCounted > 0;
}

/**
 * The demo departments, added as an administrator adds one (audited), only where absent: what an
 * administrator changed since (a rename, a deactivation) survives a restart. A department stored
 * before departments were listed gains its place in the `listed` index.
 */
async function seedDepartments(
  documents: DynamoDBDocumentClient,
  tables: { departments: string; audit: string },
): Promise<void> {
  const registry = dynamoDepartmentRegistry(documents, tables);
  for (const department of DEMO_DEPARTMENTS) {
    if (await registry.add(department, { username: 'system', role: 'system' })) continue;
    const stored = await documents.send(
      new GetCommand({ TableName: tables.departments, Key: { departmentId: department.departmentId } }),
    );
    if (stored.Item && stored.Item[LISTED.partitionKey] === undefined)
      await documents.send(
        new PutCommand({ TableName: tables.departments, Item: departmentItem(departmentOf(stored.Item)) }),
      );
  }
}

function ensureMasterKey(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return file;
}

/**
 * The demo staff, added as an administrator adds an account (audited), only where absent: an
 * account an administrator changed or disabled since stays as it is across a restart.
 */
async function seedStaff(staff: StaffDirectory): Promise<void> {
  for (const account of DEMO_USERS) {
    if (!(await staff.get(account.username)))
      await staff.add(account, { username: 'system', role: 'system' });
  }
}

/**
 * POST /local/login {"username"} → a token for an enabled account of the staff directory, as
 * Cognito would issue after sign-in (an account an administrator just created signs in at once).
 */
function loginEndpoint(issuer: LocalIssuer, staff: StaffDirectory): LocalEndpoint {
  return async (request: IncomingMessage, body: Buffer) => {
    if (request.url !== '/local/login') return undefined;
    // The console's sign-in lists the accounts it may choose from.
    if (request.method === 'GET') {
      const accounts = (await staff.list()).filter((account) => account.enabled);
      return {
        status: 200,
        body: { accounts: accounts.sort((a, b) => a.username.localeCompare(b.username)) },
      };
    }
    if (request.method !== 'POST') return undefined;
    let username: unknown;
    try {
      username = (JSON.parse(body.toString('utf8') || '{}') as { username?: unknown }).username;
    } catch {
      return { status: 400, body: { error: { code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' } } };
    }
    const user = typeof username === 'string' ? await staff.get(username) : undefined;
    if (!user) {
      return { status: 404, body: { error: { code: 'UNKNOWN_USER', message: '没有这个账号' } } };
    }
    if (!user.enabled) {
      return { status: 403, body: { error: { code: 'ACCOUNT_DISABLED', message: '该账号已停用' } } };
    }
    return {
      status: 200,
      body: {
        accessToken: await issuer.accessToken(user),
        tokenType: 'Bearer',
        expiresIn: 3600,
        username: user.username,
        roles: user.roles,
        ...(user.departmentId ? { departmentId: user.departmentId } : {}),
      },
    };
  };
}

/**
 * GET /local/streams/drained: answers once the streams have carried every write made before the
 * request to their functions (counters, notices, workflow). It reads no table itself, so what
 * `npm run cost` counts up to that point is what the cases used, and nothing a check added.
 */
function streamsDrainedEndpoint(streams: LocalStreamMappings): LocalEndpoint {
  return async (request) => {
    if (request.method !== 'GET' || request.url !== '/local/streams/drained') return undefined;
    await streams.drained();
    return { status: 200, body: { drained: true } };
  };
}

/**
 * GET /local/stats/verify: the recount of `npm run stats:verify`, run by this server once the
 * streams have caught up with every write made before the request.
 */
function statisticsCheckEndpoint(
  streams: LocalStreamMappings,
  asOperator: <T>(work: () => T) => T,
): LocalEndpoint {
  return async (request) => {
    if (request.method !== 'GET' || request.url !== '/local/stats/verify') return undefined;
    await streams.drained();
    const { caseStore, statisticsReader } = await import('../../shared/runtime/dependencies');
    const { verifyStatistics } = await import('../../shared/use-cases/verify-statistics');
    return {
      status: 200,
      body: await asOperator(() => verifyStatistics({ store: caseStore(), statistics: statisticsReader() })),
    };
  };
}

/**
 * GET /local/failures: the failure destination of the stream mappings (the SQS queue in the cloud);
 * POST /local/failures/redrive sends those batches to their functions again (npm run redrive).
 */
function failuresEndpoint(streams: LocalStreamMappings): LocalEndpoint {
  return async (request) => {
    if (request.method === 'GET' && request.url === '/local/failures') {
      return { status: 200, body: { failures: streams.listFailures() } };
    }
    if (request.method === 'POST' && request.url === '/local/failures/redrive') {
      return { status: 200, body: { redriven: await streams.redrive() } };
    }
    return undefined;
  };
}

/**
 * GET /local/executions: the workflow executions of this run, for demos and tests;
 * GET /local/executions/{name}: one execution with its history events and the state transitions
 * it has cost so far (what Standard bills).
 */
function executionsEndpoint(stepFunctions: LocalStepFunctions): LocalEndpoint {
  return async (request) => {
    if (request.method !== 'GET') return undefined;
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    if (path === '/local/executions')
      return {
        status: 200,
        body: {
          executions: stepFunctions
            .list()
            .map(({ abort: _abort, history: _history, ...execution }) => execution),
        },
      };
    const name = /^\/local\/executions\/([^/]+)$/.exec(path)?.[1];
    if (!name) return undefined;
    const record = stepFunctions.byName(decodeURIComponent(name));
    if (!record) return { status: 404, body: { error: { code: 'NOT_FOUND', message: '没有这个执行' } } };
    const { abort: _abort, history, ...execution } = record;
    return { status: 200, body: { ...execution, transitions: stateTransitions(history), events: history } };
  };
}

function jwksEndpoint(issuer: LocalIssuer): LocalEndpoint {
  return async (request) =>
    request.method === 'GET' && request.url === '/local/issuer/.well-known/jwks.json'
      ? { status: 200, body: issuer.jwks }
      : undefined;
}
