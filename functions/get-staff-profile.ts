import { ROLE_LABELS } from '../shared/domain/roles';
import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { staffFromEvent } from '../shared/http/staff-identity';
import type { DepartmentDirectory } from '../shared/ports/department-directory';
import { departmentDirectory } from '../shared/runtime/dependencies';

/** GET /v1/me — who the signed-in staff member is: roles and department, as the token says. */
export function getStaffProfile(departments: DepartmentDirectory) {
  return async (event: HttpEvent) => {
    const staff = staffFromEvent(event);
    const department = staff.departmentId ? await departments.get(staff.departmentId) : undefined;
    return json(200, {
      username: staff.username,
      roles: staff.roles.map((role) => ({ role, label: ROLE_LABELS[role] })),
      ...(department ? { department } : {}),
    });
  };
}

export const handler = httpHandler(getStaffProfile(departmentDirectory()));
