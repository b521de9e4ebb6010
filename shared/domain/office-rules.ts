import { statutoryCalendar } from './statutory-calendar';
import { DEFAULT_TIME_LIMITS, type TimeLimits } from './time-limits';
import type { WorkingCalendar, YearSchedule } from './working-days';

/** A year's schedule as an administrator published it (PUT /v1/settings/calendar/{year}). */
export interface PublishedYear extends YearSchedule {
  readonly year: number;
}

/** What the administrator has set: the time limits (when changed) and the years published. */
export interface OfficeSettingsData {
  readonly limits?: TimeLimits;
  readonly years: readonly PublishedYear[];
}

/**
 * The rules every deadline is computed by: the time limits and the working-day calendar as the
 * administrator has set them now — the defaults of DOMAIN.md and the `chinese-days` data, with
 * each published year replacing that year's data.
 */
export interface OfficeRules {
  readonly limits: TimeLimits;
  readonly calendar: WorkingCalendar;
}

// Built once per process: the statutory data is thousands of dates and never changes.
let statutory: Promise<WorkingCalendar> | undefined;

export async function statutoryRules(): Promise<OfficeRules> {
  statutory ??= statutoryCalendar();
  return { limits: DEFAULT_TIME_LIMITS, calendar: await statutory };
}

// The calendar of the years last published: every invocation that computes a deadline asks for
// it, and copying the statutory data for each published year each time would be work done again.
let published: { readonly key: string; readonly calendar: WorkingCalendar } | undefined;

export async function officeRules(settings: OfficeSettingsData): Promise<OfficeRules> {
  const base = await statutoryRules();
  const key = JSON.stringify(settings.years);
  if (published?.key !== key) {
    const calendar = settings.years.reduce(
      (counted, { year, ...schedule }) => counted.withPublishedYear(year, schedule),
      base.calendar,
    );
    published = { key, calendar };
  }
  return { limits: settings.limits ?? base.limits, calendar: published.calendar };
}
