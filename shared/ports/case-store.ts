import type { Case } from '../domain/case';
import type { CaseKind, Channel, RequestType } from '../domain/case-kinds';
import type { CaseStatus } from '../domain/statuses';
import type { Notification } from './notifier';

/** Where cases live: one table per kind behind one interface. */
export interface CaseStore {
  /** A new case number, unique per kind, allocated atomically (XJ20261121000123). */
  allocateCaseNumber(kind: CaseKind, at: Date): Promise<string>;
  /** Stores a new case (and its notices, in the same write); fails if the number is taken. */
  create(created: Case, notifications?: readonly Notification[]): Promise<void>;
  get(caseId: string): Promise<Case | undefined>;
  /**
   * Replaces `before` with `after` if nobody changed the case meanwhile; otherwise throws the
   * STALE_VERSION error. Status, timeline, audit entry and notices change together or not at all.
   */
  save(
    before: Case,
    after: Case,
    guards?: readonly CaseGuard[],
    notifications?: readonly Notification[],
  ): Promise<void>;
  /**
   * Bulk import of historical cases (a migration from the previous system, or a benchmark): cases
   * in batches, then their counters added per scope and period. Unlike create(), not one
   * transaction per case: run `npm run stats:verify` after an import.
   */
  importCases(cases: readonly Case[]): Promise<void>;
  /** Cases newest first, a page at a time; `position` continues where the last page stopped. */
  list(filter: CaseListFilter, limit: number, position?: ListPosition): Promise<CaseListPage>;
}

/**
 * Another case that must still be as it was read when the change is stored, checked in the same
 * transaction (a merge's target: two cross-merges at once must not both succeed). Fails with
 * 409 CASE_CHANGED.
 */
export interface CaseGuard {
  readonly caseId: string;
  readonly kind: CaseKind;
  readonly version: number;
}

export interface CaseListFilter {
  readonly kinds: readonly CaseKind[];
  readonly status?: CaseStatus;
  readonly departmentId?: string;
  readonly type?: RequestType;
  readonly overdue?: boolean;
  /** Only cases a department sent back (退单) at least once. */
  readonly returned?: boolean;
  /** Only cases whose extension request awaits a decision. */
  readonly extensionPending?: boolean;
  /** Oldest first, as a work queue is worked; newest first otherwise. */
  readonly oldestFirst?: boolean;
  /** Only cases published on the public site (consent given, reply reviewed), newest reply first. */
  readonly published?: boolean;
  readonly channel?: Channel;
  /** Only forwarded letters to be answered back by this instant (ISO) or earlier. */
  readonly answerBackDue?: string;
  /** Created at or after this instant (ISO). */
  readonly createdFrom?: string;
  /** Created at or before this instant (ISO). */
  readonly createdTo?: string;
}

/** Where a listing stopped, per kind: the last key read, or null once that kind is exhausted. */
export type ListPosition = Partial<Record<CaseKind, Record<string, unknown> | null>>;

export interface CaseListPage {
  readonly cases: readonly Case[];
  readonly next?: ListPosition;
}
