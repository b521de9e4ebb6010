import { taskHandler } from '../shared/runtime/task-handler';
import { lifecycleDependencies } from '../shared/runtime/write-dependencies';
import { escalateWhenDue } from '../shared/use-cases/workflow-steps';

/** CaseLifecycle catch of a wait step's timeout: yellow card, then red card (黄牌/红牌督办). */
const deps = lifecycleDependencies();
export const handler = taskHandler('escalate-overdue-case', async (input: { caseId: string }) => {
  const c = await escalateWhenDue(deps, input.caseId);
  return { caseId: input.caseId, overdue: c?.overdue?.card ?? null };
});
