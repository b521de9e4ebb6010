import { addCalendarDays, chinaDate, endOfChinaDay, weekday } from './china-time';

/**
 * The statutory calendar: holidays (法定节假日) and make-up workdays (调休上班日) for the years the
 * State Council has published. The data is yearly; dates in other years fall back to Monday–Friday
 * and every answer that relied on the fallback says so (`estimated`).
 */
export interface CalendarData {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
  readonly knownYears: ReadonlySet<number>;
}

/** Admin corrections: extra holidays, extra make-up workdays, and years whose data is now complete. */
export interface CalendarOverrides {
  readonly holidays?: readonly string[];
  readonly workdays?: readonly string[];
  readonly knownYears?: readonly number[];
}

export interface WorkingDeadline {
  readonly at: Date;
  /** True when some day counted lies in a year without published holiday data. */
  readonly estimated: boolean;
}

export class WorkingCalendar {
  constructor(private readonly data: CalendarData) {}

  withOverrides(overrides: CalendarOverrides): WorkingCalendar {
    const holidays = new Set(this.data.holidays);
    const workdays = new Set(this.data.workdays);
    for (const day of overrides.holidays ?? []) {
      holidays.add(day);
      workdays.delete(day);
    }
    for (const day of overrides.workdays ?? []) {
      workdays.add(day);
      holidays.delete(day);
    }
    const knownYears = new Set([...this.data.knownYears, ...(overrides.knownYears ?? [])]);
    return new WorkingCalendar({ holidays, workdays, knownYears });
  }

  isKnown(date: string): boolean {
    return this.data.knownYears.has(Number(date.slice(0, 4)));
  }

  isWorkingDay(date: string): boolean {
    if (this.data.workdays.has(date)) return true;
    if (this.data.holidays.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  }

  /**
   * The end of the n-th working day after the day of `from`. The day of `from` itself is not
   * counted (期间开始之日不计算在期间内), so a case submitted on Friday with a one-day limit is
   * due at the end of Monday, and one submitted on a holiday is due at the end of the first
   * working day after it.
   */
  addWorkingDays(from: Date, workingDays: number): WorkingDeadline {
    let date = chinaDate(from);
    let estimated = false;
    let counted = 0;
    while (counted < workingDays) {
      date = addCalendarDays(date, 1);
      if (!this.isKnown(date)) estimated = true;
      if (this.isWorkingDay(date)) counted += 1;
    }
    return { at: endOfChinaDay(date), estimated };
  }

  /** Working days strictly after the day of `from` up to and including the day of `to`. */
  workingDaysBetween(from: Date, to: Date): number {
    const last = chinaDate(to);
    let date = chinaDate(from);
    let count = 0;
    while (date < last) {
      date = addCalendarDays(date, 1);
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }
}
