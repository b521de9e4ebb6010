import type { Case } from '../domain/case';
import { CivicError, notFound } from '../domain/errors';
import type { CaseAction } from '../domain/lifecycle/actions';
import { applyAction } from '../domain/lifecycle/apply-action';
import { canSeeCase } from '../domain/lifecycle/case-access';
import type { StaffActor } from '../domain/roles';
import { CASE_STATUS_LABELS } from '../domain/statuses';
import type { Idempotency, OnceRequest } from '../ports/idempotency';
import { commitTransition } from './commit-transition';
import { type LifecycleDependencies, lifecycleContext } from './lifecycle-dependencies';

export interface CaseActionDependencies extends LifecycleDependencies {
  readonly idempotency: Idempotency;
}

/** The answer to an action: enough to continue, and nothing personal (it is kept for replays). */
export interface ActionResult extends Record<string, unknown> {
  readonly caseId: string;
  readonly status: Case['status'];
  readonly statusLabel: string;
  readonly version: number;
  readonly entry: Case['timeline'][number];
}

/** A staff member acts on a case: POST /v1/cases/{caseId}/actions. */
export async function performCaseAction(
  deps: CaseActionDependencies,
  request: { caseId: string; action: CaseAction; actor: StaffActor; once: OnceRequest },
): Promise<ActionResult> {
  return deps.idempotency.once(request.once, async () => {
    const before = await deps.store.get(request.caseId);
    if (!before || !canSeeCase(request.actor, before)) throw notFound();
    await checkReferences(deps, request.action, request.actor, before);
    const transition = applyAction(before, request.action, request.actor, lifecycleContext(deps));
    const after = await commitTransition(deps, before, transition);
    return {
      caseId: after.caseId,
      status: after.status,
      statusLabel: CASE_STATUS_LABELS[after.status],
      version: after.version,
      entry: transition.entry,
    };
  });
}

/** Conditions that need other records: the department transferred to, the case merged into. */
async function checkReferences(deps: CaseActionDependencies, action: CaseAction, actor: StaffActor, c: Case) {
  if (action.type === 'transfer' && !(await deps.departments.get(action.departmentId))) {
    throw new CivicError(400, 'UNKNOWN_DEPARTMENT', '承办单位不存在', [
      { field: 'departmentId', message: '承办单位不存在' },
    ]);
  }
  if (action.type === 'merge' && action.intoCaseId !== c.caseId) {
    const primary = await deps.store.get(action.intoCaseId);
    if (!primary || !canSeeCase(actor, primary)) {
      throw new CivicError(400, 'UNKNOWN_CASE', '要并入的案件不存在', [
        { field: 'intoCaseId', message: '要并入的案件不存在' },
      ]);
    }
    if (primary.status === 'merged' || primary.status === 'rejected') {
      throw new CivicError(
        409,
        'MERGE_TARGET_CLOSED',
        `要并入的案件状态为“${CASE_STATUS_LABELS[primary.status]}”，不能并入`,
      );
    }
  }
}
