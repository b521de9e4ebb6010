import type { Case, TimelineEntry } from '../case';
import { forbidden } from '../errors';
import { type Actor, actorName, type Role } from '../roles';
import { type AnyAction, actionDefinition } from './action-table';
import { assertCanSeeCase } from './case-access';
import type { LifecycleContext } from './lifecycle-context';
import type { Notice } from './notices';
import { invalidTransition } from './transition-errors';

export interface Transition {
  readonly after: Case;
  readonly entry: TimelineEntry;
  readonly notices: readonly Notice[];
}

/**
 * The lifecycle's one way to change a case: checks visibility (404), role (403), status (409
 * INVALID_TRANSITION) and the action's own conditions, then returns the next version of the case
 * with exactly one new timeline entry (carrying the client request that asked for it, if any).
 * Pure: storing it is the caller's business.
 */
export function applyAction(
  c: Case,
  action: AnyAction,
  actor: Actor,
  context: LifecycleContext,
  request?: string,
): Transition {
  const definition = actionDefinition(action.type);
  // Visibility first: a department must not learn from a 403 that another department's case exists.
  // A citizen has already proved access with the query code.
  if (actor.kind === 'staff') assertCanSeeCase(actor, c);
  const role = authorizingRole(actor, definition.roles);
  if (!definition.from.includes(c.status)) throw invalidTransition(c.status, action.type, definition.label);
  const at = context.now.toISOString();
  const effect = definition.effect(c, action, { ...context, at, actor, role });
  const entry: TimelineEntry = {
    at,
    actor: actorName(actor),
    role,
    action: action.type,
    status: effect.status,
    ...(effect.note ? { note: effect.note } : {}),
    ...(effect.departmentId ? { departmentId: effect.departmentId } : {}),
    ...(request ? { request } : {}),
  };
  const after: Case = {
    ...c,
    ...effect.changes,
    status: effect.status,
    version: c.version + 1,
    timeline: [...c.timeline, entry],
  };
  return { after, entry, notices: effect.notices ?? [] };
}

/** The role the actor acts in: the first of theirs that the rule allows; none → 403. */
export function authorizingRole(actor: Actor, allowed: readonly Role[]): Role {
  if (actor.kind === 'citizen' || actor.kind === 'system') {
    if (allowed.includes(actor.kind)) return actor.kind;
    throw forbidden();
  }
  const role = actor.roles.find((r) => allowed.includes(r));
  if (!role) throw forbidden('您的角色无权执行此操作');
  return role;
}
