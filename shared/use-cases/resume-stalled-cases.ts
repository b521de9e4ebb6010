import { CASE_KINDS } from '../domain/case-kinds';
import { OPEN_STATUSES } from '../domain/statuses';
import type { CaseStore, ListPosition } from '../ports/case-store';
import type { Workflow } from '../ports/workflow';

/**
 * Starts the workflow again for every open case: after a local restart (the local runner keeps
 * executions in memory), or for a case whose workflow failed to start. The workflow plans from
 * the case table, so resuming a case that is still tracked only replaces its wait.
 */
export async function resumeOpenCases(deps: { store: CaseStore; workflow: Workflow }): Promise<number> {
  let resumed = 0;
  for (const status of OPEN_STATUSES) {
    let position: ListPosition | undefined;
    do {
      const page = await deps.store.list({ kinds: CASE_KINDS, status }, 100, position);
      for (const c of page.cases) {
        await deps.workflow.startCase(c);
        resumed += 1;
      }
      position = page.next;
    } while (position);
  }
  return resumed;
}
