import { aesContactVault } from '../adapters/aes-contact-vault';
import { dynamoAuditLog } from '../adapters/dynamo-audit-log';
import { dynamoCaseStore } from '../adapters/dynamo-case-store';
import { dynamoDepartmentDirectory } from '../adapters/dynamo-department-directory';
import { dynamoKeyRing } from '../adapters/dynamo-key-ring';
import { dynamoRateLimiter } from '../adapters/dynamo-rate-limiter';
import { dynamoStatistics } from '../adapters/dynamo-statistics';
import { kmsKeyWrapper } from '../adapters/kms-key-wrapper';
import { localFileKeyWrapper } from '../adapters/local-file-key-wrapper';
import { abuseLimitsFrom } from '../domain/abuse-limits';
import { statutoryCalendar } from '../domain/statutory-calendar';
import { DEFAULT_TIME_LIMITS } from '../domain/time-limits';
import type { AuditLog } from '../ports/audit-log';
import type { CaseStore } from '../ports/case-store';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { KeyRing, KeyWrapper } from '../ports/key-ring';
import type { RateLimiter } from '../ports/rate-limiter';
import type { StatisticsReader } from '../ports/statistics';
import { documentClient } from './clients';
import { configuredClock } from './clock';
import { requiredEnv, SETTING_ENV, TABLE_ENV, tableName } from './environment';

/**
 * The composition root (read side and shared pieces; write-dependencies.ts adds the workflow,
 * notifications and idempotency that only functions changing cases need): production adapters built from the environment, once per process and
 * only when a function first needs them (a function that never reads departments never needs
 * the departments table's name).
 */
export function once<T>(build: () => T): () => T {
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
