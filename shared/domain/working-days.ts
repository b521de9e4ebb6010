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

/**
 * One year's schedule as the State Council publishes it (and an administrator enters it): its
 * holidays (法定节假日, weekend days inside a holiday block included) and its make-up workdays
 * (调休上班日). Every other weekday of the year is a working day.
 */
export interface YearSchedule {
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

export interface WorkingDeadline {
  readonly at: Date;
  /** True when some day counted lies in a year without published holiday data. */
  readonly estimated: boolean;
}

export class WorkingCalendar {
  constructor(private readonly data: CalendarData) {}

  /**
   * This calendar with `year` as published: the schedule replaces whatever the data said about that
   * year (a correction), or fills a year the data does not know yet, which is then no longer
   * estimated.
   */
  withPublishedYear(year: number, schedule: YearSchedule): WorkingCalendar {
    const inYear = (day: string) => day.startsWith(`${year}-`);
    const holidays = new Set([...this.data.holidays].filter((day) => !inYear(day)));
    const workdays = new Set([...this.data.workdays].filter((day) => !inYear(day)));
    for (const day of schedule.holidays) holidays.add(day);
    for (const day of schedule.workdays) workdays.add(day);
    const knownYears = new Set([...this.data.knownYears, year]);
    return new WorkingCalendar({ holidays, workdays, knownYears });
  }

  /** The year's schedule as this calendar counts it; `undefined` for a year it does not know. */
  scheduleOf(year: number): YearSchedule | undefined {
    if (!this.data.knownYears.has(year)) return undefined;
    const inYear = (days: ReadonlySet<string>) =>
      [...days].filter((day) => day.startsWith(`${year}-`)).sort();
    return { holidays: inYear(this.data.holidays), workdays: inYear(this.data.workdays) };
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
