import { aesContactVault } from '../adapters/aes-contact-vault';
import { cognitoSignInAccounts } from '../adapters/cognito-sign-in-accounts';
import { directoryOnlySignInAccounts } from '../adapters/directory-only-sign-in-accounts';
import { dynamoAuditLog } from '../adapters/dynamo-audit-log';
import { dynamoCaseStore } from '../adapters/dynamo-case-store';
import { dynamoClientKeys } from '../adapters/dynamo-client-keys';
import { dynamoDepartmentDirectory } from '../adapters/dynamo-department-directory';
import { dynamoDepartmentRegistry } from '../adapters/dynamo-department-registry';
import { dynamoKeyRing } from '../adapters/dynamo-key-ring';
import { dynamoOfficeSettings } from '../adapters/dynamo-office-settings';
import { dynamoRateLimiter } from '../adapters/dynamo-rate-limiter';
import { dynamoStaffDirectory } from '../adapters/dynamo-staff-directory';
import { dynamoStatistics } from '../adapters/dynamo-statistics';
import { kmsKeyWrapper } from '../adapters/kms-key-wrapper';
import { localFileKeyWrapper } from '../adapters/local-file-key-wrapper';
import { powertoolsMetrics } from '../adapters/powertools-metrics';
import { s3AttachmentFiles } from '../adapters/s3-attachment-files';
import { abuseLimitsFrom } from '../domain/abuse-limits';
import { type OfficeRules, officeRules } from '../domain/office-rules';
import type { AttachmentFiles } from '../ports/attachment-files';
import type { AuditLog } from '../ports/audit-log';
import type { CaseMetrics } from '../ports/case-metrics';
import type { CaseStore } from '../ports/case-store';
import type { ClientKeys } from '../ports/client-keys';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { KeyRing, KeyWrapper } from '../ports/key-ring';
import type { OfficeSettingsStore } from '../ports/office-settings';
import type { RateLimiter } from '../ports/rate-limiter';
import type { SignInAccounts, StaffDirectory } from '../ports/staff-directory';
import type { StatisticsReader, StatisticsRebuilder } from '../ports/statistics';
import type { DepartmentAdministrationDependencies } from '../use-cases/administer-departments';
import type { SettingsAdministrationDependencies } from '../use-cases/administer-settings';
import type { StaffAdministrationDependencies } from '../use-cases/administer-staff';
import type { AttachmentReading, UploadOfferDependencies } from '../use-cases/attach-files';
import type { ClientApplicationDependencies } from '../use-cases/client-applications';
import type { StaffListDependencies } from '../use-cases/list-cases-for-staff';
import type { PublicationDependencies } from '../use-cases/list-published-cases';
import type { AuditTrailDependencies } from '../use-cases/read-audit-trail';
import type { StaffProfileDependencies } from '../use-cases/read-staff-profile';
import type { StatisticsDependencies } from '../use-cases/read-statistics';
import type { CitizenAccessDependencies } from '../use-cases/view-case-as-citizen';
import type { StaffAccessDependencies } from '../use-cases/view-case-as-staff';
import type { PlanningDependencies } from '../use-cases/workflow-steps';
import { documentClient } from './clients';
import { configuredClock } from './clock';
import { cognitoClient } from './cognito-client';
import { requiredEnv, SETTING_ENV, TABLE_ENV, tableName } from './environment';
import { functionScope } from './function-scope';
import { perInvocation } from './invocation';
import { logger } from './logger';
import { s3Client } from './s3-client';

/**
 * The composition root, read side (write-dependencies.ts adds what only functions that change cases
 * need, so read-only bundles never load the workflow, notification or idempotency clients):
 * production adapters built from the environment, once per process and only when a function first
 * needs them, and one factory per use-case family, typed by that use case's own dependency
 * interface. Handlers call the factories; they never name an adapter. Each `once(...)` is marked
 * `@__PURE__` so the bundler drops the adapters a function never asks for — and their SDK clients
 * and data — from its bundle (a smaller bundle is a shorter cold start).
 */
export function once<T>(build: () => T): () => T {
  // Keyed by function: one entry on Lambda, one per function in the local runtime's single process.
  const built = new Map<string, T>();
  return () => {
    const scope = functionScope();
    if (!built.has(scope)) built.set(scope, build());
    return built.get(scope) as T;
  };
}

export const caseStore = /* @__PURE__ */ once<CaseStore>(() =>
  dynamoCaseStore(documentClient(), {
    cases: {
      letter: tableName('letters'),
      hotline: tableName('tickets'),
      consultation: tableName('consultations'),
    },
    sequences: process.env[TABLE_ENV.sequences],
    audit: process.env[TABLE_ENV.audit],
    notifications: process.env[TABLE_ENV.notifications],
    statistics: process.env[TABLE_ENV.statistics],
  }),
);

const keyWrapper = /* @__PURE__ */ once<KeyWrapper>(() =>
  process.env[SETTING_ENV.keyWrapper] === 'local-file'
    ? localFileKeyWrapper(requiredEnv(SETTING_ENV.localKeyFile))
    : kmsKeyWrapper(requiredEnv(SETTING_ENV.kmsKeyId)),
);

export const keyRing = /* @__PURE__ */ once<KeyRing>(() =>
  dynamoKeyRing(documentClient(), tableName('keyring'), keyWrapper()),
);

export const contactVault = /* @__PURE__ */ once<ContactVault>(() => aesContactVault(keyRing()));

export const departmentDirectory = /* @__PURE__ */ once<DepartmentDirectory>(() =>
  dynamoDepartmentDirectory(documentClient(), tableName('departments')),
);

