import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { staffChangesSchema, usernameSchema } from '../shared/http/staff-schemas';
import { parseInput } from '../shared/http/validation';
import { staffAdministrationDependencies } from '../shared/runtime/dependencies';
import { changeStaff, type StaffAdministrationDependencies } from '../shared/use-cases/administer-staff';

/** PATCH /v1/staff/{username} — roles, department, name, phone, or disable / enable (admin). */
export function patchStaff(deps: StaffAdministrationDependencies) {
  return async (event: HttpEvent) => {
    const username = parseInput(usernameSchema, event.pathParameters?.username);
    const changes = parseInput(staffChangesSchema, event.body);
    return json(200, await changeStaff(deps, staffFromEvent(event), username, changes));
  };
}

export const handler = staffHandler(patchStaff(staffAdministrationDependencies()), { jsonBody: true });
