import type { Case } from '../domain/case';

/** The CaseLifecycle state machine, seen from the use cases. */
export interface Workflow {
  /** Starts tracking a case; starting a case that is already tracked is harmless. */
  startCase(c: Case): Promise<void>;
}
