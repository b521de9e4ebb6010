import { dynamoOutboxLedger } from '../adapters/dynamo-outbox-notifier';
import { dynamoStatisticsWriter } from '../adapters/dynamo-statistics-writer';
import { snsDelivery } from '../adapters/sns-delivery';
import type { AggregationDependencies } from '../use-cases/aggregate-statistics';
import type { DeliveryDependencies } from '../use-cases/deliver-notification';
import { documentClient } from './clients';
import { caseMetrics, clock } from './dependencies';
import { SETTING_ENV, tableName } from './environment';

/**
 * The composition root of the functions the tables' streams feed (routes.ts STREAM_FUNCTIONS).
 */
export const aggregationDependencies = (): AggregationDependencies => ({
  statistics: dynamoStatisticsWriter(documentClient(), tableName('statistics')),
});

export const deliveryDependencies = (): DeliveryDependencies => {
  const topic = process.env[SETTING_ENV.notificationTopicArn];
  return {
    outbox: dynamoOutboxLedger(documentClient(), tableName('notifications')),
    ...(topic ? { sender: snsDelivery(topic) } : {}),
    clock: clock(),
    metrics: caseMetrics(),
  };
};
