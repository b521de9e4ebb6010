/** A limit on how often something may happen: `max` times per fixed window. */
export interface Limit {
  readonly key: string;
  readonly max: number;
  readonly windowSeconds: number;
  /** What the person is told (Simplified Chinese) when the limit is reached. */
  readonly message: string;
}

/**
 * How much one client (source IP) or one phone may do (DOMAIN.md "Personal data": query codes are
 * rate-limited). The numbers can be changed by environment for a city's own traffic.
 */
export interface AbuseLimits {
  readonly submissionsPerClientPerHour: number;
  readonly submissionsPerPhonePerDay: number;
  readonly queryCodeFailuresPerCase: number;
  readonly queryCodeLockoutMinutes: number;
  readonly queryCodeFailuresPerClientPerHour: number;
  /** Upload forms handed to one client: five files a letter, with room for retries. */
  readonly uploadsPerClientPerHour: number;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = {
  submissionsPerClientPerHour: 30,
  submissionsPerPhonePerDay: 10,
  queryCodeFailuresPerCase: 5,
  queryCodeLockoutMinutes: 15,
  queryCodeFailuresPerClientPerHour: 30,
  uploadsPerClientPerHour: 60,
};

export function submissionLimits(limits: AbuseLimits, client: string, phoneKey: string): Limit[] {
  return [
    {
      key: `submit:client:${client}`,
      max: limits.submissionsPerClientPerHour,
      windowSeconds: 3600,
      message: '提交过于频繁，请稍后再试',
    },
    {
      key: `submit:phone:${phoneKey}`,
      max: limits.submissionsPerPhonePerDay,
      windowSeconds: 86_400,
      message: '该手机号今日提交次数已达上限，请明日再试',
    },
  ];
}

export function uploadLimits(limits: AbuseLimits, client: string): Limit[] {
  return [
    {
      key: `upload:client:${client}`,
      max: limits.uploadsPerClientPerHour,
      windowSeconds: 3600,
      message: '上传过于频繁，请稍后再试',
    },
  ];
}

/**
 * Wrong query codes: a case locks after a few, a client after many (across cases). The client's
 * limit comes first, so a client past its own limit can no longer use up a case's attempts.
 */
export function queryCodeLimits(limits: AbuseLimits, caseId: string, client: string): Limit[] {
  return [
    {
      key: `query-code:client:${client}`,
      max: limits.queryCodeFailuresPerClientPerHour,
      windowSeconds: 3600,
      message: '查询码错误次数过多，请稍后再试',
    },
    {
      key: `query-code:case:${caseId}`,
      max: limits.queryCodeFailuresPerCase,
      windowSeconds: limits.queryCodeLockoutMinutes * 60,
      message: `查询码错误次数过多，该案件已锁定，请${limits.queryCodeLockoutMinutes}分钟后再试`,
    },
  ];
}

export function abuseLimitsFrom(env: Record<string, string | undefined>): AbuseLimits {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    submissionsPerClientPerHour: number(
      'CIVICLINE_SUBMISSIONS_PER_CLIENT_HOUR',
      DEFAULT_ABUSE_LIMITS.submissionsPerClientPerHour,
    ),
    submissionsPerPhonePerDay: number(
      'CIVICLINE_SUBMISSIONS_PER_PHONE_DAY',
      DEFAULT_ABUSE_LIMITS.submissionsPerPhonePerDay,
    ),
    queryCodeFailuresPerCase: number(
      'CIVICLINE_QUERY_CODE_FAILURES_PER_CASE',
      DEFAULT_ABUSE_LIMITS.queryCodeFailuresPerCase,
    ),
    queryCodeLockoutMinutes: number(
      'CIVICLINE_QUERY_CODE_LOCKOUT_MINUTES',
      DEFAULT_ABUSE_LIMITS.queryCodeLockoutMinutes,
    ),
    queryCodeFailuresPerClientPerHour: number(
      'CIVICLINE_QUERY_CODE_FAILURES_PER_CLIENT_HOUR',
      DEFAULT_ABUSE_LIMITS.queryCodeFailuresPerClientPerHour,
    ),
    uploadsPerClientPerHour: number(
      'CIVICLINE_UPLOADS_PER_CLIENT_HOUR',
      DEFAULT_ABUSE_LIMITS.uploadsPerClientPerHour,
    ),
  };
}
