import type { Case } from '../domain/case';
import { CASE_KINDS } from '../domain/case-kinds';
import { OPEN_STATUSES } from '../domain/statuses';
import type { CaseStore, ListPosition } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { Log } from '../ports/log';
import type { Workflow } from '../ports/workflow';

/**
 * Starts the workflow again for every open case: after a local restart (the local runner keeps
 * executions in memory), or for a case whose workflow failed to start. The workflow plans from
 * the case table, so resuming a case that is still tracked only replaces its wait.
 */
export async function resumeOpenCases(deps: { store: CaseStore; workflow: Workflow }): Promise<number> {
  let resumed = 0;
  for await (const c of openCases(deps.store)) {
    await deps.workflow.startCase(c);
    resumed += 1;
  }
  return resumed;
}

/** An open case left alone this long, with no wait step waiting on it, has lost its workflow. */
export const STALLED_AFTER_MINUTES = 10;

/**
 * The hourly sweep in the cloud (resume-stalled-cases): an open case whose workflow failed or never
 * started gets a new execution, and one whose wait step missed the signal of a change is signalled. A case that changed in the last minutes is left alone: its
 * workflow may be between two steps.
 */
export interface SweepDependencies {
  readonly store: CaseStore;
  readonly workflow: Workflow;
  readonly clock: Clock;
  readonly log: Log;
}

export async function resumeStalledCases(deps: SweepDependencies): Promise<string[]> {
  const now = deps.clock.now();
  const quietSince = new Date(now.getTime() - STALLED_AFTER_MINUTES * 60_000).toISOString();
  const resumed: string[] = [];
  for await (const c of openCases(deps.store)) {
    const lastChange = c.timeline.at(-1)?.at ?? c.createdAt;
    if (lastChange > quietSince) continue;
    if (await deps.workflow.isWaiting(c.caseId)) {
      // A wait whose signal was lost (Step Functions kept failing) moves on now, not at its deadline.
      await deps.workflow.caseChanged(c);
      continue;
    }
    await deps.workflow.resumeCase(c, now);
    resumed.push(c.caseId);
  }
  if (resumed.length > 0) deps.log.warn('resumed stalled workflows', { resumed });
  return resumed;
}

async function* openCases(store: CaseStore): AsyncGenerator<Case> {
  for (const status of OPEN_STATUSES) {
    let position: ListPosition | undefined;
    do {
      const page = await store.list({ kinds: CASE_KINDS, status }, 100, position);
      yield* page.cases;
      position = page.next;
    } while (position);
  }
}
