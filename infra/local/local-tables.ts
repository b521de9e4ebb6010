import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  ResourceNotFoundException,
  type StreamViewType,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableRole } from '../../shared/runtime/environment';
import type { SynthesizedApp } from './synthesized-app';

/** The local stack's table names: this prefix and the table's role (`civicline-letters`). */
export const LOCAL_TABLE_PREFIX = 'civicline-';

interface TableProperties {
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: AttributeDefinition[];
  GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
  TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
  StreamSpecification?: { StreamViewType: StreamViewType };
}

/**
 * Creates each table of the synthesized data stack in DynamoDB Local, with the template's keys,
 * indexes and TTL. Existing tables (kept data) gain indexes added to the stack since.
 */
export async function createLocalTables(
  client: DynamoDBClient,
  app: SynthesizedApp,
  tableName: (role: TableRole) => string,
): Promise<void> {
  for (const [role, logicalId] of Object.entries(app.tableLogicalIds) as [TableRole, string][]) {
    const properties = app.data.Resources[logicalId]?.Properties as unknown as TableProperties;
    if (!properties) throw new Error(`table ${logicalId} is missing from the synthesized template`);
    await ensureTable(client, tableName(role), properties);
  }
}

async function ensureTable(client: DynamoDBClient, name: string, properties: TableProperties): Promise<void> {
  const existing = await describe(client, name);
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: properties.KeySchema,
        AttributeDefinitions: properties.AttributeDefinitions,
        ...(properties.GlobalSecondaryIndexes
          ? { GlobalSecondaryIndexes: properties.GlobalSecondaryIndexes }
          : {}),
        ...(properties.StreamSpecification
          ? { StreamSpecification: { StreamEnabled: true, ...properties.StreamSpecification } }
          : {}),
      }),
    );
    if (properties.TimeToLiveSpecification) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: properties.TimeToLiveSpecification,
        }),
      );
    }
    return;
  }
  // Kept data from before a table had a stream or a TTL: both are added in place.
  if (properties.StreamSpecification && !existing.StreamSpecification?.StreamEnabled) {
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        StreamSpecification: { StreamEnabled: true, ...properties.StreamSpecification },
      }),
    );
  }
  if (properties.TimeToLiveSpecification) {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: properties.TimeToLiveSpecification,
        }),
      );
    }
  }
  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of properties.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: properties.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
}

async function describe(client: DynamoDBClient, name: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
