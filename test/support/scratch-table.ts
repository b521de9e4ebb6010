import { CreateTableCommand, type DynamoDBClient, type StreamViewType } from '@aws-sdk/client-dynamodb';

/**
 * An on-demand table keyed by a string `id` (or `key`), on DynamoDB Local, for a test or bench that
 * needs a table of its own (raw write baselines, capacity reporting, stream redrive, one adapter
 * alone). With `indexedBy`, a keys-only global secondary index named after that string attribute.
 */
export async function createScratchTable(
  client: DynamoDBClient,
  table: string,
  options: { stream?: StreamViewType; indexedBy?: string; key?: string } = {},
): Promise<void> {
  const { indexedBy, key = 'id' } = options;
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: key, AttributeType: 'S' },
        ...(indexedBy ? [{ AttributeName: indexedBy, AttributeType: 'S' as const }] : []),
      ],
      ...(indexedBy
        ? {
            GlobalSecondaryIndexes: [
              {
                IndexName: indexedBy,
                KeySchema: [{ AttributeName: indexedBy, KeyType: 'HASH' as const }],
                Projection: { ProjectionType: 'KEYS_ONLY' as const },
              },
            ],
          }
        : {}),
      ...(options.stream
        ? { StreamSpecification: { StreamEnabled: true, StreamViewType: options.stream } }
        : {}),
    }),
  );
}
