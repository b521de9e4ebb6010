import type { Case } from '../domain/case';
import type { CaseKind } from '../domain/case-kinds';

/** Where cases live: one table per kind behind one interface. */
export interface CaseStore {
  /** A new case number, unique per kind, allocated atomically (XJ20261121000123). */
  allocateCaseNumber(kind: CaseKind, at: Date): Promise<string>;
  /** Stores a new case; fails if the number is taken. */
  create(created: Case): Promise<void>;
  get(caseId: string): Promise<Case | undefined>;
  /**
   * Replaces `before` with `after` if nobody changed the case meanwhile; otherwise throws the
   * STALE_VERSION error. Status, timeline and every derived record change together or not at all.
   */
  save(before: Case, after: Case): Promise<void>;
}
