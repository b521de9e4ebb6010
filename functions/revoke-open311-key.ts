import * as z from 'zod/mini';
import type { HttpEvent } from '../shared/http/http-event';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { clientApplicationDependencies } from '../shared/runtime/dependencies';
import { revokeClientKey } from '../shared/use-cases/client-applications';

const keyIdSchema = z.string().check(z.regex(/^[a-z0-9]{12}$/, '密钥编号格式不正确'));

/** DELETE /v1/open311/keys/{keyId} — the key is refused from its next use on. */
export const handler = staffHandler(async (event: HttpEvent) => {
  const keyId = parseInput(keyIdSchema, event.pathParameters?.keyId);
  return json(200, await revokeClientKey(clientApplicationDependencies(), staffFromEvent(event), keyId));
});
