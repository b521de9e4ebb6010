import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { DEMO_DEPARTMENTS, DEMO_USERS } from '../../infra/local/demo-directory';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb-local';
import { claimsOfShape } from '../../infra/local/local-identity';
import { createLocalTables } from '../../infra/local/local-tables';
import { deserializeApp, type SerializedApp } from '../../infra/local/presynthesized-app';
import { departmentItem } from '../../shared/adapters/dynamo-department-directory';
import { staffItem } from '../../shared/adapters/dynamo-staff-directory';
import { NOTIFICATIONS_BY_CASE } from '../../shared/adapters/table-schemas';
import { SETTING_ENV, STAFF_TOKEN_ENV, TABLE_ENV, type TableRole } from '../../shared/runtime/environment';
import { TEST_IDENTITY } from './identity-shape';
import { isolateTestFunctions } from './isolated-functions';

export interface LocalEnvironment {
  readonly documents: DynamoDBDocumentClient;
  tableName(role: TableRole): string;
}

/**
 * Points this test file's process at DynamoDB Local with tables of its own (created from the
 * synthesized template), a local key file and the demo departments. Call it before loading any
 * handler (functionHandler): handlers read their environment when they load.
 */
export async function useLocalEnvironment(
  endpoint: string,
  serialized: SerializedApp,
  options: { isolateFunctions?: boolean } = {},
): Promise<LocalEnvironment> {
  const prefix = `t${randomUUID().slice(0, 8)}-`;
  const tableName = (role: TableRole) => `${prefix}${role}`;
  const app = deserializeApp(serialized);
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  await createLocalTables(client, app, tableName);
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  for (const department of DEMO_DEPARTMENTS) {
    await documents.send(
      new PutCommand({ TableName: tableName('departments'), Item: departmentItem(department) }),
    );
  }
  for (const account of DEMO_USERS) {
    await documents.send(new PutCommand({ TableName: tableName('staff'), Item: staffItem(account, 1) }));
  }
  const keyFile = join(mkdtempSync(join(tmpdir(), 'civicline-keys-')), 'local-master.key');
  writeFileSync(keyFile, randomBytes(32).toString('base64'));
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_ENDPOINT_URL_S3: inject('localS3').endpoint,
    [SETTING_ENV.attachmentsBucket]: inject('localS3').bucket,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
    // Scenario tests submit many letters from one address and phone; abuse limits have their own tests.
    CIVICLINE_SUBMISSIONS_PER_CLIENT_HOUR: '1000000',
    CIVICLINE_SUBMISSIONS_PER_PHONE_DAY: '1000000',
    [SETTING_ENV.keyWrapper]: 'local-file',
    [SETTING_ENV.localKeyFile]: keyFile,
    // Handlers a test composes itself read staff tokens in this run's shape, as the stack's do.
    ...(TEST_IDENTITY === 'cognito'
      ? {}
      : { [STAFF_TOKEN_ENV.claims]: JSON.stringify(claimsOfShape(TEST_IDENTITY)) }),
    ...Object.fromEntries(
      Object.entries(TABLE_ENV).map(([role, name]) => [name, tableName(role as TableRole)]),
    ),
  });
  // Handlers loaded with functionHandler() see only their own definition's variables.
  if (options.isolateFunctions ?? true) isolateTestFunctions(app, tableName);
  return { documents, tableName };
}

/** How many letters of this test file's tables carry the title (what a test wrote, or did not). */
export async function lettersTitled(env: LocalEnvironment, title: string): Promise<number> {
  const out = await env.documents.send(
    new ScanCommand({
      TableName: env.tableName('letters'),
      FilterExpression: 'title = :title',
      ExpressionAttributeValues: { ':title': title },
    }),
  );
  return out.Items?.length ?? 0;
}

/** A case's notice of one kind as the outbox stores it, every attribute (the by-case index has fewer). */
export async function storedNotice(
  env: LocalEnvironment,
  caseId: string,
  kind: string,
): Promise<Record<string, unknown> | undefined> {
  const listed = await env.documents.send(
    new QueryCommand({
      TableName: env.tableName('notifications'),
      IndexName: NOTIFICATIONS_BY_CASE.indexName,
      KeyConditionExpression: 'caseId = :caseId',
      ExpressionAttributeValues: { ':caseId': caseId },
    }),
  );
  const notificationId = listed.Items?.find((item) => item.kind === kind)?.notificationId;
  if (notificationId === undefined) return undefined;
  const stored = await env.documents.send(
    new GetCommand({ TableName: env.tableName('notifications'), Key: { notificationId } }),
  );
  return stored.Item;
}
