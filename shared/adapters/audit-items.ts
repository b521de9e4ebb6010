import { randomUUID } from 'node:crypto';
import type { Case, TimelineEntry } from '../domain/case';
import { correlated } from '../observability/correlation';
import type { AuditRecord } from '../ports/audit-log';

/** Audit entries are kept 400 days (DOMAIN.md asks for at least 180). */
export const AUDIT_RETENTION_DAYS = 400;

/** An audit record as stored: with its time-ordered unique key (`at#id`) and its expiry. */
export interface AuditEntry extends AuditRecord {
  readonly entryKey: string;
  readonly expiresAt: number;
}

export function auditEntry(
  fields: Omit<AuditEntry, 'entryKey' | 'expiresAt'>,
  id: string = randomUUID(),
): AuditEntry {
  return {
    // Which request made the entry (correlation.ts): the way from an audited change to its logs.
    ...correlated(fields),
    entryKey: `${fields.at}#${id}`,
    expiresAt: Math.floor(new Date(fields.at).getTime() / 1000) + AUDIT_RETENTION_DAYS * 86_400,
  };
}

/**
 * The audit entry of a stored change: who did what to the case, from which status to which. Its
 * key is derived from the change, so a retried transaction carries the very same entry.
 */
export function stateChangeAudit(before: Case | undefined, after: Case): AuditEntry {
  const entry = after.timeline.at(-1) as TimelineEntry;
  return auditEntry(
    {
      caseId: after.caseId,
      at: entry.at,
      actor: entry.actor,
      role: entry.role,
      kind: 'state_change',
      action: entry.action,
      ...(before ? { fromStatus: before.status } : {}),
      toStatus: after.status,
    },
    `${after.caseId}#v${after.version}`,
  );
}
