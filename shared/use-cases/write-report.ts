import type { CaseKind } from '../domain/case-kinds';
import { reportParagraph } from '../domain/metrics/report-text';
import type { StaffActor } from '../domain/roles';
import { figureTable } from '../reports/figure-table';
import {
  type GroupBy,
  readStatistics,
  type Statistics,
  type StatisticsDependencies,
} from './read-statistics';

export interface Report {
  readonly paragraph: string;
  readonly statistics: Statistics;
  /** The grouped figures as rows (header first, total last), for CSV and XLSX. */
  readonly table: (string | number | null)[][];
}

/** GET /v1/reports: the work-report paragraph and the grouped figures behind it. */
export async function writeReport(
  deps: StatisticsDependencies,
  actor: StaffActor,
  query: { from: string; to: string; kind?: CaseKind; groupBy?: GroupBy },
): Promise<Report> {
  const statistics = await readStatistics(deps, actor, { ...query, groupBy: query.groupBy ?? 'month' });
  return {
    paragraph: reportParagraph(query.kind, query.from, query.to, statistics.totals, statistics.rates),
    statistics,
    table: figureTable(statistics.groups, statistics),
  };
}
