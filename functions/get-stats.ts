import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { staffFromEvent } from '../shared/http/staff-identity';
import { statisticsQuerySchema } from '../shared/http/statistics-schemas';
import { parseInput } from '../shared/http/validation';
import type { DepartmentDirectory } from '../shared/ports/department-directory';
import type { StatisticsReader } from '../shared/ports/statistics';
import { departmentDirectory, statisticsReader } from '../shared/runtime/dependencies';
import { readStatistics } from '../shared/use-cases/read-statistics';

/** GET /v1/stats — totals, rates and groups (rankings) for leaders, dispatchers, admins and departments. */
export function getStats(deps: { statistics: StatisticsReader; departments: DepartmentDirectory }) {
  return async (event: HttpEvent) => {
    const actor = staffFromEvent(event);
    const query = parseInput(statisticsQuerySchema, event.queryStringParameters ?? {});
    return json(200, await readStatistics(deps, actor, query));
  };
}

export const handler = httpHandler(
  getStats({ statistics: statisticsReader(), departments: departmentDirectory() }),
);
