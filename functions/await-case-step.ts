import type { WorkflowStep } from '../shared/domain/lifecycle/workflow-plan';
import { taskHandler } from '../shared/runtime/task-handler';
import { awaitingDependencies } from '../shared/runtime/write-dependencies';
import { awaitCaseStep } from '../shared/use-cases/workflow-steps';

/** CaseLifecycle wait step (.waitForTaskToken): records the token the step waits on. */
const deps = awaitingDependencies();
export const handler = taskHandler(
  'await-case-step',
  (input: { caseId: string; step: WorkflowStep; round?: number; planKey: string; taskToken: string }) =>
    awaitCaseStep(deps, {
      caseId: input.caseId,
      step: input.step,
      ...(input.round === undefined ? {} : { round: input.round }),
      planKey: input.planKey,
      taskToken: input.taskToken,
    }),
);
