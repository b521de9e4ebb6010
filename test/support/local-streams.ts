import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb-local';
import type { LambdaHandler } from '../../infra/local/local-api-server';
import { LocalStreamMappings } from '../../infra/local/stream-mappings';
import { STREAM_FUNCTIONS } from '../../shared/functions/route-table';
import { functionHandler } from './isolated-functions';
import type { LocalEnvironment } from './local-environment';

/**
 * The stream functions of the stack (statistics, notices) fed by this test file's tables' streams
 * on DynamoDB Local, with the event source mapping's batch semantics. Call after
 * useLocalEnvironment; `handlers` replaces a function's handler (failure injection).
 */
export async function useLocalStreams(
  endpoint: string,
  env: LocalEnvironment,
  handlers: Partial<Record<string, LambdaHandler>> = {},
): Promise<LocalStreamMappings> {
  const client = { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const mappings = await Promise.all(
    Object.values(STREAM_FUNCTIONS).map(async (definition) => ({
      functionName: definition.functionName,
      handler: handlers[definition.functionName] ?? (await functionHandler(definition.functionName)),
      mapping: definition.stream,
      tables: definition.stream.sources.map((source) => env.tableName(source)),
    })),
  );
  const streams = new LocalStreamMappings(
    new DynamoDBClient(client),
    new DynamoDBStreamsClient(client),
    mappings,
    {
      log: () => {},
      functionTimeoutMs: () => 10_000,
    },
  );
  streams.start();
  return streams;
}
