import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import type { Idempotency } from '../ports/idempotency';

/** Results are kept for a day: long enough for any client retry, short enough to hold little data. */
const KEEP_RESULTS_SECONDS = 24 * 60 * 60;

export function powertoolsIdempotency(
  persistenceStore: BasePersistenceLayer,
  bindings: { documents: DynamoDBDocumentClient; table: string },
): Idempotency {
  return {
    async bind(request, value) {
      if (!request.key) return value;
      // Beside Powertools' records in its table, under a key of ours (its keys are `scope#hash`).
      const id = `binding#${request.scope}#${request.key}`;
      try {
        await bindings.documents.send(
          new PutCommand({
            TableName: bindings.table,
            Item: { id, value, expiration: Math.floor(Date.now() / 1000) + KEEP_RESULTS_SECONDS },
            ConditionExpression: 'attribute_not_exists(id)',
          }),
        );
        return value;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        const bound = await bindings.documents.send(
          new GetCommand({ TableName: bindings.table, Key: { id }, ConsistentRead: true }),
        );
        return String(bound.Item?.value ?? value);
      }
    },

    async once(request, write) {
      if (!request.key) return write();
      const config = new IdempotencyConfig({
        eventKeyJmesPath: 'key',
        payloadValidationJmesPath: 'payload',
        expiresAfterSeconds: KEEP_RESULTS_SECONDS,
        throwOnNoIdempotencyKey: true,
      });
      if (request.remainingTimeMs) {
        config.registerLambdaContext({ getRemainingTimeInMillis: request.remainingTimeMs } as Context);
      }
      const runOnce = makeIdempotent(async (_: { key: string; payload: unknown }) => write(), {
        persistenceStore,
        config,
        keyPrefix: request.scope,
      });
      return runOnce({ key: request.key, payload: request.payload });
    },
  };
}
