import { departmentChangesSchema, departmentPathSchema } from '../shared/http/department-schemas';
import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { departmentAdministrationDependencies } from '../shared/runtime/dependencies';
import {
  changeDepartment,
  type DepartmentAdministrationDependencies,
} from '../shared/use-cases/administer-departments';

/** PATCH /v1/departments/{departmentId} — rename, describe, consultations on/off, (de)activate. */
export function updateDepartment(deps: DepartmentAdministrationDependencies) {
  return async (event: HttpEvent) => {
    const departmentId = parseInput(departmentPathSchema, event.pathParameters?.departmentId);
    const changes = parseInput(departmentChangesSchema, event.body);
    const changed = await changeDepartment(deps, staffFromEvent(event), departmentId, changes);
    return json(200, changed);
  };
}

export const handler = staffHandler(updateDepartment(departmentAdministrationDependencies()), {
  jsonBody: true,
});
