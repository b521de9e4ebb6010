import type { CaseVersion, StatisticsWriter } from '../ports/statistics';

export interface AggregationDependencies {
  readonly statistics: StatisticsWriter;
}

/**
 * The aggregate-statistics function: every stored case version moves the counters by
 * counters(after) − counters(before), once, however often the stream delivers it (a PartialBatch
 * says where a batch stopped). A case is never deleted; a change without a new image (a removal by
 * hand) is not read as a version at all.
 */
export async function aggregateCaseVersions(
  deps: AggregationDependencies,
  versions: readonly CaseVersion[],
): Promise<void> {
  await deps.statistics.applyCaseVersions(versions);
}
