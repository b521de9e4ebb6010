import { planningDependencies } from '../shared/runtime/dependencies';
import { taskHandler } from '../shared/runtime/task-handler';
import { planCaseStep } from '../shared/use-cases/workflow-steps';

/** CaseLifecycle task: which step the case waits in, and how long until it escalates. */
const deps = planningDependencies();
export const handler = taskHandler('plan-case-step', (input: { caseId: string; round: number }) =>
  planCaseStep(deps, input.caseId, input.round),
);
