import type { SatisfactionLevel } from '../domain/case';
import type { CitizenCaseView } from '../domain/citizen-view';
import { applyAction } from '../domain/lifecycle/apply-action';
import type { Idempotency, OnceRequest } from '../ports/idempotency';
import { commitTransition } from './commit-transition';
import { type LifecycleDependencies, lifecycleContext } from './lifecycle-dependencies';
import {
  type CitizenAccessDependencies,
  openCaseWithQueryCode,
  type QueryCodeAttempt,
  viewCaseAsCitizen,
} from './view-case-as-citizen';

export interface CitizenRatingDependencies extends LifecycleDependencies, CitizenAccessDependencies {
  readonly idempotency: Idempotency;
}

/** POST /v1/cases/{caseId}/rating: the citizen rates the reply (评价) with the query code. */
export async function rateCaseAsCitizen(
  deps: CitizenRatingDependencies,
  request: {
    attempt: QueryCodeAttempt;
    rating: { resolved: boolean; satisfaction: SatisfactionLevel; comment?: string };
    once: OnceRequest;
  },
): Promise<CitizenCaseView> {
  await deps.idempotency.once(request.once, async () => {
    const before = await openCaseWithQueryCode(deps, request.attempt);
    const transition = applyAction(
      before,
      { type: 'rate', ...request.rating },
      { kind: 'citizen' },
      lifecycleContext(deps),
    );
    const after = await commitTransition(deps, before, transition);
    return { caseId: after.caseId, version: after.version };
  });
  return viewCaseAsCitizen(deps, request.attempt);
}
