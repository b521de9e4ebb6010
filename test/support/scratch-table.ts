import { CreateTableCommand, type DynamoDBClient, type StreamViewType } from '@aws-sdk/client-dynamodb';

/**
 * An on-demand table keyed by a string `id`, on DynamoDB Local, for a test or bench that needs a
 * table of no role of the stack (raw write baselines, capacity reporting, stream redrive). With
 * `indexedBy`, a keys-only global secondary index named after that string attribute.
 */
export async function createScratchTable(
  client: DynamoDBClient,
  table: string,
  options: { stream?: StreamViewType; indexedBy?: string } = {},
): Promise<void> {
  const { indexedBy } = options;
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
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
