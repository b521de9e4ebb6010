import { type Case, currentAssignment } from '../case';
import { notFound } from '../errors';
import type { Actor } from '../roles';

/**
 * Object-level access: a department user sees only the cases currently assigned to their
 * department; every other staff role sees all cases (what each sees *of* a case is the view's
 * business). A case a department may not see is answered like a case that does not exist.
 */
export function canSeeCase(actor: Actor, c: Case): boolean {
  if (actor.kind !== 'staff') return actor.kind === 'system';
  if (actor.roles.some((role) => role !== 'department')) return true;
  const assignment = currentAssignment(c);
  return Boolean(actor.departmentId && assignment && assignment.departmentId === actor.departmentId);
}

export function assertCanSeeCase(actor: Actor, c: Case): void {
  if (!canSeeCase(actor, c)) throw notFound();
}
