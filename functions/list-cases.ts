import { caseListQuerySchema } from '../shared/http/list-schemas';
import { staffHandler } from '../shared/http/staff-handler';
import { staffQuery } from '../shared/http/staff-query';
import { staffListDependencies } from '../shared/runtime/dependencies';
import { listCasesForStaff, type StaffListDependencies } from '../shared/use-cases/list-cases-for-staff';

/** GET /v1/cases — the staff case list: filters, newest or oldest first, cursor pages. */
export function listCases(deps: StaffListDependencies) {
  return staffQuery(caseListQuerySchema, (actor, { overdue, returned, extensionRequested, ...query }) =>
    listCasesForStaff(deps, actor, {
      ...query,
      ...(overdue ? { overdue: overdue === 'true' } : {}),
      ...(returned ? { returned: true } : {}),
      ...(extensionRequested ? { extensionRequested: true } : {}),
    } as Parameters<typeof listCasesForStaff>[2]),
  );
}

export const handler = staffHandler(listCases(staffListDependencies()));
