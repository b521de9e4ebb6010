import { caseStore, clock } from '../shared/runtime/dependencies';
import { logger } from '../shared/runtime/logger';
import { taskHandler } from '../shared/runtime/task-handler';
import { workflow } from '../shared/runtime/write-dependencies';
import { resumeStalledCases } from '../shared/use-cases/resume-stalled-cases';

/** Hourly (EventBridge): gives every open case whose workflow stopped a new execution. */
export const handler = taskHandler('resume-stalled-cases', async () => {
  const resumed = await resumeStalledCases({ store: caseStore(), workflow: workflow(), clock: clock() });
  if (resumed.length > 0) logger.warn('resumed stalled workflows', { resumed });
  return { resumed };
});
