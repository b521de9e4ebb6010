import { ROLE_LABELS, type StaffActor } from '../domain/roles';
import type { DepartmentDirectory } from '../ports/department-directory';

export interface StaffProfileDependencies {
  readonly departments: DepartmentDirectory;
}

/** GET /v1/me: who the signed-in staff member is — roles and department, as the token says. */
export async function readStaffProfile(deps: StaffProfileDependencies, staff: StaffActor) {
  const department = staff.departmentId ? await deps.departments.get(staff.departmentId) : undefined;
  return {
    username: staff.username,
    roles: staff.roles.map((role) => ({ role, label: ROLE_LABELS[role] })),
    ...(department ? { department: { departmentId: department.departmentId, name: department.name } } : {}),
  };
}

/** GET /v1/health: the API answers once its database answers (an unknown department is an answer). */
export async function checkHealth(deps: StaffProfileDependencies): Promise<{ status: 'ok' }> {
  await deps.departments.get('health-check');
  return { status: 'ok' };
}
