import { CivicError, forbidden } from '../domain/errors';
import type { StaffActor } from '../domain/roles';
import type { AuditLog, AuditRecord } from '../ports/audit-log';
import type { KeyRing } from '../ports/key-ring';
import { readCursor, writeCursor } from './signed-cursor';

/** GET /v1/audit?caseId= or ?userId=: the audit trail, newest first, for administrators only. */
export interface AuditTrailDependencies {
  readonly audit: AuditLog;
  readonly keys: KeyRing;
}

export async function readAuditTrail(
  deps: AuditTrailDependencies,
  actor: StaffActor,
  request: { caseId?: string; userId?: string; limit: number; cursor?: string },
): Promise<{ entries: readonly AuditRecord[]; nextCursor?: string }> {
  if (!actor.roles.includes('admin')) throw forbidden('只有管理员可以查看审计日志');
  if (Boolean(request.caseId) === Boolean(request.userId)) {
    throw new CivicError(400, 'VALIDATION_FAILED', '请提供 caseId 或 userId 之一', [
      { field: 'caseId', message: '请提供 caseId 或 userId 之一' },
    ]);
  }
  const query = { caseId: request.caseId, userId: request.userId };
  const key = await deps.keys.hashKey();
  const start = request.cursor
    ? readCursor<Record<string, unknown>>(key, 'audit', request.cursor, query)
    : undefined;
  const page = request.caseId
    ? await deps.audit.byCase(request.caseId, request.limit, start)
    : await deps.audit.byActor(request.userId ?? '', request.limit, start);
  return {
    entries: page.entries,
    ...(page.next ? { nextCursor: writeCursor(key, 'audit', page.next, query) } : {}),
  };
}
