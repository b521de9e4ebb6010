import type { StaffActor } from '../domain/roles';

export interface AuditRecord {
  /** The case, or for an administrator's change what it changed (`department:dept-urban`). */
  readonly caseId: string;
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly kind: 'state_change' | 'contact_read' | 'admin_change';
  readonly action: string;
  readonly fromStatus?: string;
  readonly toStatus?: string;
  readonly purpose?: string;
  /** An administrator's change: the record before and after it (JSON). */
  readonly before?: string;
  readonly after?: string;
  /** The request that made it (`correlation_id` in the logs of that request's work). */
  readonly correlationId?: string;
}

export interface AuditPage {
  readonly entries: readonly AuditRecord[];
  readonly next?: Record<string, unknown>;
}

/** The append-only audit trail. State changes are written with the change itself (CaseStore). */
export interface AuditLog {
  /** Records that a staff member read a case's full contact data; fails if it cannot record. */
  recordContactRead(caseId: string, actor: StaffActor, purpose: string): Promise<void>;
  byCase(caseId: string, limit: number, start?: Record<string, unknown>): Promise<AuditPage>;
  byActor(actor: string, limit: number, start?: Record<string, unknown>): Promise<AuditPage>;
}
