import type { Case } from '../domain/case';
import { CivicError } from '../domain/errors';
import { applyAction } from '../domain/lifecycle/apply-action';
import { dueEscalation, planStep, type StepPlan } from '../domain/lifecycle/workflow-plan';
import type { StepPlanner, WaitingTask, Workflow } from '../ports/workflow';
import { commitTransition } from './commit-transition';
import { type LifecycleDependencies, lifecycleContext } from './lifecycle-dependencies';

/**
 * The use cases behind the CaseLifecycle state machine's task states. Each reads the case table
 * afresh (the truth) and is safe to run twice: a step that finds nothing to do does nothing.
 */

/** Planning reads the case and the clock; it changes nothing. */
export type PlanningDependencies = Pick<LifecycleDependencies, 'store' | 'clock' | 'rules'>;

/** Plans a case already read: what completes a wait step sends the following step's plan along. */
export function stepPlanner(deps: Omit<PlanningDependencies, 'store'>): StepPlanner {
  return async (c, round) => {
    const { calendar, limits } = await deps.rules();
    return planStep(c, round, calendar, limits, (instant) => deps.clock.timerSecondsUntil(instant));
  };
}

export async function planCaseStep(
  deps: PlanningDependencies,
  caseId: string,
  round: number,
): Promise<StepPlan> {
  return stepPlanner(deps)(await deps.store.get(caseId), round);
}

/** A wait step records its token with the workflow and reads the case it waits on. */
export type AwaitingDependencies = Pick<LifecycleDependencies, 'store'> & { readonly workflow: Workflow };

export async function awaitCaseStep(deps: AwaitingDependencies, task: WaitingTask): Promise<void> {
  await deps.workflow.awaitStep(task, () => deps.store.get(task.caseId));
}

/**
 * A wait step timed out: whatever escalation is due now happens — a yellow card at the deadline, a
 * red card five working days later, or an unrated close when the follow-up window ends. Nothing
 * is due (an extension moved the deadline, someone acted meanwhile): nothing happens.
 */
export async function escalateWhenDue(
  deps: LifecycleDependencies,
  caseId: string,
): Promise<Case | undefined> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const before = await deps.store.get(caseId);
    const context = await lifecycleContext(deps);
    const action = before ? dueEscalation(before, context.now, context.calendar, context.limits) : undefined;
    if (!before || !action) return before;
    try {
      return await commitTransition(deps, before, applyAction(before, action, { kind: 'system' }, context));
    } catch (error) {
      // Someone acted on the case at the same moment: look again.
      if (!(error instanceof CivicError && error.code === 'STALE_VERSION')) throw error;
    }
  }
  throw new Error(`case ${caseId} kept changing while the workflow escalated it`);
}
