import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { calendarYearSchema } from '../shared/http/settings-schemas';
import { staffHandler } from '../shared/http/staff-handler';
import { parseInput } from '../shared/http/validation';
import { settingsAdministrationDependencies } from '../shared/runtime/dependencies';
import {
  readCalendarYear,
  type SettingsAdministrationDependencies,
} from '../shared/use-cases/administer-settings';

/** GET /v1/settings/calendar/{year} — the year's holidays and make-up workdays, and their source. */
export function getCalendarYear(deps: SettingsAdministrationDependencies) {
  return async (event: HttpEvent) => {
    const year = parseInput(calendarYearSchema, event.pathParameters?.year);
    return json(200, await readCalendarYear(deps, year));
  };
}

export const handler = staffHandler(getCalendarYear(settingsAdministrationDependencies()));
