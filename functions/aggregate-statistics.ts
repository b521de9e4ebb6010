import { logger } from '../shared/runtime/logger';
import { aggregationDependencies } from '../shared/runtime/stream-dependencies';
import { streamHandler } from '../shared/runtime/stream-handler';
import { caseVersionOf } from '../shared/streams/stream-images';
import { aggregateCaseVersions } from '../shared/use-cases/aggregate-statistics';

const deps = aggregationDependencies();

/** The case tables' streams → the statistics counters, each case version exactly once. */
export const handler = streamHandler('aggregate-statistics', caseVersionOf, async (versions) => {
  await aggregateCaseVersions(deps, versions);
  logger.info('case versions counted', { caseIds: [...new Set(versions.map((v) => v.after.caseId))] });
});
