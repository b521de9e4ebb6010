import { newDepartmentSchema } from '../shared/http/department-schemas';
import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { departmentAdministrationDependencies } from '../shared/runtime/dependencies';
import {
  addDepartment,
  type DepartmentAdministrationDependencies,
} from '../shared/use-cases/administer-departments';

/** POST /v1/departments — an administrator adds a department (a reorganisation); 201 with it. */
export function createDepartment(deps: DepartmentAdministrationDependencies) {
  return async (event: HttpEvent) => {
    const input = parseInput(newDepartmentSchema, event.body);
    return json(201, await addDepartment(deps, staffFromEvent(event), input));
  };
}

export const handler = staffHandler(createDepartment(departmentAdministrationDependencies()), {
  jsonBody: true,
});
