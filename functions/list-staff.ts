import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffDirectory } from '../shared/runtime/dependencies';
import { listStaff, type StaffAdministrationDependencies } from '../shared/use-cases/administer-staff';

/** GET /v1/staff — every staff account, enabled or not (admin). */
export function getStaffList(deps: Pick<StaffAdministrationDependencies, 'directory'>) {
  return async (_event: HttpEvent) => json(200, await listStaff(deps));
}

export const handler = staffHandler(getStaffList({ directory: staffDirectory() }));
