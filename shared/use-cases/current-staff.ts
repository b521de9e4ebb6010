import { CivicError, forbidden } from '../domain/errors';
import type { StaffActor } from '../domain/roles';
import type { StaffDirectory } from '../ports/staff-directory';

/**
 * The staff member behind a verified token, as the directory has them now: a disabled (or unknown)
 * account is refused at its next request although its token has not expired, a role taken away
 * no longer counts, and the department is the one the account acts for today. A role added since
 * the token was issued counts from the next sign-in (the token must carry it too).
 */
export async function currentStaff(directory: StaffDirectory, fromToken: StaffActor): Promise<StaffActor> {
  const account = await directory.get(fromToken.username);
  if (!account?.enabled) {
    throw new CivicError(401, 'ACCOUNT_DISABLED', '该账号已停用或不存在，请联系管理员');
  }
  const roles = fromToken.roles.filter((role) => account.roles.includes(role));
  if (roles.length === 0) throw forbidden('该账号未分配任何角色');
  return {
    kind: 'staff',
    username: account.username,
    roles,
    ...(account.departmentId ? { departmentId: account.departmentId } : {}),
  };
}
