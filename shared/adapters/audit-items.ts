import { randomUUID } from 'node:crypto';
import type { Case, TimelineEntry } from '../domain/case';

/** Audit entries are kept 400 days (DOMAIN.md asks for at least 180). */
export const AUDIT_RETENTION_DAYS = 400;

export interface AuditEntry {
  readonly caseId: string;
  /** `at#id`: time-ordered and unique. */
  readonly entryKey: string;
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly kind: 'state_change' | 'contact_read';
  readonly action: string;
  readonly fromStatus?: string;
  readonly toStatus?: string;
  /** Why the contact data was read: the route. */
  readonly purpose?: string;
  readonly expiresAt: number;
}

export function auditEntry(
  fields: Omit<AuditEntry, 'entryKey' | 'expiresAt'>,
  id: string = randomUUID(),
): AuditEntry {
  return {
    ...fields,
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
