import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { clientApplicationDependencies } from '../shared/runtime/dependencies';
import { listClientApplications } from '../shared/use-cases/client-applications';

/** GET /v1/open311/keys — the registered 311 client applications (never their keys). */
export const handler = staffHandler(async () =>
  json(200, await listClientApplications(clientApplicationDependencies())),
);
