import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb-local';
import { withUsageMetering } from '../../shared/adapters/usage-meter';
import { createScratchTable } from './scratch-table';

/**
 * A scratch table on DynamoDB Local with two document clients: `documents`, plain, and `metered`,
 * which counts what it sends as `npm run cost` does (a client takes the usage meter only if
 * CIVICLINE_METER is set when it is created).
 */
export async function meteredScratchTable(
  endpoint: string,
  table: string,
  options: Parameters<typeof createScratchTable>[2] = {},
): Promise<{ documents: DynamoDBDocumentClient; metered: DynamoDBDocumentClient }> {
  const config = { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const client = new DynamoDBClient(config);
  await createScratchTable(client, table, options);
  process.env.CIVICLINE_METER = '';
  try {
    const metered = DynamoDBDocumentClient.from(withUsageMetering(new DynamoDBClient(config), 'dynamodb'));
    return { documents: DynamoDBDocumentClient.from(client), metered };
  } finally {
    delete process.env.CIVICLINE_METER;
  }
}
