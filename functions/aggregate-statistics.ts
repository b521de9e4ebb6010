import { logger } from '../shared/runtime/logger';
import { aggregationDependencies } from '../shared/runtime/stream-dependencies';
import { streamBatchHandler } from '../shared/streams/stream-batch';
import { caseVersionOf } from '../shared/streams/stream-images';
import { aggregateCaseVersions } from '../shared/use-cases/aggregate-statistics';

const deps = aggregationDependencies();

/** The case tables' streams → the statistics counters, each case version exactly once. */
export const handler = streamBatchHandler('aggregate-statistics', logger, caseVersionOf, (versions) =>
  aggregateCaseVersions(deps, versions),
);
