import type { Case } from '../domain/case';
import { CivicError } from '../domain/errors';
import { applyAction } from '../domain/lifecycle/apply-action';
import {
  dueEscalation,
  nextEscalation,
  planKey,
  stepOf,
  type WorkflowStep,
} from '../domain/lifecycle/workflow-plan';
import type { WaitingTask } from '../ports/workflow';
import { commitTransition } from './commit-transition';
import { type LifecycleDependencies, lifecycleContext } from './lifecycle-dependencies';

/**
 * The use cases behind the CaseLifecycle state machine's task states. Each reads the case table
 * afresh (the truth) and is safe to run twice: a step that finds nothing to do does nothing.
 */

/** A wait with no escalation left still needs a timeout; a year keeps the history short. */
export const LONGEST_WAIT_SECONDS = 365 * 24 * 60 * 60;

export interface StepPlan {
  readonly step: WorkflowStep;
  readonly planKey: string;
  /** Whole seconds (Step Functions' TimeoutSecondsPath needs a positive integer). */
  readonly timeoutSeconds: number;
}

/** Planning reads the case and the clock; it changes nothing. */
export type PlanningDependencies = Pick<LifecycleDependencies, 'store' | 'clock' | 'calendar' | 'limits'>;

export async function planCaseStep(
  deps: PlanningDependencies,
  caseId: string,
  round: number,
): Promise<StepPlan> {
  const c = await deps.store.get(caseId);
  // A case reopened since this execution started is followed by the execution of its new round.
  if (!c || c.reopenCount !== round) return { step: 'done', planKey: '', timeoutSeconds: 1 };
  const escalation = nextEscalation(c, deps.calendar(), deps.limits());
  const seconds = escalation ? deps.clock.timerSecondsUntil(escalation.at) : LONGEST_WAIT_SECONDS;
  return {
    step: stepOf(c),
    planKey: planKey(c),
    timeoutSeconds: Math.min(LONGEST_WAIT_SECONDS, Math.max(1, Math.ceil(seconds))),
  };
}

export async function awaitCaseStep(deps: LifecycleDependencies, task: WaitingTask): Promise<void> {
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
    const action = before
      ? dueEscalation(before, deps.clock.now(), deps.calendar(), deps.limits())
      : undefined;
    if (!before || !action) return before;
    try {
      return await commitTransition(
        deps,
        before,
        applyAction(before, action, { kind: 'system' }, lifecycleContext(deps)),
      );
    } catch (error) {
      // Someone acted on the case at the same moment: look again.
      if (!(error instanceof CivicError && error.code === 'STALE_VERSION')) throw error;
    }
  }
  throw new Error(`case ${caseId} kept changing while the workflow escalated it`);
}

/** The reply reached the citizen: tell them, and ask for a rating (once per reply). */
export async function deliverReply(deps: LifecycleDependencies, caseId: string): Promise<void> {
  const c = await deps.store.get(caseId);
  if (!c?.reply?.deliveredAt || c.status !== 'replied') return;
  const base = { caseId, audience: { citizen: true } as const, createdAt: c.reply.deliveredAt };
  await deps.notifier.notify([
    {
      ...base,
      notificationId: `${caseId}:reply:${c.reply.deliveredAt}:ready`,
      kind: 'reply_ready',
      message: `您的诉求 ${caseId} 已答复，请凭查询码查看。`,
    },
    {
      ...base,
      notificationId: `${caseId}:reply:${c.reply.deliveredAt}:rating`,
      kind: 'rating_request',
      message: `请对 ${caseId} 的办理结果进行评价（满意/基本满意/不满意）。`,
    },
  ]);
}
