import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb-local';
import type { LambdaHandler } from '../../infra/local/local-api-server';
import { LocalStreamMappings } from '../../infra/local/stream-mappings';
import {
  type FunctionDefinition,
  STREAM_FUNCTIONS,
  type StreamMapping,
} from '../../shared/functions/route-table';
import type { Notification } from '../../shared/ports/notifier';
import type { DeliveryDependencies } from '../../shared/use-cases/deliver-notification';
import { functionHandler } from './isolated-functions';
import type { LocalEnvironment } from './local-environment';

/**
 * The stream functions of the stack but the workflow's (statistics, notices: useLocalWorkflow runs
 * follow-case-workflow) fed by this test file's tables' streams on DynamoDB Local, with the event
 * source mapping's batch semantics. Call after useLocalEnvironment; `handlers` replaces a
 * function's handler (failure injection).
 */
export async function useLocalStreams(
  endpoint: string,
  env: Pick<LocalEnvironment, 'tableName'>,
  handlers: Partial<Record<string, LambdaHandler>> = {},
): Promise<LocalStreamMappings> {
  return runStreamMappings(
    endpoint,
    env,
    Object.values(STREAM_FUNCTIONS).filter(
      (definition) => definition.functionName !== STREAM_FUNCTIONS.followCaseWorkflow.functionName,
    ),
    handlers,
  );
}

/** These stream functions, fed by this test file's tables' streams, started. */
export async function runStreamMappings(
  endpoint: string,
  env: Pick<LocalEnvironment, 'tableName'>,
  definitions: readonly (FunctionDefinition & { stream: StreamMapping })[],
  handlers: Partial<Record<string, LambdaHandler>> = {},
): Promise<LocalStreamMappings> {
  const client = { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const mappings = await Promise.all(
    definitions.map(async (definition) => ({
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

/**
 * The deliver-notifications function composed with other dependencies than its own (a sender that
 * fails, an SMS provider's stand-in), for `useLocalStreams`' `handlers`. Call after
 * useLocalEnvironment: the modules load their environment then.
 */
export async function notificationDelivery(deps: DeliveryDependencies): Promise<LambdaHandler> {
  const { oneByOne, streamBatchHandler } = await import('../../shared/streams/stream-batch');
  const { insertedNotification } = await import('../../shared/streams/stream-images');
  const { deliverNotification } = await import('../../shared/use-cases/deliver-notification');
  const { logger } = await import('../../shared/runtime/logger');
  return streamBatchHandler(
    STREAM_FUNCTIONS.deliverNotifications.functionName,
    logger,
    insertedNotification,
    oneByOne((notification: Notification) => deliverNotification(deps, notification)),
  ) as LambdaHandler;
}
