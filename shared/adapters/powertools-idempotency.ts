import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { CivicError } from '../domain/errors';
import type { Idempotency } from '../ports/idempotency';

/** Results are kept for a day: long enough for any client retry, short enough to hold little data. */
const KEEP_RESULTS_SECONDS = 24 * 60 * 60;

export interface IdempotencyTable {
  readonly client: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;
  readonly table: string;
}

/**
 * Writes run once per Idempotency-Key with Powertools' idempotency utility, its records in the
 * idempotency table. Powertools (and the JMESPath engine it brings) is loaded by the first request
 * that carries a key, not at every cold start: a request without one never needs it.
 */
export function powertoolsIdempotency(table: IdempotencyTable): Idempotency {
  let loaded: ReturnType<typeof loadPowertools> | undefined;
  const powertools = () => {
    loaded ??= loadPowertools(table);
    return loaded;
  };

  return {
    async bind(request, value) {
      if (!request.key) return value;
      // Beside Powertools' records in its table, under a key of ours (its keys are `scope#hash`).
      const id = `binding#${request.scope}#${request.key}`;
      try {
        await table.documents.send(
          new PutCommand({
            TableName: table.table,
            Item: { id, value, expiration: Math.floor(Date.now() / 1000) + KEEP_RESULTS_SECONDS },
            ConditionExpression: 'attribute_not_exists(id)',
          }),
        );
        return value;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        const bound = await table.documents.send(
          new GetCommand({ TableName: table.table, Key: { id }, ConsistentRead: true }),
        );
        return String(bound.Item?.value ?? value);
      }
    },

    async once(request, write) {
      if (!request.key) return write();
      const { utility, persistenceStore } = await powertools();
      const config = new utility.IdempotencyConfig({
        eventKeyJmesPath: 'key',
        payloadValidationJmesPath: 'payload',
        expiresAfterSeconds: KEEP_RESULTS_SECONDS,
        throwOnNoIdempotencyKey: true,
      });
      if (request.remainingTimeMs) {
        config.registerLambdaContext({ getRemainingTimeInMillis: request.remainingTimeMs } as Context);
      }
      const runOnce = utility.makeIdempotent(async (_: { key: string; payload: unknown }) => write(), {
        persistenceStore,
        config,
        keyPrefix: request.scope,
      });
      try {
        return await runOnce({ key: request.key, payload: request.payload });
      } catch (error) {
        if (error instanceof utility.IdempotencyValidationError) {
          throw new CivicError(
            422,
            'IDEMPOTENCY_KEY_REUSED',
            '该幂等键已用于内容不同的请求，请更换 Idempotency-Key',
          );
        }
        if (error instanceof utility.IdempotencyAlreadyInProgressError) {
          throw new CivicError(409, 'REQUEST_IN_PROGRESS', '相同的请求正在处理中，请稍后重试', [], {
            'retry-after': '1',
          });
        }
        throw error;
      }
    },
  };
}

async function loadPowertools(table: IdempotencyTable) {
  const [utility, { DynamoDBPersistenceLayer }] = await Promise.all([
    import('@aws-lambda-powertools/idempotency'),
    import('@aws-lambda-powertools/idempotency/dynamodb'),
  ]);
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: table.table,
    awsSdkV3Client: table.client,
  });
  return { utility, persistenceStore };
}
