import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { timeLimitsSchema } from '../shared/http/settings-schemas';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { settingsAdministrationDependencies } from '../shared/runtime/dependencies';
import {
  changeTimeLimits,
  type SettingsAdministrationDependencies,
} from '../shared/use-cases/administer-settings';

/** PUT /v1/settings/time-limits — every limit at once; deadlines computed from now on follow them. */
export function putTimeLimits(deps: SettingsAdministrationDependencies) {
  return async (event: HttpEvent) => {
    const limits = parseInput(timeLimitsSchema, event.body);
    return json(200, await changeTimeLimits(deps, staffFromEvent(event), limits));
  };
}

export const handler = staffHandler(putTimeLimits(settingsAdministrationDependencies()), { jsonBody: true });
