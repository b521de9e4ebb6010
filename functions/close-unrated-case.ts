import { taskHandler } from '../shared/runtime/task-handler';
import { lifecycleDependencies } from '../shared/runtime/write-dependencies';
import { escalateWhenDue } from '../shared/use-cases/workflow-steps';

/** CaseLifecycle catch of the follow-up wait's timeout: nobody rated, the case closes unrated. */
const deps = lifecycleDependencies();
export const handler = taskHandler('close-unrated-case', async (input: { caseId: string }) => {
  const c = await escalateWhenDue(deps, input.caseId);
  return { caseId: input.caseId, status: c?.status ?? null };
});
