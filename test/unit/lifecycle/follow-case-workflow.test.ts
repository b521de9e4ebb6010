import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case';
import type { CaseAction as Action } from '../../../shared/domain/lifecycle/action-table';
import { applyAction } from '../../../shared/domain/lifecycle/apply-action';
import { PartialBatch } from '../../../shared/ports/partial-batch';
import type { CaseVersion } from '../../../shared/ports/statistics';
import type { Workflow } from '../../../shared/ports/workflow';
import { inGroups } from '../../../shared/streams/stream-batch';
import { caseRounds, followCaseRound } from '../../../shared/use-cases/follow-case-workflow';
import { contextAt, dispatcher, housing, newCase } from '../../support/domain-fixtures';

/** What the workflow was asked, in order. */
function recordingWorkflow(failFor?: string) {
  const calls: string[] = [];
  const workflow: Pick<Workflow, 'startCase' | 'caseChanged'> = {
    async startCase(c) {
      if (c.caseId === failFor) throw new Error('Step Functions unavailable');
      calls.push(`start ${c.caseId} v${c.version}`);
    },
    async caseChanged(c) {
      if (c.caseId === failFor) throw new Error('Step Functions unavailable');
      calls.push(`changed ${c.caseId} v${c.version}`);
    },
  };
  return { calls, deps: { workflow: workflow as Workflow } };
}

function acted(c: Case, action: Action, actor = dispatcher): CaseVersion {
  return { before: c, after: applyAction(c, action, actor, contextAt('2026-11-02T10:00:00+08:00')).after };
}

const follow = (deps: ReturnType<typeof recordingWorkflow>['deps']) =>
  inGroups(caseRounds, (round: readonly CaseVersion[]) => followCaseRound(deps, round));

describe('the workflow following the case stream', () => {
  const a = newCase({ caseId: 'XJ20261102000001' });
  const b = newCase({ caseId: 'XJ20261102000002' });
  const transferred = acted(a, { type: 'transfer', departmentId: 'dept-housing', instructions: '请处理' });
  const signed = acted(transferred.after, { type: 'sign' }, housing);

  it('starts a new case once, from its latest version in the batch', async () => {
    const { calls, deps } = recordingWorkflow();
    await follow(deps)([{ after: a }, transferred, { after: b }]);
    expect(calls).toEqual([
      `start ${a.caseId} v${transferred.after.version}`,
      `start ${b.caseId} v${b.version}`,
    ]);
  });

  it('completes a wait only when what it waits on changed, and not for a signature', async () => {
    const { calls, deps } = recordingWorkflow();
    await follow(deps)([transferred]);
    await follow(deps)([signed]);
    expect(calls).toEqual([`changed ${a.caseId} v${transferred.after.version}`]);
  });

  it('stops a failed batch at the first record of the failed round, so a retry still starts it', async () => {
    const { calls, deps } = recordingWorkflow(a.caseId);
    const batch = [{ after: b }, { after: a }, transferred];
    const failure = await follow(deps)(batch).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PartialBatch);
    expect((failure as PartialBatch).handled).toBe(1);
    expect(calls).toEqual([`start ${b.caseId} v${b.version}`]);
  });
});
