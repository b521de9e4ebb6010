import { CivicError } from '../domain/errors';
import { statutoryRules } from '../domain/office-rules';
import type { StaffActor } from '../domain/roles';
import { DEFAULT_TIME_LIMITS, type TimeLimits } from '../domain/time-limits';
import type { YearSchedule } from '../domain/working-days';
import type { OfficeSettingsStore, SettingChange } from '../ports/office-settings';

export interface SettingsAdministrationDependencies {
  readonly settings: OfficeSettingsStore;
}

/** Where a year's working days come from. */
export type CalendarSource =
  /** An administrator published the year (it replaces the `chinese-days` data). */
  | 'published'
  /** The `chinese-days` data (State Council notices). */
  | 'statutory'
  /** Nobody has published it: Monday–Friday, every deadline in it flagged as estimated. */
  | 'weekdays';

export interface CalendarYear extends YearSchedule {
  readonly year: number;
  readonly source: CalendarSource;
}

const asAdmin = (admin: StaffActor) => ({ username: admin.username, role: 'admin' });

const changedMeanwhile = () =>
  new CivicError(409, 'SETTINGS_CHANGED', '设置已被其他管理员修改，请刷新后重试');

/** GET /v1/settings/time-limits: the limits deadlines are computed by now. */
export async function readTimeLimits(deps: SettingsAdministrationDependencies): Promise<TimeLimits> {
  return (await deps.settings.read()).data.limits ?? DEFAULT_TIME_LIMITS;
}

/**
 * PUT /v1/settings/time-limits: the new limits apply to every deadline computed from now on (a
 * transfer's handling deadline, a sign-in deadline, an extension's maximum); a deadline already
 * running keeps its date.
 */
export async function changeTimeLimits(
  deps: SettingsAdministrationDependencies,
  admin: StaffActor,
  limits: TimeLimits,
): Promise<TimeLimits> {
  const stored = await deps.settings.read();
  const change: SettingChange = {
    name: 'time-limits',
    before: stored.data.limits ?? DEFAULT_TIME_LIMITS,
    after: limits,
  };
  if (!(await deps.settings.replace(change, stored.revisions.get('time-limits') ?? 0, asAdmin(admin)))) {
    throw changedMeanwhile();
  }
  return limits;
}

/** GET /v1/settings/calendar/{year}: the year's holidays and make-up workdays, and where they come from. */
export async function readCalendarYear(
  deps: SettingsAdministrationDependencies,
  year: number,
): Promise<CalendarYear> {
  return calendarYearOf((await deps.settings.read()).data.years, year);
}

/**
 * PUT /v1/settings/calendar/{year}: the year as the State Council published it, replacing what the
 * data says about it (or filling a year the data does not know yet). Deadlines computed from now
 * on count by it; one already running keeps its date.
 */
export async function publishCalendarYear(
  deps: SettingsAdministrationDependencies,
  admin: StaffActor,
  year: number,
  schedule: YearSchedule,
): Promise<CalendarYear> {
  const stored = await deps.settings.read();
  const before = await calendarYearOf(stored.data.years, year);
  const after = { holidays: [...schedule.holidays].sort(), workdays: [...schedule.workdays].sort() };
  const name = `calendar-${year}` as const;
  const change: SettingChange = {
    name,
    before:
      before.source === 'weekdays' ? undefined : { holidays: before.holidays, workdays: before.workdays },
    after,
  };
  if (!(await deps.settings.replace(change, stored.revisions.get(name) ?? 0, asAdmin(admin)))) {
    throw changedMeanwhile();
  }
  return { year, ...after, source: 'published' };
}

async function calendarYearOf(
  published: readonly (YearSchedule & { year: number })[],
  year: number,
): Promise<CalendarYear> {
  const own = published.find((entry) => entry.year === year);
  if (own) return { year, holidays: own.holidays, workdays: own.workdays, source: 'published' };
  const statutory = (await statutoryRules()).calendar.scheduleOf(year);
  return statutory
    ? { year, ...statutory, source: 'statutory' }
    : { year, holidays: [], workdays: [], source: 'weekdays' };
}
