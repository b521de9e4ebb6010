import * as z from 'zod/mini';
import { isIsoDate } from '../domain/china-time';
import { REPORTING_DATES } from '../domain/metrics/periods';
import './validation';

/** A China calendar date in a query string (YYYY-MM-DD), within the years the system reports on. */
export const reportingDate = (label: string) =>
  z.string({ error: `请提供${label}（YYYY-MM-DD）` }).check(
    z.refine(isIsoDate, `${label}格式应为 YYYY-MM-DD`),
    z.refine(
      (value) => value >= REPORTING_DATES.earliest && value <= REPORTING_DATES.latest,
      `${label}须在${REPORTING_DATES.earliest}至${REPORTING_DATES.latest}之间`,
    ),
    z.meta({ format: 'date', description: `${label}（中国日期）` }),
  );

/** `from` no later than `to`, and at most REPORTING_DATES.maxYears apart. */
export function orderedPeriod<T extends z.core.$ZodShape>(shape: T) {
  return z.strictObject(shape).check(
    z.refine(
      (q) => {
        const { from, to } = q as { from?: string; to?: string };
        return from === undefined || to === undefined || from <= to;
      },
      { message: '开始日期不能晚于结束日期', path: ['to'] },
    ),
    z.refine(
      (q) => {
        const { from, to } = q as { from?: string; to?: string };
        return from === undefined || to === undefined || yearsBetween(from, to) < REPORTING_DATES.maxYears;
      },
      { message: `查询区间不能超过${REPORTING_DATES.maxYears}年`, path: ['to'] },
    ),
  );
}

function yearsBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / (365.25 * 24 * 60 * 60 * 1000);
}
