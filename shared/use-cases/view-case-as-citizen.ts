import { type AbuseLimits, queryCodeLimits } from '../domain/abuse-limits';
import { citizenAttachments } from '../domain/attachment';
import { type Case, departmentsOf } from '../domain/case';
import { type CitizenCaseView, citizenView } from '../domain/citizen-view';
import { notFound } from '../domain/errors';
import { queryCodeMatches } from '../domain/query-code';
import type { CaseStore } from '../ports/case-store';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { KeyRing } from '../ports/key-ring';
import type { RateLimiter } from '../ports/rate-limiter';
import { type AttachmentReading, type AttachmentView, attachmentViews } from './attach-files';

export interface CitizenAccessDependencies {
  readonly store: CaseStore;
  readonly keys: KeyRing;
  readonly departments: DepartmentDirectory;
  readonly limiter: RateLimiter;
  readonly abuseLimits: AbuseLimits;
}

/** A case number, the code offered for it, and the client offering it. */
export interface QueryCodeAttempt {
  readonly caseId: string;
  readonly queryCode: string;
  readonly client: string;
}

/**
 * The case behind a case number and query code. An unknown case and a wrong code answer the same
 * 404, after the same work, so the answer never tells whether a case number exists. Every attempt
 * is counted before its code is compared — one conditional update that also refuses a locked case
 * or client — and given back only when the code was right: a burst of wrong codes in parallel
 * gets no more comparisons than the limit allows, and once locked even the right code waits.
 */
export async function openCaseWithQueryCode(
  deps: CitizenAccessDependencies,
  attempt: QueryCodeAttempt,
): Promise<Case> {
  const limits = queryCodeLimits(deps.abuseLimits, attempt.caseId, attempt.client);
  const [, found, hashKey] = await Promise.all([
    deps.limiter.take(limits),
    deps.store.get(attempt.caseId),
    deps.keys.hashKey(),
  ]);
  const matches = queryCodeMatches(hashKey, attempt.caseId, attempt.queryCode, found?.queryCodeHash ?? '-');
  if (!found || !matches) throw notFound();
  await deps.limiter.release(limits);
  return found;
}

export type CitizenCaseReading = CitizenCaseView & { readonly attachments: readonly AttachmentView[] };

/** GET /v1/cases/{caseId} with X-Query-Code: what the citizen sees of their own case. */
export async function viewCaseAsCitizen(
  deps: CitizenAccessDependencies & AttachmentReading,
  attempt: QueryCodeAttempt,
): Promise<CitizenCaseReading> {
  return citizenReading(deps, await openCaseWithQueryCode(deps, attempt));
}

/**
 * What the citizen sees of a case already opened with its query code in this request: a request
 * that opened it once (a rating) shows the result without counting the code a second time.
 */
export async function citizenReading(
  deps: Pick<CitizenAccessDependencies, 'departments'> & AttachmentReading,
  found: Case,
): Promise<CitizenCaseReading> {
  const names = await deps.departments.names(departmentsOf(found));
  // Their own files, and the department's with the reply that reached them.
  const files = citizenAttachments(found.attachments ?? [], found.reply?.attachmentIds ?? []);
  return {
    ...citizenView(found, (id) => names.get(id)),
    attachments: await attachmentViews(deps.files, found.caseId, files),
  };
}
