import { runLocalTask } from './local-task';

/**
 * `npm run stats:rebuild`: every counter set to its recount from the cases, idempotently (stop
 * `npm start` first). The streams are drained first, so nothing is left in a stream that the
 * rebuild did not count. In the cloud the same rebuildStatistics runs with the stream event source
 * mappings disabled, and they are enabled again at the end of the streams (see README).
 */
runLocalTask(async (stack) => {
  await stack.streams.drained();
  const { caseStore, statisticsReader } = await import('../shared/runtime/dependencies');
  const { rebuildStatistics } = await import('../shared/use-cases/verify-statistics');
  const result = await rebuildStatistics({ store: caseStore(), statistics: statisticsReader() });
  return `Recounted ${result.casesCounted} case(s): ${result.countersWritten} counter item(s) written, ${result.countersRemoved} removed.`;
});
