import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { Idempotency } from '../ports/idempotency';

/** Results are kept for a day: long enough for any client retry, short enough to hold little data. */
const KEEP_RESULTS_SECONDS = 24 * 60 * 60;

export function powertoolsIdempotency(persistenceStore: BasePersistenceLayer): Idempotency {
  return {
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
