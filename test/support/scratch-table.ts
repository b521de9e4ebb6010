import { CreateTableCommand, type DynamoDBClient, type StreamViewType } from '@aws-sdk/client-dynamodb';

/**
 * An on-demand table keyed by a string `id`, on DynamoDB Local, for a test or bench that needs a
 * table of no role of the stack (raw write baselines, capacity reporting, stream redrive).
 */
export async function createScratchTable(
  client: DynamoDBClient,
  table: string,
  options: { stream?: StreamViewType } = {},
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      ...(options.stream
        ? { StreamSpecification: { StreamEnabled: true, StreamViewType: options.stream } }
        : {}),
    }),
  );
}
