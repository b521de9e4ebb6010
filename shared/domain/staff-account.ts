import type { StaffRole } from './roles';

/**
 * A staff member's account as the office administers it: who they are, their roles, and for a
 * department user (承办单位) the department they act for. Never deleted — disabled, it keeps its
 * name on every case and audit entry it ever touched.
 */
export interface StaffAccount {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly StaffRole[];
  readonly departmentId?: string;
  /** A work phone, for the office's own contact list. */
  readonly phone?: string;
  readonly enabled: boolean;
}

/** What an administrator changes about an account (its username never changes). */
export interface StaffAccountChanges {
  readonly displayName?: string;
  readonly roles?: readonly StaffRole[];
  /** `null` takes the department away (a department user who became a dispatcher). */
  readonly departmentId?: string | null;
  readonly phone?: string | null;
  readonly enabled?: boolean;
}

export function changedAccount(before: StaffAccount, changes: StaffAccountChanges): StaffAccount {
  const { departmentId, phone, ...rest } = { ...before, ...changes };
  return {
    ...rest,
    ...(departmentId ? { departmentId } : {}),
    ...(phone ? { phone } : {}),
  };
}

/** An enabled administrator: the office must always keep one, or nobody could administer it. */
export function isActiveAdmin(account: StaffAccount): boolean {
  return account.enabled && account.roles.includes('admin');
}

/**
 * What is wrong with an account as a whole (its fields are checked by the schema): a department
 * user acts for exactly one department, and only department users name one.
 */
export function accountProblem(account: StaffAccount): { field: string; message: string } | undefined {
  const isDepartmentUser = account.roles.includes('department');
  if (isDepartmentUser && !account.departmentId) {
    return { field: 'departmentId', message: '承办单位账号必须指定所属单位' };
  }
  if (!isDepartmentUser && account.departmentId) {
    return { field: 'departmentId', message: '只有承办单位账号可以指定所属单位' };
  }
  return undefined;
}
