import type { Case, TimelineEntry } from '../case';
import { forbidden } from '../errors';
import { type Actor, actorName, type Role } from '../roles';
import type { CaseStatus } from '../statuses';
import type { TimeLimits } from '../time-limits';
import type { WorkingCalendar } from '../working-days';
import { actionEffect } from './action-effects';
import { ACTION_RULES } from './action-rules';
import type { AnyAction } from './actions';
import { assertCanSeeCase } from './case-access';
import type { Notice } from './notices';
import { invalidTransition } from './transition-errors';

export interface LifecycleContext {
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly limits: TimeLimits;
}

/** What one action does to a case: the changed fields, the resulting status, a note for the timeline. */
export interface Effect {
  readonly status: CaseStatus;
  readonly changes: Partial<Case>;
  readonly note?: string;
  readonly departmentId?: string;
  readonly notices?: readonly Notice[];
}

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
  const rule = ACTION_RULES[action.type];
  // Visibility first: a department must not learn from a 403 that another department's case exists.
  // A citizen has already proved access with the query code.
  if (actor.kind === 'staff') assertCanSeeCase(actor, c);
  const role = authorizingRole(actor, rule.roles);
  if (!rule.from.includes(c.status)) throw invalidTransition(c.status, action.type);
  const at = context.now.toISOString();
  const effect = actionEffect(c, action, { ...context, at, actor, role });
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
