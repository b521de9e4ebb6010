import { type Assignment, type Case, currentAssignment } from '../case';
import { ruleViolation } from './transition-errors';

/** The department currently holding the case; an action that needs one and finds none is a 409. */
export function requireAssignment(c: Case): Assignment {
  const assignment = currentAssignment(c);
  if (!assignment) throw ruleViolation('NOT_ASSIGNED', '该案件当前没有承办单位');
  return assignment;
}

/** The assignments with the current one replaced (signed, returned). */
export function replaceCurrent(c: Case, assignment: Assignment): Assignment[] {
  return [...c.assignments.slice(0, -1), assignment];
}

/**
 * One extension per case (DOMAIN.md "Time limits"): an approved one stays on the case through a
 * return and a new transfer, so the next department cannot ask again; a pending or refused
 * request ends with the assignment it was made in.
 */
export function approvedExtension(c: Case): Case['extension'] {
  return c.extension?.decision === 'approved' ? c.extension : undefined;
}
