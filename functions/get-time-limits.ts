import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { settingsAdministrationDependencies } from '../shared/runtime/dependencies';
import {
  readTimeLimits,
  type SettingsAdministrationDependencies,
} from '../shared/use-cases/administer-settings';

/** GET /v1/settings/time-limits — the limits deadlines are computed by now (admin). */
export function getTimeLimits(deps: SettingsAdministrationDependencies) {
  return async (_event: HttpEvent) => json(200, await readTimeLimits(deps));
}

export const handler = staffHandler(getTimeLimits(settingsAdministrationDependencies()));
