import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { staffFromEvent } from '../shared/http/staff-identity';
import { reportQuerySchema } from '../shared/http/statistics-schemas';
import { parseInput } from '../shared/http/validation';
import type { DepartmentDirectory } from '../shared/ports/department-directory';
import type { StatisticsReader } from '../shared/ports/statistics';
import { toCsv } from '../shared/reports/csv';
import { toXlsx } from '../shared/reports/xlsx';
import { departmentDirectory, statisticsReader } from '../shared/runtime/dependencies';
import { writeReport } from '../shared/use-cases/write-report';

/** GET /v1/reports — the work-report paragraph, or the grouped figures as CSV or XLSX. */
export function getReport(deps: { statistics: StatisticsReader; departments: DepartmentDirectory }) {
  return async (event: HttpEvent) => {
    const actor = staffFromEvent(event);
    const { format, ...query } = parseInput(reportQuerySchema, event.queryStringParameters ?? {});
    const report = await writeReport(deps, actor, query);
    const fileName = `civicline-${query.kind ?? 'all'}-${query.from}-${query.to}`;
    if (format === 'csv') {
      return {
        statusCode: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${fileName}.csv"`,
        },
        body: toCsv(report.table),
      };
    }
    if (format === 'xlsx') {
      return {
        statusCode: 200,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${fileName}.xlsx"`,
        },
        body: Buffer.from(toXlsx('统计', report.table)).toString('base64'),
        isBase64Encoded: true,
      };
    }
    return json(200, { paragraph: report.paragraph, ...report.statistics });
  };
}

export const handler = httpHandler(
  getReport({ statistics: statisticsReader(), departments: departmentDirectory() }),
);
