import * as z from 'zod';
import { httpHandler } from '../shared/http/http-handler';
import { staffQuery } from '../shared/http/staff-query';
import { auditTrailDependencies } from '../shared/runtime/dependencies';
import { type AuditTrailDependencies, readAuditTrail } from '../shared/use-cases/read-audit-trail';

const querySchema = z.strictObject({
  caseId: z.string().trim().min(1).max(32).optional(),
  userId: z.string().trim().min(1).max(128).optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1).max(100).default(50),
  cursor: z.string().max(4096).optional(),
});

/** GET /v1/audit?caseId=…|userId=… — who changed a case or read its contact data (admins). */
export function getAuditTrail(deps: AuditTrailDependencies) {
  return staffQuery(querySchema, (actor, query) => readAuditTrail(deps, actor, query));
}

export const handler = httpHandler(getAuditTrail(auditTrailDependencies()));
