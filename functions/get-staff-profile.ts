import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { staffProfileDependencies } from '../shared/runtime/dependencies';
import { readStaffProfile, type StaffProfileDependencies } from '../shared/use-cases/read-staff-profile';

/** GET /v1/me — who the signed-in staff member is: roles and department, as the token says. */
export function getStaffProfile(deps: StaffProfileDependencies) {
  return async (event: HttpEvent) => json(200, await readStaffProfile(deps, staffFromEvent(event)));
}

export const handler = staffHandler(getStaffProfile(staffProfileDependencies()));
