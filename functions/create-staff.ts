import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { newStaffSchema } from '../shared/http/staff-schemas';
import { parseInput } from '../shared/http/validation';
import { staffAdministrationDependencies } from '../shared/runtime/dependencies';
import { createStaff, type StaffAdministrationDependencies } from '../shared/use-cases/administer-staff';

/** POST /v1/staff — an account for a new member of staff; 201 with it (and, in the cloud, a temporary password). */
export function postStaff(deps: StaffAdministrationDependencies) {
  return async (event: HttpEvent) => {
    const input = parseInput(newStaffSchema, event.body);
    const created = await createStaff(deps, staffFromEvent(event), input);
    return json(201, {
      ...created.account,
      ...(created.temporaryPassword ? { temporaryPassword: created.temporaryPassword } : {}),
    });
  };
}

export const handler = staffHandler(postStaff(staffAdministrationDependencies()), { jsonBody: true });
