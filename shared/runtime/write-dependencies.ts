import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamoOutboxNotifier } from '../adapters/dynamo-outbox-notifier';
import { powertoolsIdempotency } from '../adapters/powertools-idempotency';
import { sfnWorkflow } from '../adapters/sfn-workflow';
import { snsDelivery } from '../adapters/sns-delivery';
import type { Idempotency } from '../ports/idempotency';
import type { Notifier } from '../ports/notifier';
import type { Workflow } from '../ports/workflow';
import type { LifecycleDependencies } from '../use-cases/lifecycle-dependencies';
import { documentClient, dynamoClient } from './clients';
import {
  caseStore,
  clock,
  contactVault,
  departmentDirectory,
  once,
  timeLimits,
  workingCalendar,
} from './dependencies';
import { SETTING_ENV, tableName } from './environment';
import { sfnClient } from './sfn-client';

/**
 * The rest of the composition root: what only functions that change cases need (the workflow,
 * notifications, idempotent writes), kept apart so read-only functions never load it.
 */
export const idempotency = once<Idempotency>(() =>
  powertoolsIdempotency(
    new DynamoDBPersistenceLayer({ tableName: tableName('idempotency'), awsSdkV3Client: dynamoClient() }),
  ),
);

export const workflow = once<Workflow>(() =>
  sfnWorkflow(sfnClient(), documentClient(), {
    stateMachineArn: process.env[SETTING_ENV.stateMachineArn],
    tasksTable: tableName('workflowTasks'),
  }),
);

export const notifier = once<Notifier>(() => {
  const topic = process.env[SETTING_ENV.notificationTopicArn];
  return dynamoOutboxNotifier(
    documentClient(),
    tableName('notifications'),
    topic ? snsDelivery(topic) : undefined,
  );
});

export function lifecycleDependencies(): LifecycleDependencies {
  return {
    store: caseStore(),
    workflow: workflow(),
    notifier: notifier(),
    vault: contactVault(),
    departments: departmentDirectory(),
    clock: clock(),
    calendar: workingCalendar,
    limits: timeLimits,
  };
}
