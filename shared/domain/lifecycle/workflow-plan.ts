import type { Case, OverdueCard } from '../case';
import type { TimeLimits } from '../time-limits';
import type { WorkingCalendar } from '../working-days';
import type { SystemAction } from './action-table';

/** The human step a case waits in; the CaseLifecycle state machine has one wait state for each. */
export type WorkflowStep = 'triage' | 'handling' | 'review' | 'follow_up' | 'done';

/**
 * The order a case usually goes through its steps. The state machine chains its wait states in
 * this order, so a case that simply moves on costs one state transition per step; a case that goes
 * anywhere else (a return, an extension, a reply sent back, an escalation) is planned again.
 */
export const WORKFLOW_SEQUENCE = [
  'triage',
  'handling',
  'review',
  'follow_up',
  'done',
] as const satisfies readonly WorkflowStep[];

/** The step the state machine's chain goes to when `step` ends. */
export function followingStep(step: WorkflowStep): WorkflowStep {
  return WORKFLOW_SEQUENCE[WORKFLOW_SEQUENCE.indexOf(step) + 1] ?? 'done';
}

/**
 * The error a wait step is failed with when the case did not move to the following step: the
 * state machine catches it and plans from the case table.
 */
export const REPLAN_ERROR = 'CaseLifecycle.Replan';

/** A wait longer than a year is not needed: with no escalation left, the wait still needs a timeout. */
export const LONGEST_WAIT_SECONDS = 365 * 24 * 60 * 60;

/** What a wait state of the state machine waits on, and for how long. */
export interface StepPlan {
  readonly step: WorkflowStep;
  readonly planKey: string;
  /** Whole seconds (Step Functions' TimeoutSecondsPath needs a positive integer). */
  readonly timeoutSeconds: number;
}

/**
 * The plan for a case's current step, for the execution of `round` (its reopen count): a case
 * reopened since (or gone) is followed by the execution of its newer round, so this one is done.
 * `secondsUntil` turns the next escalation's instant into timer seconds.
 */
export function planStep(
  c: Case | undefined,
  round: number,
  calendar: WorkingCalendar,
  limits: TimeLimits,
  secondsUntil: (instant: Date) => number,
): StepPlan {
  if (!c || c.reopenCount !== round) return { step: 'done', planKey: '', timeoutSeconds: 1 };
  const escalation = nextEscalation(c, calendar, limits);
  const seconds = escalation ? secondsUntil(escalation.at) : LONGEST_WAIT_SECONDS;
  return {
    step: stepOf(c),
    planKey: planKey(c),
    timeoutSeconds: Math.min(LONGEST_WAIT_SECONDS, Math.max(1, Math.ceil(seconds))),
  };
}

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
