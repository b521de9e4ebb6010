import { WorkingCalendar } from './working-days';

/**
 * The calendar shipped by the `chinese-days` package (State Council notices since 2004). Only its
 * JSON data is imported: the package's date library is not needed and would bloat every bundle.
 * The data is loaded by the first deadline, not at every cold start: a function that computes none
 * (health, lists, reads) never parses its 43 KB.
 */
export async function statutoryCalendar(): Promise<WorkingCalendar> {
  const { default: chineseDays } = await import('chinese-days/dist/chinese-days.json');
  const holidays = new Set(Object.keys(chineseDays.holidays));
  const workdays = new Set(Object.keys(chineseDays.workdays));
  const knownYears = new Set([...holidays].map((day) => Number(day.slice(0, 4))));
  return new WorkingCalendar({ holidays, workdays, knownYears });
}
