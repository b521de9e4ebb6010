import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { calendarYearSchema, yearScheduleSchema } from '../shared/http/settings-schemas';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { settingsAdministrationDependencies } from '../shared/runtime/dependencies';
import {
  publishCalendarYear,
  type SettingsAdministrationDependencies,
} from '../shared/use-cases/administer-settings';

/** PUT /v1/settings/calendar/{year} — the year as the State Council published it (admin). */
export function putCalendarYear(deps: SettingsAdministrationDependencies) {
  return async (event: HttpEvent) => {
    const year = parseInput(calendarYearSchema, event.pathParameters?.year);
    const schedule = parseInput(yearScheduleSchema(year), event.body);
    return json(200, await publishCalendarYear(deps, staffFromEvent(event), year, schedule));
  };
}

export const handler = staffHandler(putCalendarYear(settingsAdministrationDependencies()), {
  jsonBody: true,
});