export const statisticsReader = /* @__PURE__ */ once<StatisticsReader & StatisticsRebuilder>(() =>
  dynamoStatistics(documentClient(), tableName('statistics')),
);

export const clientKeys = /* @__PURE__ */ once<ClientKeys>(() =>
  dynamoClientKeys(documentClient(), tableName('clientKeys'), () => keyRing().hashKey()),
);

export const clock = configuredClock;

/** Counts for operators, as CloudWatch embedded metrics on stdout. */
export const caseMetrics = /* @__PURE__ */ once<CaseMetrics>(() => powertoolsMetrics());

/** Every staff request is checked against it; the staff administration functions change it. */
export const staffDirectory = /* @__PURE__ */ once<StaffDirectory>(() =>
  dynamoStaffDirectory(documentClient(), { staff: tableName('staff'), audit: process.env[TABLE_ENV.audit] }),
);

/**
 * The private bucket of attached files: forms to upload, checks of what arrived, links to open.
 * Client and bucket are looked up at first use: a function that never sees a file (a hotline
 * ticket) neither creates the client nor needs the bucket; one that does without it fails loudly.
 */
export const attachmentFiles = /* @__PURE__ */ once<AttachmentFiles>(() =>
  s3AttachmentFiles(s3Client, () => requiredEnv(SETTING_ENV.attachmentsBucket)),
);

export const rateLimiter = /* @__PURE__ */ once<RateLimiter>(() =>
  dynamoRateLimiter(documentClient(), tableName('rateLimits')),
);

export const abuseLimits = /* @__PURE__ */ once(() => abuseLimitsFrom(process.env));

export const auditLog = /* @__PURE__ */ once<AuditLog>(() =>
  dynamoAuditLog(documentClient(), tableName('audit'), configuredClock()),
);

export const officeSettings = /* @__PURE__ */ once<OfficeSettingsStore>(() =>
  dynamoOfficeSettings(documentClient(), {
    settings: tableName('settings'),
    audit: process.env[TABLE_ENV.audit],
  }),
);

/**
 * The time limits and calendar every deadline is computed by, as the administrator has set them:
 * read (one Query) at the first deadline of an invocation, so a change applies to the next one.
 */
export const currentRules = perInvocation<OfficeRules>(async () =>
  officeRules((await officeSettings().read()).data),
);

// One factory per use-case family.

export const staffProfileDependencies = (): StaffProfileDependencies => ({
  departments: departmentDirectory(),
});

/** GET /v1/cases/{caseId}: the citizen's view with a query code, the staff view with a token. */
export const caseReadDependencies = (): CitizenAccessDependencies &
  StaffAccessDependencies &
  AttachmentReading => ({
  store: caseStore(),
  files: attachmentFiles(),
  keys: keyRing(),
  departments: departmentDirectory(),
  vault: contactVault(),
  limiter: rateLimiter(),
  abuseLimits: abuseLimits(),
  audit: auditLog(),
  log: logger,
});

export const staffListDependencies = (): StaffListDependencies => ({
  store: caseStore(),
  keys: keyRing(),
  vault: contactVault(),
});

export const publicationDependencies = (): PublicationDependencies => ({
  store: caseStore(),
  vault: contactVault(),
  keys: keyRing(),
  departments: departmentDirectory(),
});

/** GET /v1/public/cases: the published cases, with the files a reviewer released. */
export const publicListingDependencies = (): PublicationDependencies & AttachmentReading => ({
  ...publicationDependencies(),
  files: attachmentFiles(),
});

/** POST /v1/uploads: a presigned form per file, limited per client. */
export const uploadOfferDependencies = (): UploadOfferDependencies => ({
  files: attachmentFiles(),
  limiter: rateLimiter(),
  abuseLimits: abuseLimits(),
});

export const statisticsDependencies = (): StatisticsDependencies => ({
  statistics: statisticsReader(),
  departments: departmentDirectory(),
});

export const clientApplicationDependencies = (): ClientApplicationDependencies => ({
  clientKeys: clientKeys(),
});

/** POST and PATCH /v1/departments (admin). */
export const departmentAdministrationDependencies = (): DepartmentAdministrationDependencies => ({
  registry: dynamoDepartmentRegistry(documentClient(), {
    departments: tableName('departments'),
    audit: tableName('audit'),
  }),
});

/** Open311 requests read as the public listing does, and as the citizen with a query code does. */
export const serviceRequestReadDependencies = (): PublicationDependencies & CitizenAccessDependencies => ({
  ...publicationDependencies(),
  limiter: rateLimiter(),
  abuseLimits: abuseLimits(),
});

export const auditTrailDependencies = (): AuditTrailDependencies => ({ audit: auditLog(), keys: keyRing() });

export const planningDependencies = (): PlanningDependencies => ({
  store: caseStore(),
  clock: clock(),
  rules: currentRules,
});

/** POST and PATCH /v1/staff (admin): the directory, and the sign-in accounts where they live. */
export const staffAdministrationDependencies = (): StaffAdministrationDependencies => ({
  directory: staffDirectory(),
  signIn: signInAccounts(process.env[SETTING_ENV.signInAccounts]),
  departments: departmentDirectory(),
});

/** Where sign-in accounts live: Cognito, the city's identity platform (nothing to do), or this machine. */
function signInAccounts(kind: string | undefined): SignInAccounts {
  if (kind === 'local' || kind === 'external') return directoryOnlySignInAccounts;
  return cognitoSignInAccounts(cognitoClient(), requiredEnv(SETTING_ENV.staffUserPoolId));
}

/** GET and PUT /v1/settings/… (admin). */
export const settingsAdministrationDependencies = (): SettingsAdministrationDependencies => ({
  settings: officeSettings(),
});
