import type { Case, SatisfactionLevel } from '../domain/case';
import { applyAction } from '../domain/lifecycle/apply-action';
import type { Idempotency, OnceRequest } from '../ports/idempotency';
import type { AttachmentReading } from './attach-files';
import { clientRequestDigest, entryOfRequest } from './client-request';
import { commitTransition } from './commit-transition';
import { type LifecycleDependencies, lifecycleContext } from './lifecycle-dependencies';
import {
  type CitizenAccessDependencies,
  type CitizenCaseReading,
  citizenReading,
  openCaseWithQueryCode,
  type QueryCodeAttempt,
} from './view-case-as-citizen';

export interface CitizenRatingDependencies
  extends LifecycleDependencies,
    CitizenAccessDependencies,
    AttachmentReading {
  readonly idempotency: Idempotency;
}

/**
 * POST /v1/cases/{caseId}/rating: the citizen rates the reply (评价) with the query code. The code
 * is checked before anything is replayed, and a retry whose rating is already on the timeline
 * (the first attempt crashed after storing it) changes nothing. The code is counted once per
 * request: the answer reads the rated case again without offering the code again.
 */
export async function rateCaseAsCitizen(
  deps: CitizenRatingDependencies,
  request: {
    attempt: QueryCodeAttempt;
    rating: { resolved: boolean; satisfaction: SatisfactionLevel; comment?: string };
    once: OnceRequest;
  },
): Promise<CitizenCaseReading> {
  const before = await openCaseWithQueryCode(deps, request.attempt);
  const requestDigest = clientRequestDigest(request.once);
  // The rated case, where this request rated it (or found its rating there); a replayed answer
  // carries only the case number, and the case is read again.
  let rated: Case | undefined;
  await deps.idempotency.once(request.once, async () => {
    if (entryOfRequest(before, requestDigest)) {
      rated = before;
      return { caseId: before.caseId };
    }
    const transition = applyAction(
      before,
      { type: 'rate', ...request.rating },
      { kind: 'citizen' },
      await lifecycleContext(deps),
      requestDigest,
    );
    const after = await commitTransition(deps, before, transition);
    rated = after;
    return { caseId: after.caseId, version: after.version };
  });
  return citizenReading(deps, rated ?? (await deps.store.get(before.caseId)) ?? before);
}
