import { CivicError } from '../domain/errors';
import type { StaffActor } from '../domain/roles';
import type { Department, DepartmentChanges, DepartmentRegistry } from '../ports/department-directory';

export interface DepartmentAdministrationDependencies {
  readonly registry: DepartmentRegistry;
}

const asAdmin = (admin: StaffActor) => ({ username: admin.username, role: 'admin' });

/**
 * POST /v1/departments: a department the government added (a reorganisation). Active from now;
 * `acceptsConsultations` says whether citizens may address online consultations to it.
 */
export async function addDepartment(
  deps: DepartmentAdministrationDependencies,
  admin: StaffActor,
  input: { id: string; name: string; description?: string; acceptsConsultations: boolean },
): Promise<Department> {
  const department: Department = {
    departmentId: input.id,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    acceptsConsultations: input.acceptsConsultations,
    active: true,
  };
  if (!(await deps.registry.add(department, asAdmin(admin)))) {
    throw new CivicError(409, 'DEPARTMENT_EXISTS', `单位编号 ${input.id} 已存在`, [
      { field: 'id', message: '该单位编号已存在' },
    ]);
  }
  return department;
}

/**
 * PATCH /v1/departments/{departmentId}: renamed, re-described, consultations on or off, or
 * deactivated (never deleted: its cases and figures stay; it takes no new transfers or
 * consultations) and reactivated.
 */
export async function changeDepartment(
  deps: DepartmentAdministrationDependencies,
  admin: StaffActor,
  departmentId: string,
  changes: DepartmentChanges,
): Promise<Department> {
  const changed = await deps.registry.change(departmentId, changes, asAdmin(admin));
  if (!changed) throw new CivicError(404, 'DEPARTMENT_NOT_FOUND', `没有编号为 ${departmentId} 的单位`);
  return changed.after;
}
