import { staffHandler } from '../shared/http/staff-handler';
import { staffQuery } from '../shared/http/staff-query';
import { statisticsQuerySchema } from '../shared/http/statistics-schemas';
import { statisticsDependencies } from '../shared/runtime/dependencies';
import { readStatistics, type StatisticsDependencies } from '../shared/use-cases/read-statistics';

/** GET /v1/stats — totals, rates and groups (rankings) for leaders, dispatchers, admins and departments. */
export function getStats(deps: StatisticsDependencies) {
  return staffQuery(statisticsQuerySchema, (actor, query) => readStatistics(deps, actor, query));
}

export const handler = staffHandler(getStats(statisticsDependencies()));
