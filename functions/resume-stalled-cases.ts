import { taskHandler } from '../shared/runtime/task-handler';
import { sweepDependencies } from '../shared/runtime/write-dependencies';
import { resumeStalledCases } from '../shared/use-cases/resume-stalled-cases';

const deps = sweepDependencies();

/** Hourly (EventBridge): gives every open case whose workflow stopped a new execution. */
export const handler = taskHandler('resume-stalled-cases', async () => ({
  resumed: await resumeStalledCases(deps),
}));
