import type { Case, TimelineEntry } from '../domain/case';
import { CivicError, notFound } from '../domain/errors';
import type { CaseAction } from '../domain/lifecycle/action-table';
import { applyAction } from '../domain/lifecycle/apply-action';
import { canSeeCase } from '../domain/lifecycle/case-access';
import { actorName, type StaffActor } from '../domain/roles';
import { CASE_STATUS_LABELS, isOpen } from '../domain/statuses';
import type { AttachmentFiles } from '../ports/attachment-files';
import type { CaseGuard } from '../ports/case-store';
import type { Idempotency, OnceRequest } from '../ports/idempotency';
import { keepAttachments, verifiedUploads } from './attach-files';
import { clientRequestDigest, entryOfRequest } from './client-request';
import { commitTransition } from './commit-transition';
import { type LifecycleDependencies, lifecycleContext } from './lifecycle-dependencies';

export interface CaseActionDependencies extends LifecycleDependencies {
  readonly idempotency: Idempotency;
  readonly files: AttachmentFiles;
}

/** The answer to an action: enough to continue, and nothing personal (it is kept for replays). */
export interface ActionResult extends Record<string, unknown> {
  readonly caseId: string;
  readonly status: Case['status'];
  readonly statusLabel: string;
  readonly version: number;
  readonly entry: Case['timeline'][number];
}

/**
 * A staff member acts on a case: POST /v1/cases/{caseId}/actions. Who may see the case is decided
 * before anything is replayed; a retry whose action is already on the timeline (the earlier
 * attempt crashed after storing it, or its answer was lost) gets that outcome instead of a 409 —
 * even when that action took the case out of the actor's sight, as a department's return does.
 * The request's digest names its caller, so only the staff member who acted finds their entry.
 */
export async function performCaseAction(
  deps: CaseActionDependencies,
  request: { caseId: string; action: CaseAction; actor: StaffActor; once: OnceRequest },
): Promise<ActionResult> {
  const before = await deps.store.get(request.caseId);
  const requestDigest = clientRequestDigest(request.once);
  const earlier = before && entryOfRequest(before, requestDigest);
  if (!before || (!earlier && !canSeeCase(request.actor, before))) throw notFound();
  return deps.idempotency.once(request.once, async () => {
    if (earlier) return outcome(before.caseId, earlier.entry, earlier.version);
    const { action, guards } = await resolveReferences(deps, request.action, request.actor, before);
    const context = await lifecycleContext(deps);
    const uploads = 'attachments' in action ? (action.attachments ?? []) : [];
    // Files are checked before the action is: a refused file fails the request with nothing written.
    const files = await verifiedUploads(deps, uploads, {
      origin: 'department',
      by: actorName(request.actor),
      at: context.now.toISOString(),
    });
    const transition = applyAction(before, action, request.actor, { ...context, files }, requestDigest);
    await keepAttachments(deps, before.caseId, files);
    const after = await commitTransition(deps, before, transition, guards);
    return outcome(after.caseId, transition.entry, after.version);
  });
}

function outcome(caseId: string, entry: TimelineEntry, version: number): ActionResult {
  const { request: _internal, ...shown } = entry;
  return {
    caseId,
    status: entry.status,
    statusLabel: CASE_STATUS_LABELS[entry.status],
    version,
    entry: shown,
  };
}

/**
 * Conditions that need other records: the department transferred to, the case merged into. A
 * merge goes to the root of the target's chain (a case merged into a merged case joins that
 * case's primary), only into an open case of the same kind, and only if that case is still as it
 * was read when the merge is stored — so two cross-merges at once never make a cycle.
 */
async function resolveReferences(
  deps: CaseActionDependencies,
  action: CaseAction,
  actor: StaffActor,
  c: Case,
): Promise<{ action: CaseAction; guards: CaseGuard[] }> {
  if (action.type === 'transfer' && !(await deps.departments.get(action.departmentId))?.active) {
    throw new CivicError(400, 'UNKNOWN_DEPARTMENT', '承办单位不存在或已停用', [
      { field: 'departmentId', message: '承办单位不存在或已停用' },
    ]);
  }
  if (action.type !== 'merge' || action.intoCaseId === c.caseId) return { action, guards: [] };
  const primary = await mergeRoot(deps, action.intoCaseId);
  if (!primary || !canSeeCase(actor, primary)) {
    throw new CivicError(400, 'UNKNOWN_CASE', '要并入的案件不存在', [
      { field: 'intoCaseId', message: '要并入的案件不存在' },
    ]);
  }
  if (primary.caseId === c.caseId) {
    throw new CivicError(409, 'MERGE_CYCLE', '要并入的案件已并入本案，不能互相并单');
  }
  if (primary.kind !== c.kind) {
    throw new CivicError(400, 'MERGE_KIND_MISMATCH', '只能并入同一类型的案件（信件、工单或咨询）', [
      { field: 'intoCaseId', message: '只能并入同一类型的案件' },
    ]);
  }
  if (!isOpen(primary.status)) {
    throw new CivicError(
      409,
      'MERGE_TARGET_CLOSED',
      `要并入的案件状态为“${CASE_STATUS_LABELS[primary.status]}”，只能并入尚未办结的案件`,
    );
  }
  return {
    action: { ...action, intoCaseId: primary.caseId },
    guards: [{ caseId: primary.caseId, kind: primary.kind, version: primary.version }],
  };
}

/** A merged case points at its primary; chains are followed to the case that is not merged. */
const MAX_MERGE_CHAIN = 10;

async function mergeRoot(deps: CaseActionDependencies, caseId: string): Promise<Case | undefined> {
  let current = await deps.store.get(caseId);
  for (let hop = 0; hop < MAX_MERGE_CHAIN && current?.status === 'merged' && current.mergedInto; hop += 1) {
    current = await deps.store.get(current.mergedInto);
  }
  return current;
}
