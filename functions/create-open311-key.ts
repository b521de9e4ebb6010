import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { clientApplicationSchema } from '../shared/open311/georeport-schemas';
import { clientApplicationDependencies } from '../shared/runtime/dependencies';
import { type ClientApplicationDependencies, issueClientKey } from '../shared/use-cases/client-applications';

/** POST /v1/open311/keys — an administrator issues an api_key to a 311 client application (shown once). */
export function createKey(deps: ClientApplicationDependencies) {
  return async (event: HttpEvent) => {
    const { name } = parseInput(clientApplicationSchema, event.body);
    return json(201, await issueClientKey(deps, staffFromEvent(event), name));
  };
}

export const handler = staffHandler(createKey(clientApplicationDependencies()), { jsonBody: true });
