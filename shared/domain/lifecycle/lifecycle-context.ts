import type { Attachment } from '../attachment';
import type { Case, Deadlines } from '../case';
import { earliest } from '../intake';
import type { Actor, Role } from '../roles';
import type { CaseStatus } from '../statuses';
import type { TimeLimits } from '../time-limits';
import type { WorkingCalendar } from '../working-days';
import type { Notice } from './notices';

/** What the lifecycle needs to know besides the case: the time, the calendar and the configured limits. */
export interface LifecycleContext {
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly limits: TimeLimits;
  /** The files the request attaches, already verified from their bytes (attach-files.ts). */
  readonly files?: readonly Attachment[];
}

/** The context of one action being applied: who, in which role, at which instant (ISO). */
export interface EffectContext extends LifecycleContext {
  readonly at: string;
  readonly actor: Actor;
  readonly role: Role;
}

/** What one action does to a case: the changed fields, the resulting status, a note for the timeline. */
export interface Effect {
  readonly status: CaseStatus;
  readonly changes: Partial<Case>;
  readonly note?: string;
  readonly departmentId?: string;
  readonly notices?: readonly Notice[];
}

/**
 * The case's deadlines (`deadlines`, the case's own unless a step's is dropped) with the step now
 * running due `workingDays` from now. A forwarded letter is answered back by its date: no step
 * before its first reply runs past it (the follow-up window, and a reopened case's new round,
 * come after the answer went back). `estimated`
 * speaks of this newest deadline: whether it counted days of a year without published holidays.
 */
export function withDue(
  ctx: LifecycleContext,
  c: Case,
  step: Exclude<keyof Deadlines, 'estimated'>,
  workingDays: number,
  deadlines: Deadlines = c.deadlines,
): Deadlines {
  const { estimated: _earlier, ...others } = deadlines;
  const due = ctx.calendar.addWorkingDays(ctx.now, workingDays);
  const answeringBack = step !== 'followUpBy' && c.reply === undefined;
  const at = earliest(due.at.toISOString(), answeringBack ? c.forwarded?.answerBackBy : undefined);
  return { ...others, [step]: at, ...(due.estimated ? { estimated: true } : {}) };
}

/** The instant `workingDays` working days from now: a step's deadline. */
export function dueIn(ctx: LifecycleContext, workingDays: number): string {
  return ctx.calendar.addWorkingDays(ctx.now, workingDays).at.toISOString();
}
