import { planKey } from '../domain/lifecycle/workflow-plan';
import type { CaseVersion } from '../ports/statistics';
import type { Workflow } from '../ports/workflow';

export interface WorkflowFollowingDependencies {
  readonly workflow: Workflow;
}

/**
 * A batch's case versions by the execution they concern: one group per case and round (its reopen
 * count), each in stream order. Only a round's last version counts — the workflow plans from the
 * case as it is — but the group keeps the others, so a round that began in the batch still starts.
 */
export function caseRounds(versions: readonly CaseVersion[]): number[][] {
  const rounds = new Map<string, number[]>();
  for (const [index, { after }] of versions.entries()) {
    const round = `${after.caseId}#${after.reopenCount}`;
    const indexes = rounds.get(round);
    if (indexes) indexes.push(index);
    else rounds.set(round, [index]);
  }
  return [...rounds.values()];
}

/**
 * The follow-case-workflow function, for one case's round: a new case or a reopened one starts its
 * execution (named after the case and round, so a repeated start is harmless); a change of what the
 * waiting step depends on (planKey) completes that step. A change that leaves the plan alone (a
 * signature, a note, a supervision) costs no Step Functions call at all.
 */
export async function followCaseRound(
  deps: WorkflowFollowingDependencies,
  round: readonly CaseVersion[],
): Promise<void> {
  const last = round.at(-1);
  if (!last) return;
  const begins = round.some(({ before, after }) => !before || before.reopenCount !== after.reopenCount);
  if (begins) return deps.workflow.startCase(last.after);
  const moved = round.some(({ before, after }) => !before || planKey(before) !== planKey(after));
  if (moved) await deps.workflow.caseChanged(last.after);
}
