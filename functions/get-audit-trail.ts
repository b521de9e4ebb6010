import * as z from 'zod';
import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { auditLog, keyRing } from '../shared/runtime/dependencies';
import { readAuditTrail } from '../shared/use-cases/read-audit-trail';

const querySchema = z.strictObject({
  caseId: z.string().trim().min(1).max(32).optional(),
  userId: z.string().trim().min(1).max(128).optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1).max(100).default(50),
  cursor: z.string().max(4096).optional(),
});

/** GET /v1/audit?caseId=…|userId=… — who changed a case or read its contact data (admins). */
export function getAuditTrail(deps: Parameters<typeof readAuditTrail>[0]) {
  return async (event: HttpEvent) => {
    const actor = staffFromEvent(event);
    const query = parseInput(querySchema, event.queryStringParameters ?? {});
    return json(200, await readAuditTrail(deps, actor, query));
  };
}

export const handler = httpHandler(getAuditTrail({ audit: auditLog(), keys: keyRing() }));
