import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { aesContactVault } from '../adapters/aes-contact-vault';
import { dynamoAuditLog } from '../adapters/dynamo-audit-log';
import { dynamoCaseStore } from '../adapters/dynamo-case-store';
import { dynamoDepartmentDirectory } from '../adapters/dynamo-department-directory';
import { dynamoKeyRing } from '../adapters/dynamo-key-ring';
import { dynamoOutboxNotifier } from '../adapters/dynamo-outbox-notifier';
import { dynamoRateLimiter } from '../adapters/dynamo-rate-limiter';
import { dynamoStatistics } from '../adapters/dynamo-statistics';
import { kmsKeyWrapper } from '../adapters/kms-key-wrapper';
import { localFileKeyWrapper } from '../adapters/local-file-key-wrapper';
import { powertoolsIdempotency } from '../adapters/powertools-idempotency';
import { sfnWorkflow } from '../adapters/sfn-workflow';
import { snsDelivery } from '../adapters/sns-delivery';
import { abuseLimitsFrom } from '../domain/abuse-limits';
import { statutoryCalendar } from '../domain/statutory-calendar';
import { DEFAULT_TIME_LIMITS } from '../domain/time-limits';
import type { AuditLog } from '../ports/audit-log';
import type { CaseStore } from '../ports/case-store';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { Idempotency } from '../ports/idempotency';
import type { KeyRing, KeyWrapper } from '../ports/key-ring';
import type { Notifier } from '../ports/notifier';
import type { RateLimiter } from '../ports/rate-limiter';
import type { StatisticsReader } from '../ports/statistics';
import type { Workflow } from '../ports/workflow';
import type { LifecycleDependencies } from '../use-cases/lifecycle-dependencies';
import { documentClient, dynamoClient, sfnClient } from './clients';
import { configuredClock } from './clock';
import { requiredEnv, SETTING_ENV, TABLE_ENV, tableName } from './environment';

/**
 * The composition root: production adapters built from the environment, once per process and
 * only when a function first needs them (a function that never reads departments never needs
 * the departments table's name).
 */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}

export const caseStore = once<CaseStore>(() =>
  dynamoCaseStore(documentClient(), {
    cases: {
      letter: tableName('letters'),
      hotline: tableName('tickets'),
      consultation: tableName('consultations'),
    },
    sequences: tableName('sequences'),
    statistics: process.env[TABLE_ENV.statistics],
    audit: process.env[TABLE_ENV.audit],
  }),
);

const keyWrapper = once<KeyWrapper>(() =>
  process.env[SETTING_ENV.keyWrapper] === 'local-file'
    ? localFileKeyWrapper(requiredEnv(SETTING_ENV.localKeyFile))
    : kmsKeyWrapper(requiredEnv(SETTING_ENV.kmsKeyId)),
);

export const keyRing = once<KeyRing>(() =>
  dynamoKeyRing(documentClient(), tableName('keyring'), keyWrapper()),
);

export const contactVault = once<ContactVault>(() => aesContactVault(keyRing()));

export const departmentDirectory = once<DepartmentDirectory>(() =>
  dynamoDepartmentDirectory(documentClient(), tableName('departments')),
);

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

export const statisticsReader = once<StatisticsReader>(() =>
  dynamoStatistics(documentClient(), tableName('statistics')),
);

export const clock = configuredClock;

export const rateLimiter = once<RateLimiter>(() =>
  dynamoRateLimiter(documentClient(), tableName('rateLimits')),
);

export const abuseLimits = once(() => abuseLimitsFrom(process.env));

export const auditLog = once<AuditLog>(() =>
  dynamoAuditLog(documentClient(), tableName('audit'), configuredClock()),
);

/** Admin overrides of the calendar and time limits arrive with the settings work; defaults until then. */
export const workingCalendar = once(() => statutoryCalendar());
export const timeLimits = () => DEFAULT_TIME_LIMITS;

export function lifecycleDependencies(): LifecycleDependencies {
  return {
    store: caseStore(),
    workflow: workflow(),
    notifier: notifier(),
    departments: departmentDirectory(),
    clock: clock(),
    calendar: workingCalendar,
    limits: timeLimits,
  };
}
