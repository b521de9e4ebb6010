import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../shared/domain/china-time';
import { lastDayOfMonth, periodsOf, rangeReads } from '../../../shared/domain/metrics/periods';

describe('reading a date range from day and month counters', () => {
  it('reads whole months as months and the ragged ends as days', () => {
    expect(rangeReads('2026-01-15', '2026-11-21')).toEqual([
      { granularity: 'day', from: '2026-01-15', to: '2026-01-31' },
      { granularity: 'month', from: '2026-02', to: '2026-10' },
      { granularity: 'day', from: '2026-11-01', to: '2026-11-21' },
    ]);
    expect(rangeReads('2026-01-01', '2026-12-31')).toEqual([
      { granularity: 'month', from: '2026-01', to: '2026-12' },
    ]);
    expect(rangeReads('2026-02-03', '2026-02-10')).toEqual([
      { granularity: 'day', from: '2026-02-03', to: '2026-02-10' },
    ]);
    expect(rangeReads('2026-11-21', '2026-11-20')).toEqual([]);
  });

  it('covers every day of any range exactly once', () => {
    const date = fc
      .date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const covered: string[] = [];
        for (const read of rangeReads(from, to)) {
          let day = read.granularity === 'day' ? read.from : `${read.from}-01`;
          const last = read.granularity === 'day' ? read.to : lastDayOfMonth(`${read.to}-01`);
          while (day <= last) {
            covered.push(day);
            day = addCalendarDays(day, 1);
          }
        }
        const expected: string[] = [];
        for (let day = from; day <= to; day = addCalendarDays(day, 1)) expected.push(day);
        expect(covered).toEqual(expected);
        expect(rangeReads(from, to).length).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('files a case under its China day and month', () => {
    expect(periodsOf('2026-11-30T17:00:00.000Z')).toEqual({ day: '2026-12-01', month: '2026-12' });
  });
});
