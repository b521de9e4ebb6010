import { fileAccessKey, secretsManagerAccessKey } from '../adapters/aliyun-access-key';
import { aliyunSms } from '../adapters/aliyun-sms';
import { aliyunSmsSettingsSchema } from '../adapters/aliyun-sms-settings';
import { dynamoOutboxLedger } from '../adapters/dynamo-outbox-notifier';
import { dynamoStatisticsWriter } from '../adapters/dynamo-statistics-writer';
import { snsDelivery } from '../adapters/sns-delivery';
import type { AggregationDependencies } from '../use-cases/aggregate-statistics';
import type { CitizenTexting, DeliveryDependencies } from '../use-cases/deliver-notification';
import type { WorkflowFollowingDependencies } from '../use-cases/follow-case-workflow';
import { documentClient } from './clients';
import { caseMetrics, caseStore, clock, contactVault } from './dependencies';
import { requiredEnv, SETTING_ENV, tableName } from './environment';
import { workflow } from './write-dependencies';

/**
 * The composition root of the functions the tables' streams feed (route-table.ts STREAM_FUNCTIONS).
 */
export const aggregationDependencies = (): AggregationDependencies => ({
  statistics: dynamoStatisticsWriter(documentClient(), tableName('statistics')),
});

export const workflowFollowingDependencies = (): WorkflowFollowingDependencies => ({
  workflow: workflow(),
});

export const deliveryDependencies = (): DeliveryDependencies => {
  const topic = process.env[SETTING_ENV.notificationTopicArn];
  const texting = citizenTexting();
  return {
    outbox: dynamoOutboxLedger(documentClient(), tableName('notifications')),
    ...(topic ? { sender: snsDelivery(topic) } : {}),
    ...(texting ? { texting } : {}),
    clock: clock(),
    metrics: caseMetrics(),
  };
};

/** Texting citizens, where the stack is given an SMS provider's settings (China). */
function citizenTexting(): CitizenTexting | undefined {
  const settings = process.env[SETTING_ENV.smsSettings];
  if (!settings) return undefined;
  const localKeyFile = process.env[SETTING_ENV.smsLocalAccessKeyFile];
  const accessKey = localKeyFile
    ? fileAccessKey(localKeyFile)
    : secretsManagerAccessKey(requiredEnv(SETTING_ENV.smsAccessKeySecret));
  return {
    sender: aliyunSms(aliyunSmsSettingsSchema.parse(JSON.parse(settings)), accessKey),
    cases: caseStore(),
    vault: contactVault(),
  };
}
