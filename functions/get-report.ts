import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { reportQuerySchema } from '../shared/http/statistics-schemas';
import { parseInput } from '../shared/http/validation';
import { toCsv } from '../shared/reports/csv';
import { toXlsx } from '../shared/reports/xlsx';
import { statisticsDependencies } from '../shared/runtime/dependencies';
import type { StatisticsDependencies } from '../shared/use-cases/read-statistics';
import { writeReport } from '../shared/use-cases/write-report';

/** GET /v1/reports — the work-report paragraph, or the grouped figures as CSV or XLSX. */
export function getReport(deps: StatisticsDependencies) {
  return async (event: HttpEvent) => {
    const actor = staffFromEvent(event);
    const { format, ...query } = parseInput(reportQuerySchema, event.queryStringParameters ?? {});
    const report = await writeReport(deps, actor, query);
    const fileName = `civicline-${query.kind ?? 'all'}-${query.from}-${query.to}`;
    if (format === 'csv')
      return download(`${fileName}.csv`, 'text/csv; charset=utf-8', Buffer.from(toCsv(report.table)));
    if (format === 'xlsx')
      return download(`${fileName}.xlsx`, XLSX_TYPE, Buffer.from(toXlsx('统计', report.table)));
    return json(200, { paragraph: report.paragraph, ...report.statistics });
  };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file to save: binary-safe through API Gateway as base64. */
function download(fileName: string, contentType: string, body: Buffer) {
  return {
    statusCode: 200,
    headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${fileName}"` },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}

export const handler = staffHandler(getReport(statisticsDependencies()));
