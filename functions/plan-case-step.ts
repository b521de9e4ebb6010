import { correlationIdOrNew } from '../shared/observability/correlation';
import { planningDependencies } from '../shared/runtime/dependencies';
import { taskHandler } from '../shared/runtime/task-handler';
import { planCaseStep } from '../shared/use-cases/workflow-steps';

/** CaseLifecycle task: which step the case waits in, and how long until it escalates. */
const deps = planningDependencies();
export const handler = taskHandler(
  'plan-case-step',
  async (input: { caseId: string; round: number; correlationId?: string }) => ({
    ...(await planCaseStep(deps, input.caseId, input.round)),
    // The plan carries the id on to the next steps' payloads (case-lifecycle.ts).
    correlationId: correlationIdOrNew(),
  }),
);
