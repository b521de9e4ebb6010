import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../../shared/domain/china-time';
import { statutoryCalendar } from '../../../shared/domain/statutory-calendar';

const calendar = await statutoryCalendar();
/** 09:30 China time on a date. */
const at = (date: string) => new Date(`${date}T09:30:00+08:00`);
const due = (from: string, days: number) => {
  const deadline = calendar.addWorkingDays(at(from), days);
  return { date: chinaDate(deadline.at), estimated: deadline.estimated, iso: deadline.at.toISOString() };
};

describe('working days (中国法定工作日)', () => {
  it('skips the weekend: one working day from Friday is due at the end of Monday', () => {
    expect(due('2026-11-20', 1)).toEqual({
      date: '2026-11-23',
      estimated: false,
      iso: '2026-11-23T15:59:59.999Z',
    });
  });

  it('does not count the day the period starts on (期间开始之日不计算在期间内)', () => {
    expect(due('2026-11-23', 1).date).toBe('2026-11-24');
    expect(due('2026-11-22', 1).date).toBe('2026-11-23');
  });

  it('skips Spring Festival 2026 and counts its make-up Saturday (2月14日、2月28日调休上班)', () => {
    // Friday 13 Feb; Sat 14 Feb is a make-up workday; 15–23 Feb are the holiday.
    expect(due('2026-02-13', 1).date).toBe('2026-02-14');
    expect(due('2026-02-13', 2).date).toBe('2026-02-24');
    // 5 working days from the last day of the holiday: 24, 25, 26, 27 Feb and Saturday 28 Feb.
    expect(due('2026-02-23', 5).date).toBe('2026-02-28');
  });

  it('skips National Day 2026 and counts the make-up days on 20 September and 10 October', () => {
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    // Wed 30 Sep + 1 working day: 1–7 Oct are the holiday, Thursday 8 Oct is the next working day.
    expect(due('2026-09-30', 1).date).toBe('2026-10-08');
    // Consult limit (3 days) from 30 Sep: 8, 9 Oct and Saturday 10 Oct.
    expect(due('2026-09-30', 3).date).toBe('2026-10-10');
  });

  it('falls back to Monday–Friday beyond the published data and flags the result', () => {
    const deadline = due('2026-12-31', 1);
    expect(deadline.date).toBe('2027-01-01');
    expect(deadline.estimated).toBe(true);
    expect(due('2026-12-30', 1)).toMatchObject({ date: '2026-12-31', estimated: false });
    expect(due('2027-03-05', 1)).toMatchObject({ date: '2027-03-08', estimated: true });
  });

  it('lets the admin publish a new year: its schedule replaces the fallback', () => {
    const with2027 = calendar.withPublishedYear(2027, { holidays: ['2027-01-01'], workdays: [] });
    const deadline = with2027.addWorkingDays(at('2026-12-31'), 1);
    expect(chinaDate(deadline.at)).toBe('2027-01-04');
    expect(deadline.estimated).toBe(false);
    expect(with2027.scheduleOf(2027)).toEqual({ holidays: ['2027-01-01'], workdays: [] });
    expect(calendar.scheduleOf(2027)).toBeUndefined();
  });

  it('lets the admin correct a published year: the whole year is replaced, other years kept', () => {
    // Say 2026's make-up Sunday 4 January were cancelled and 2 January (Friday) not a holiday.
    const published = calendar.scheduleOf(2026);
    expect(published?.workdays).toContain('2026-01-04');
    const corrected = calendar.withPublishedYear(2026, {
      holidays: (published?.holidays ?? []).filter((day) => day !== '2026-01-02'),
      workdays: (published?.workdays ?? []).filter((day) => day !== '2026-01-04'),
    });
    expect(corrected.isWorkingDay('2026-01-02')).toBe(true);
    expect(corrected.isWorkingDay('2026-01-04')).toBe(false);
    expect(corrected.isWorkingDay('2026-10-01')).toBe(false);
    expect(corrected.scheduleOf(2025)).toEqual(calendar.scheduleOf(2025));
  });

  it('counts working days between two instants', () => {
    expect(calendar.workingDaysBetween(at('2026-09-30'), at('2026-10-10'))).toBe(3);
    expect(calendar.workingDaysBetween(at('2026-11-20'), at('2026-11-20'))).toBe(0);
  });

  it('counts China dates whatever the time of day in UTC', () => {
    // 23:30 UTC on 19 Nov is already Friday 20 Nov in China.
    const deadline = calendar.addWorkingDays(new Date('2026-11-19T23:30:00Z'), 1);
    expect(chinaDate(deadline.at)).toBe('2026-11-23');
  });
});
