import { taskHandler } from '../shared/runtime/task-handler';
import { lifecycleDependencies } from '../shared/runtime/write-dependencies';
import { deliverReply } from '../shared/use-cases/workflow-steps';

/** CaseLifecycle task: the reply reached the citizen; notify them and ask for a rating. */
const deps = lifecycleDependencies();
export const handler = taskHandler('deliver-reply', async (input: { caseId: string }) => {
  await deliverReply(deps, input.caseId);
  return { caseId: input.caseId };
});
