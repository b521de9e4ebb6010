import type { TableRole } from '../adapters/table-schemas';

/**
 * Names of the environment variables the stack gives each function. The CDK stack sets them from
 * the route table, the local server from the synthesized template: both read this list.
 */
export const TABLE_ENV: Readonly<Record<TableRole, string>> = {
  letters: 'LETTERS_TABLE',
  tickets: 'TICKETS_TABLE',
  consultations: 'CONSULTATIONS_TABLE',
  idempotency: 'IDEMPOTENCY_TABLE',
  statistics: 'STATISTICS_TABLE',
  sequences: 'SEQUENCES_TABLE',
  departments: 'DEPARTMENTS_TABLE',
  keyring: 'KEYRING_TABLE',
  workflowTasks: 'WORKFLOW_TASKS_TABLE',
  notifications: 'NOTIFICATIONS_TABLE',
  audit: 'AUDIT_TABLE',
  rateLimits: 'RATE_LIMITS_TABLE',
  clientKeys: 'CLIENT_KEYS_TABLE',
  settings: 'SETTINGS_TABLE',
  staff: 'STAFF_TABLE',
};
export type { TableRole };

export const SETTING_ENV = {
  /** `kms` in the cloud; `local-file` on a developer machine. */
  keyWrapper: 'CIVICLINE_KEY_WRAPPER',
  kmsKeyId: 'CIVICLINE_KMS_KEY_ID',
  localKeyFile: 'CIVICLINE_LOCAL_KEY_FILE',
  timeScale: 'CIVICLINE_TIME_SCALE',
  clockStart: 'CIVICLINE_CLOCK_START',
  stateMachineArn: 'CASE_LIFECYCLE_ARN',
  notificationTopicArn: 'NOTIFICATION_TOPIC_ARN',
  /**
   * `cognito` in the global cloud; `external` where staff sign in with the city's identity platform
   * (China); `local` on a developer machine (the local sign-in reads the directory).
   */
  signInAccounts: 'CIVICLINE_SIGN_IN',
  staffUserPoolId: 'STAFF_USER_POOL_ID',
  /** The private bucket of attached files (附件). */
  attachmentsBucket: 'ATTACHMENTS_BUCKET',
  /** Where the stack texts citizens itself (China): the SMS provider's settings, as JSON. */
  smsSettings: 'SMS_SETTINGS',
  /** The Secrets Manager secret holding the SMS provider's AccessKey. */
  smsAccessKeySecret: 'SMS_ACCESS_KEY_SECRET',
  /** On a developer machine instead of the secret: a file with the local stand-in's AccessKey. */
  smsLocalAccessKeyFile: 'SMS_LOCAL_ACCESS_KEY_FILE',
} as const;

/** Token settings for the function that verifies staff tokens itself (`citizen-or-staff` route). */
export const STAFF_TOKEN_ENV = {
  issuer: 'STAFF_TOKEN_ISSUER',
  audience: 'STAFF_TOKEN_AUDIENCE',
  jwksUrl: 'STAFF_TOKEN_JWKS_URL',
  /** The token shape (staff-claims.ts) as JSON, where it is not Cognito's: every staff function has it. */
  claims: 'STAFF_TOKEN_CLAIMS',
} as const;

/** A required setting; a missing one is a deployment bug, so it fails loudly at first use. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function tableName(role: TableRole): string {
  return requiredEnv(TABLE_ENV[role]);
}
