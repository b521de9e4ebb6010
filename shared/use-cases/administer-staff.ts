import { CivicError } from '../domain/errors';
import type { StaffActor } from '../domain/roles';
import {
  accountProblem,
  changedAccount,
  type StaffAccount,
  type StaffAccountChanges,
} from '../domain/staff-account';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { SignInAccounts, StaffDirectory } from '../ports/staff-directory';

export interface StaffAdministrationDependencies {
  readonly directory: StaffDirectory;
  readonly signIn: SignInAccounts;
  readonly departments: DepartmentDirectory;
}

const asAdmin = (admin: StaffActor) => ({ username: admin.username, role: 'admin' });

/** GET /v1/staff: every account, enabled or not, by username. */
export async function listStaff(deps: Pick<StaffAdministrationDependencies, 'directory'>) {
  const staff = [...(await deps.directory.list())].sort((a, b) => a.username.localeCompare(b.username));
  return { staff };
}

/**
 * POST /v1/staff: a new operator, dispatcher, department user… enabled at once. In the cloud the
 * sign-in account is created first (with a temporary password the administrator hands over; the
 * first sign-in sets a new one and enrols MFA), then the directory entry that every staff request is
 * checked against; a retry after a failure between the two completes the account.
 */
export async function createStaff(
  deps: StaffAdministrationDependencies,
  admin: StaffActor,
  input: Omit<StaffAccount, 'enabled'>,
): Promise<{ account: StaffAccount; temporaryPassword?: string }> {
  const account: StaffAccount = { ...input, enabled: true };
  await assertValid(deps, account);
  if (await deps.directory.get(account.username)) throw staffExists(account.username);
  const { temporaryPassword } = await deps.signIn.create(account);
  if (!(await deps.directory.add(account, asAdmin(admin)))) throw staffExists(account.username);
  return { account, ...(temporaryPassword ? { temporaryPassword } : {}) };
}

/**
 * PATCH /v1/staff/{username}: roles, department, name, phone, or disabled (never deleted: the name
 * stays on every case and audit entry). A disabled account is refused at its next request. The
 * office always keeps one enabled administrator.
 */
export async function changeStaff(
  deps: StaffAdministrationDependencies,
  admin: StaffActor,
  username: string,
  changes: StaffAccountChanges,
): Promise<StaffAccount> {
  if (changes.departmentId) await assertDepartment(deps, changes.departmentId);
  const changed = await deps.directory.change(
    username,
    (before) => {
      const after = changedAccount(before, changes);
      const problem = accountProblem(after);
      if (problem) throw invalid(problem);
      return after;
    },
    asAdmin(admin),
  );
  if (changed === undefined) throw new CivicError(404, 'STAFF_NOT_FOUND', `没有用户名为 ${username} 的账号`);
  if (changed === 'last-admin') {
    throw new CivicError(409, 'LAST_ADMIN', '不能停用或撤销最后一位管理员，请先为其他账号授予管理员角色');
  }
  await deps.signIn.update(changed.after);
  return changed.after;
}

async function assertValid(deps: StaffAdministrationDependencies, account: StaffAccount): Promise<void> {
  const problem = accountProblem(account);
  if (problem) throw invalid(problem);
  if (account.departmentId) await assertDepartment(deps, account.departmentId);
}

async function assertDepartment(deps: StaffAdministrationDependencies, departmentId: string): Promise<void> {
  const department = await deps.departments.get(departmentId);
  if (!department?.active) {
    throw new CivicError(400, 'UNKNOWN_DEPARTMENT', '所选承办单位不存在或已停用', [
      { field: 'departmentId', message: '所选承办单位不存在或已停用' },
    ]);
  }
}

const invalid = (problem: { field: string; message: string }) =>
  new CivicError(400, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', [problem]);

const staffExists = (username: string) =>
  new CivicError(409, 'STAFF_EXISTS', `用户名 ${username} 已被使用`, [
    { field: 'username', message: '该用户名已被使用' },
  ]);
