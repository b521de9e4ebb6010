import { addCalendarDays, chinaDate } from '../china-time';

/**
 * Counters are kept per China day and per China month of the case's creation. A date range is
 * read as whole months where it covers them and days at its ragged ends, so a year costs the
 * same few reads whatever the number of cases.
 */
export type Granularity = 'day' | 'month';

/**
 * The dates a query may name: the system counts cases from 2000 to 2099, and one query spans at
 * most ten years (a five-year plan compared with the one before); beyond that a period is a
 * mistake, not a question (and would make a reader enumerate centuries of partitions).
 */
export const REPORTING_DATES = { earliest: '2000-01-01', latest: '2099-12-31', maxYears: 10 } as const;

export function periodsOf(createdAt: string): Record<Granularity, string> {
  const day = chinaDate(new Date(createdAt));
  return { day, month: day.slice(0, 7) };
}

export interface PeriodRange {
  readonly granularity: Granularity;
  readonly from: string;
  readonly to: string;
}

export function rangeReads(from: string, to: string): PeriodRange[] {
  if (from > to) return [];
  const reads: PeriodRange[] = [];
  let start = from;
  if (!start.endsWith('-01')) {
    const monthEnd = lastDayOfMonth(start);
    const end = monthEnd < to ? monthEnd : to;
    reads.push({ granularity: 'day', from: start, to: end });
    start = addCalendarDays(end, 1);
  }
  if (start > to) return reads;
  const lastFullMonthEnd = lastDayOfMonth(to) === to ? to : addCalendarDays(`${to.slice(0, 7)}-01`, -1);
  if (lastFullMonthEnd >= start) {
    reads.push({ granularity: 'month', from: start.slice(0, 7), to: lastFullMonthEnd.slice(0, 7) });
    start = addCalendarDays(lastFullMonthEnd, 1);
  }
  if (start <= to) reads.push({ granularity: 'day', from: start, to });
  return reads;
}

export function lastDayOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addCalendarDays(next, -1);
}
