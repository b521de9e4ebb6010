import { auditQuerySchema } from '../shared/http/list-schemas';
import { staffHandler } from '../shared/http/staff-handler';
import { staffQuery } from '../shared/http/staff-query';
import { auditTrailDependencies } from '../shared/runtime/dependencies';
import { type AuditTrailDependencies, readAuditTrail } from '../shared/use-cases/read-audit-trail';

/** GET /v1/audit?caseId=…|userId=… — who changed a case or read its contact data (admins). */
export function getAuditTrail(deps: AuditTrailDependencies) {
  return staffQuery(auditQuerySchema, (actor, query) => readAuditTrail(deps, actor, query));
}

export const handler = staffHandler(getAuditTrail(auditTrailDependencies()));
