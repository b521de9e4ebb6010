import type { Case, OverdueCard } from '../case';
import type { TimeLimits } from '../time-limits';
import type { WorkingCalendar } from '../working-days';
import type { SystemAction } from './action-table';

/** The human step a case waits in; the CaseLifecycle state machine has one wait state for each. */
export type WorkflowStep = 'triage' | 'handling' | 'review' | 'follow_up' | 'done';

export function stepOf(c: Case): WorkflowStep {
  switch (c.status) {
    case 'submitted':
      return 'triage';
    case 'handling':
      return 'handling';
    case 'reviewing':
      return 'review';
    case 'replied':
      return 'follow_up';
    default:
      return 'done';
  }
}

/** The deadline of the step the case is in. */
export function stepDeadline(c: Case): string | undefined {
  switch (stepOf(c)) {
    case 'triage':
      return c.deadlines.triageBy;
    case 'handling':
      return c.deadlines.handleBy;
    case 'review':
      return c.deadlines.reviewBy;
    case 'follow_up':
      return c.deadlines.followUpBy;
    default:
      return undefined;
  }
}

/**
 * What happens next if nobody acts: a yellow card (黄牌) at the deadline, a red card (红牌) five
 * working days later, or, in follow-up, closing unrated when the window ends.
 */
export type Escalation =
  | { readonly at: Date; readonly card: OverdueCard }
  | { readonly at: Date; readonly closeUnrated: true };

export function nextEscalation(
  c: Case,
  calendar: WorkingCalendar,
  limits: TimeLimits,
): Escalation | undefined {
  const deadline = stepDeadline(c);
  if (!deadline) return undefined;
  if (stepOf(c) === 'follow_up') return { at: new Date(deadline), closeUnrated: true };
  if (!c.overdue) return { at: new Date(deadline), card: 'yellow' };
  if (c.overdue.card === 'yellow')
    return { at: calendar.addWorkingDays(new Date(deadline), limits.redCardAfter).at, card: 'red' };
  return undefined;
}

/** The system action due at `now`, if the next escalation's time has come. */
export function dueEscalation(
  c: Case,
  now: Date,
  calendar: WorkingCalendar,
  limits: TimeLimits,
): SystemAction | undefined {
  const escalation = nextEscalation(c, calendar, limits);
  if (!escalation || now < escalation.at) return undefined;
  return 'card' in escalation ? { type: 'flag_overdue', card: escalation.card } : { type: 'close_unrated' };
}

/**
 * Everything the workflow's current wait depends on. When an action changes it, the waiting task
 * is completed so the workflow plans again; when it does not (sign, supervise), the wait goes on.
 */
export function planKey(c: Case): string {
  return `${c.status}|${stepDeadline(c) ?? ''}|${c.overdue?.card ?? ''}`;
}
