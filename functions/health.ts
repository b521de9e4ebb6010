import { httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { staffProfileDependencies } from '../shared/runtime/dependencies';
import { checkHealth, type StaffProfileDependencies } from '../shared/use-cases/read-staff-profile';

/** GET /v1/health — answers once the API and its database answer. */
export function health(deps: StaffProfileDependencies) {
  return async () => json(200, await checkHealth(deps));
}

export const handler = httpHandler(health(staffProfileDependencies()));
