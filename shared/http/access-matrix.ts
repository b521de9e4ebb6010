import type { CaseAction } from '../domain/lifecycle/action-table';
import { ACTION_RULES } from '../domain/lifecycle/action-table';
import { STAFF_ROLES, type StaffRole } from '../domain/roles';
import { rolesOfRoute } from './route-authorization';

/**
 * The documented answers of the routes that take a case ID, by caller (OWASP API1/API5). The
 * roles each route admits at all are the route table's (shared/functions/route-table.ts); a
 * department user reaches only the cases currently assigned to its department (another
 * department's case answers 404, like a case that does not exist); what each role may *do* to a
 * case is the lifecycle table (ACTION_RULES).
 */
/** Who calls a route that takes a case ID, as the documented answers distinguish them. */
export type CaseCaller = StaffRole | 'other-department' | 'citizen' | 'citizen-wrong-code' | 'anonymous';

export const CASE_CALLERS: readonly CaseCaller[] = [
  ...STAFF_ROLES,
  'other-department',
  'citizen',
  'citizen-wrong-code',
  'anonymous',
];

/** The documented answer to GET /v1/cases/{caseId} (a case owned by `department`). */
export const CASE_READ_ANSWERS: Readonly<Record<CaseCaller, number>> = {
  operator: 200,
  dispatcher: 200,
  department: 200,
  reviewer: 200,
  leader: 200,
  admin: 200,
  'other-department': 404,
  citizen: 200,
  'citizen-wrong-code': 404,
  anonymous: 401,
};

/** The documented answer to POST /v1/cases/{caseId}/rating on a replied case. */
export const CASE_RATING_ANSWERS: Readonly<Record<CaseCaller, number>> = {
  operator: 401,
  dispatcher: 401,
  department: 401,
  reviewer: 401,
  leader: 401,
  admin: 401,
  'other-department': 401,
  citizen: 200,
  'citizen-wrong-code': 404,
  anonymous: 401,
};

/**
 * The documented answer to POST /v1/cases/{caseId}/actions for an action on a case in a status
 * that allows it: 401 without a staff token; 404 for a department the case is not assigned to
 * (another department's, or one not transferred yet); 403 for a role the route or the action does
 * not admit; 200 otherwise.
 */
export function caseActionAnswer(
  action: CaseAction['type'],
  caller: CaseCaller,
  assignedToDepartment: boolean,
): number {
  if (caller === 'anonymous' || caller === 'citizen' || caller === 'citizen-wrong-code') return 401;
  if (caller === 'other-department' || (caller === 'department' && !assignedToDepartment)) return 404;
  const routeRoles = rolesOfRoute('POST /v1/cases/{caseId}/actions');
  if (!routeRoles.includes(caller)) return 403;
  return ACTION_RULES[action].roles.includes(caller) ? 200 : 403;
}
